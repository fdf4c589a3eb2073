// The terminal work that must be C: signal handlers (only async-signal-safe
// code may run there, so they set flags and nothing else), the hidden PIN
// prompt and libedit's key reader. See lane_terminal.c for why each exists.
#ifndef LANE_TERMINAL_H
#define LANE_TERMINAL_H

#include <histedit.h>
#include <spawn.h>
#include <stddef.h>

/// SIGINT and SIGWINCH set flags (and interrupt the key reader's wait).
void lane_catch_signals(void);
/// 1 when Ctrl-C was pressed since the last call, and clears it.
int lane_take_interrupt(void);
/// 1 when Ctrl-C was pressed since the last lane_take_interrupt, without clearing it.
int lane_interrupt_pending(void);

/// Answers of lane_read_secret besides a length.
enum { LANE_SECRET_NO_TERMINAL = -1, LANE_SECRET_INTERRUPTED = -2, LANE_SECRET_END_OF_INPUT = -3 };
/// Reads a line from the terminal on fd 0 without echo into buffer (NUL-ended):
/// its length, or one of the LANE_SECRET_ answers. The terminal's modes are
/// always restored, whatever ends the read.
int lane_read_secret(const char *prompt, char *buffer, size_t capacity);

/// Makes libedit read keys through lane_read_key (see lane_terminal.c).
int lane_el_use_key_reader(EditLine *el);
/// The prompt's width in cells, for redrawing after a resize.
void lane_set_prompt_columns(int columns);

/// Closes every descriptor from `lowest` on in a spawned child (glibc's
/// posix_spawn_file_actions_addclosefrom_np, which Swift's Glibc module does not show).
int lane_spawn_close_from(posix_spawn_file_actions_t *actions, int lowest);

/// Terminal size of fd (0 when unknown).
int lane_terminal_columns(int fd);
int lane_terminal_rows(int fd);
#endif
