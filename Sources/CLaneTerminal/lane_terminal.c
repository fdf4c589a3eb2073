// Written by hand because no library does these: libedit's own key reading
// ends a Ctrl-R search as end of input on Ctrl-C, inserts the tail of an
// arrow key's escape sequence during that search, and ignores a resize unless
// it installs signal handlers of its own, which re-send SIGINT to the whole
// process group. Reading keys here fixes all three without patching libedit.
#define _GNU_SOURCE
#include "lane_terminal.h"

#include <errno.h>
#include <poll.h>
#include <time.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

static volatile sig_atomic_t interrupted = 0;
static volatile sig_atomic_t resized = 0;

static void on_signal(int signo) {
    if (signo == SIGINT) interrupted = 1;
    else if (signo == SIGWINCH) resized = 1;
}

void lane_catch_signals(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    // SA_RESTART: a command's own reads and writes (SQLite, pipes to a
    // plugin) go on through a resize or a Ctrl-C; the key reader waits in
    // ppoll, which a signal always interrupts, restart or not.
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGWINCH, &action, NULL);
    // A pager quit before the end of the output must not end the shell.
    signal(SIGPIPE, SIG_IGN);
    // A parent may hand SIGINT down blocked (a program started from a
    // dispatch thread is); blocked, Ctrl-C would do nothing at all.
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGWINCH);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
}

int lane_take_interrupt(void) {
    int was = interrupted;
    interrupted = 0;
    return was;
}

int lane_interrupt_pending(void) { return interrupted; }

int lane_terminal_columns(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    return 0;
}

int lane_terminal_rows(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_row > 0) return size.ws_row;
    return 0;
}

// The PIN prompt reads bytes itself, with echo, line mode and signals off:
// Ctrl-C and Ctrl-D are then keys it answers, never a signal arriving in the
// middle of stdio (which left the terminal silent and the process spinning)
// nor an end-of-file flag left on stdin (which broke every later prompt).
int lane_read_secret(const char *prompt, char *buffer, size_t capacity) {
    if (capacity == 0 || !isatty(0)) return LANE_SECRET_NO_TERMINAL;
    struct termios saved, quiet;
    if (tcgetattr(0, &saved) != 0) return LANE_SECRET_NO_TERMINAL;
    quiet = saved;
    quiet.c_lflag &= ~(tcflag_t)(ECHO | ICANON | ISIG | IEXTEN);
    quiet.c_iflag &= ~(tcflag_t)(IXON | ICRNL);
    quiet.c_cc[VMIN] = 1;
    quiet.c_cc[VTIME] = 0;
    // Quiet before the prompt shows: a key typed as soon as it shows (a fast typist, a paste) was
    // echoed by the terminal, PIN digits on the screen, and a Ctrl-C then was a signal the read
    // below never saw, leaving the prompt waiting. What was typed before the prompt is dropped.
    tcsetattr(0, TCSAFLUSH, &quiet);
    fputs(prompt, stdout);
    fflush(stdout);
    size_t length = 0;
    int result = 0;
    for (;;) {
        unsigned char byte;
        ssize_t got = read(0, &byte, 1);
        if (got < 0 && errno == EINTR) {
            if (interrupted) { interrupted = 0; result = LANE_SECRET_INTERRUPTED; break; }
            continue;
        }
        if (got <= 0) { result = LANE_SECRET_END_OF_INPUT; break; }
        if (byte == 3) { result = LANE_SECRET_INTERRUPTED; break; }              // Ctrl-C
        if (byte == 4) {                                                        // Ctrl-D
            if (length == 0) { result = LANE_SECRET_END_OF_INPUT; break; }
            continue;
        }
        if (byte == '\r' || byte == '\n') { result = (int)length; break; }
        if (byte == 0x7f || byte == 8) {                                        // Backspace: one character
            while (length > 0 && (buffer[length - 1] & 0xC0) == 0x80) length--;
            if (length > 0) length--;
            continue;
        }
        if (byte == 0x15) { length = 0; continue; }                             // Ctrl-U
        if (byte < 0x20) continue;
        if (length + 1 < capacity) buffer[length++] = (char)byte;
    }
    buffer[length < capacity ? length : capacity - 1] = '\0';
    if (result < 0) memset(buffer, 0, capacity);
    tcsetattr(0, TCSAFLUSH, &saved);
    fputs(result == LANE_SECRET_INTERRUPTED ? "^C\n" : "\n", stdout);
    fflush(stdout);
    return result;
}

// Bytes read ahead (the rest of an escape sequence that is not translated).
static unsigned char pending[16];
static int pending_count = 0;
static int prompt_columns = 0;

void lane_set_prompt_columns(int columns) { prompt_columns = columns; }

// After a resize: libedit learns the new width, and the line is drawn again
// from its first row. Terminals that reflow (tmux, most emulators) move the
// text to the new width, so the first row is found with the new width.
static void redraw_after_resize(EditLine *el) {
    el_resize(el);
    int width = lane_terminal_columns(1);
    const LineInfoW *line = el_wline(el);
    int before = prompt_columns;
    if (line) {
        for (const wchar_t *p = line->buffer; p < line->cursor; p++) {
            int w = wcwidth(*p);
            before += w > 0 ? w : 0;
        }
    }
    int rows_up = width > 0 ? before / width : 0;
    char move[32];
    fputs("\r", stdout);
    if (rows_up > 0) { snprintf(move, sizeof move, "\033[%dA", rows_up); fputs(move, stdout); }
    fputs("\033[J", stdout);
    fflush(stdout);
    el_set(el, EL_REFRESH);
}

// One byte: the read-ahead first, else the terminal. -1 with errno EINTR on Ctrl-C.
static int next_byte(EditLine *el, unsigned char *byte, int wait_ms) {
    if (pending_count > 0) {
        *byte = pending[0];
        memmove(pending, pending + 1, (size_t)--pending_count);
        return 1;
    }
    for (;;) {
        // A Ctrl-C that came while no read was waiting (during a TAB
        // listing, say) must still end this read: the signals are blocked
        // while the flags are looked at, and ppoll lets them in atomically.
        sigset_t block, old;
        sigemptyset(&block);
        sigaddset(&block, SIGINT);
        sigaddset(&block, SIGWINCH);
        sigprocmask(SIG_BLOCK, &block, &old);
        if (interrupted) { sigprocmask(SIG_SETMASK, &old, NULL); errno = EINTR; return -1; }
        if (resized) {
            resized = 0;
            sigprocmask(SIG_SETMASK, &old, NULL);
            if (el) redraw_after_resize(el);
            continue;
        }
        struct pollfd fd = { .fd = 0, .events = POLLIN };
        struct timespec wait = { .tv_sec = wait_ms / 1000, .tv_nsec = (long)(wait_ms % 1000) * 1000000L };
        int ready = ppoll(&fd, 1, wait_ms >= 0 ? &wait : NULL, &old);
        sigprocmask(SIG_SETMASK, &old, NULL);
        if (ready == 0) return 0;
        if (ready < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        ssize_t got = read(0, byte, 1);
        if (got == 1) return 1;
        if (got == 0) return 0;
        if (errno != EINTR) return -1;
    }
}

// The emacs keys that do what the arrows do: inside a Ctrl-R search libedit
// only understands single keys, and any key it does not know ends the search
// and then runs, so the arrow moves instead of inserting "[C".
static wchar_t translated_escape(unsigned char final) {
    switch (final) {
    case 'A': return 0x10;  // Up: ^P
    case 'B': return 0x0e;  // Down: ^N
    case 'C': return 0x06;  // Right: ^F
    case 'D': return 0x02;  // Left: ^B
    case 'H': return 0x01;  // Home: ^A
    case 'F': return 0x05;  // End: ^E
    default: return 0;
    }
}

static int lane_read_key(EditLine *el, wchar_t *out) {
    unsigned char byte;
    int got = next_byte(el, &byte, -1);
    if (got <= 0) { *out = 0; return got; }
    if (byte == 0x1b) {
        unsigned char second, third;
        if (next_byte(el, &second, 30) == 1) {
            if ((second == '[' || second == 'O') && next_byte(el, &third, 30) == 1) {
                wchar_t key = translated_escape(third);
                if (key) { *out = key; return 1; }
                unsigned char fourth;
                // Home and End as some terminals send them: ESC [ 1 ~ (or 7), ESC [ 4 ~ (or 8).
                if (second == '[' && third >= '1' && third <= '8' && next_byte(el, &fourth, 30) == 1) {
                    if (fourth == '~' && (third == '1' || third == '7')) { *out = 0x01; return 1; }
                    if (fourth == '~' && (third == '4' || third == '8')) { *out = 0x05; return 1; }
                    pending[pending_count++] = second;
                    pending[pending_count++] = third;
                    pending[pending_count++] = fourth;
                    *out = 0x1b;
                    return 1;
                }
                pending[pending_count++] = second;
                pending[pending_count++] = third;
            } else {
                pending[pending_count++] = second;
            }
        }
        *out = 0x1b;
        return 1;
    }
    if (byte < 0x80) { *out = byte; return 1; }
    // UTF-8: the lead byte says how many follow.
    int more = (byte & 0xE0) == 0xC0 ? 1 : (byte & 0xF0) == 0xE0 ? 2 : (byte & 0xF8) == 0xF0 ? 3 : -1;
    if (more < 0) { *out = 0xFFFD; return 1; }
    wchar_t value = byte & (0x3F >> more);
    for (int i = 0; i < more; i++) {
        unsigned char next;
        int r = next_byte(el, &next, -1);
        if (r <= 0) { *out = 0; return r; }
        if ((next & 0xC0) != 0x80) { pending[pending_count++] = next; *out = 0xFFFD; return 1; }
        value = (value << 6) | (next & 0x3F);
    }
    *out = value;
    return 1;
}

int lane_el_use_key_reader(EditLine *el) {
    return el_wset(el, EL_GETCFN, lane_read_key);
}

int lane_spawn_close_from(posix_spawn_file_actions_t *actions, int lowest) {
    return posix_spawn_file_actions_addclosefrom_np(actions, lowest);
}
