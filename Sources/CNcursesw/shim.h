#ifndef CABLE_NCURSESW_SHIM_H
#define CABLE_NCURSESW_SHIM_H
// Wide-character curses needs this before the header (SwiftPM drops pkg-config -D flags).
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <wchar.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <ncursesw/curses.h>

// Macros and globals that do not import into Swift as usable values.
static inline WINDOW *cable_stdscr(void) { return stdscr; }
static inline int cable_lines(void) { return LINES; }
static inline int cable_cols(void) { return COLS; }
static inline attr_t cable_a_bold(void) { return A_BOLD; }
static inline attr_t cable_a_dim(void) { return A_DIM; }
static inline attr_t cable_a_reverse(void) { return A_REVERSE; }
static inline attr_t cable_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cable_a_normal(void) { return A_NORMAL; }
static inline int cable_key_resize(void) { return KEY_RESIZE; }
static inline int cable_key_code_yes(void) { return KEY_CODE_YES; }
static inline int cable_err(void) { return ERR; }
static inline FILE *cable_stdout(void) { return stdout; }
static inline FILE *cable_stdin(void) { return stdin; }
// Whether the current terminal has a string capability ("cup": cursor addressing):
// tigetstr returns NULL when it is absent and (char *)-1 when the name is not a string one.
static inline int cable_has_capability(const char *name) {
    char *value = tigetstr(name);
    return value != NULL && value != (char *)-1;
}
// SIG_DFL is a cast macro that Swift cannot import; crash handlers need it to re-raise.
static inline void cable_default_signal(int sig) { signal(sig, SIG_DFL); }
static inline WINDOW *cable_curscr(void) { return curscr; }
// Ctrl-Z: stop as the shell's job control expects (SIGTSTP's default action), then put
// back whatever handler curses had installed once `fg` continues the process.
static inline void cable_stop_self(void) {
    void (*previous)(int) = signal(SIGTSTP, SIG_DFL);
    raise(SIGTSTP);
    signal(SIGTSTP, previous);
}
// The terminal may have been resized while the process was stopped, when no SIGWINCH
// reached it: ask the terminal and tell curses.
static inline void cable_update_size(void) {
    struct winsize size;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_row > 0 && size.ws_col > 0
        && (size.ws_row != LINES || size.ws_col != COLS)) {
        resizeterm(size.ws_row, size.ws_col);
    }
}
#endif
