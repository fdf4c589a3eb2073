// Swift cannot call C variadic functions, so libedit's el_set/el_get and
// history() are wrapped here, one fixed signature per use we make of them.
#ifndef LANE_CLIBEDIT_SHIM_H
#define LANE_CLIBEDIT_SHIM_H

#include <histedit.h>
#include <locale.h>
#include <stdio.h>

// The C streams, as functions: Swift 6 refuses to touch C's global variables.
static inline FILE *lane_stdin(void) { return stdin; }
static inline FILE *lane_stdout(void) { return stdout; }
static inline FILE *lane_stderr(void) { return stderr; }

typedef char *(*lane_prompt_fn)(EditLine *);
typedef unsigned char (*lane_command_fn)(EditLine *, int);

static inline int lane_el_set_prompt(EditLine *el, lane_prompt_fn fn) {
    return el_set(el, EL_PROMPT, fn);
}
static inline int lane_el_set_prompt_esc(EditLine *el, lane_prompt_fn fn, char ignore) {
    return el_set(el, EL_PROMPT_ESC, fn, ignore);
}
static inline int lane_el_set_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}
static inline void *lane_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}
static inline int lane_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}
static inline int lane_el_set_signal(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}
static inline int lane_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}
static inline int lane_el_add_function(EditLine *el, const char *name, const char *help, lane_command_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int lane_el_bind(EditLine *el, const char *key, const char *command) {
    return el_set(el, EL_BIND, key, command, (const char *)NULL);
}
// `settc CAP VALUE`: an empty value switches a terminal capability off.
static inline int lane_el_settc(EditLine *el, const char *cap, const char *value) {
    return el_set(el, EL_SETTC, cap, value, (const char *)NULL);
}
static inline int lane_history_clear(History *h) {
    HistEvent ev;
    return history(h, &ev, H_CLEAR);
}
static inline int lane_history_set_size(History *h, int size) {
    HistEvent ev;
    return history(h, &ev, H_SETSIZE, size);
}
static inline int lane_history_set_unique(History *h, int unique) {
    HistEvent ev;
    return history(h, &ev, H_SETUNIQUE, unique);
}
static inline int lane_history_enter(History *h, const char *line) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, line);
}
static inline int lane_history_load(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_LOAD, path);
}
static inline int lane_history_save(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_SAVE, path);
}
// Walks the history oldest first; returns NULL past the end.
static inline const char *lane_history_first_oldest(History *h) {
    HistEvent ev;
    if (history(h, &ev, H_LAST) < 0) return NULL;
    return ev.str;
}
static inline const char *lane_history_next_newer(History *h) {
    HistEvent ev;
    if (history(h, &ev, H_PREV) < 0) return NULL;
    return ev.str;
}
#endif
