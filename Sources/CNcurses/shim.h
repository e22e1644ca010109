#ifndef LOOPSCOPE_CNCURSES_SHIM_H
#define LOOPSCOPE_CNCURSES_SHIM_H
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <string.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

/* Wrappers for what Swift cannot import: attribute macros, getmaxyx, and globals that
   Swift 6 rejects as not concurrency-safe (stdscr, stdin, stdout). */

static inline WINDOW *ls_stdscr(void) { return stdscr; }
static inline int ls_rows(void) { int y, x; getmaxyx(stdscr, y, x); (void)x; return y; }
static inline int ls_cols(void) { int y, x; getmaxyx(stdscr, y, x); (void)y; return x; }

/* Starts curses on the process's own terminal; NULL (instead of exiting, as initscr does)
   when the terminal type is unknown. */
static inline SCREEN *ls_newterm(void) { return newterm(NULL, stdout, stdin); }

/* The same, reading keys from `keys` instead of standard input (the controlling terminal,
   opened on /dev/tty, when standard input carries the trace). */
static inline SCREEN *ls_newterm_keys(FILE *keys) { return newterm(NULL, stdout, keys); }

static inline attr_t ls_a_normal(void) { return A_NORMAL; }
static inline attr_t ls_a_bold(void) { return A_BOLD; }
static inline attr_t ls_a_dim(void) { return A_DIM; }
static inline attr_t ls_a_reverse(void) { return A_REVERSE; }
static inline attr_t ls_a_underline(void) { return A_UNDERLINE; }

/* Sets attributes and a colour pair for what is drawn next. */
static inline int ls_set_style(attr_t attrs, short pair) { return attr_set(attrs, pair, NULL); }

/* Draws a zero-terminated wide string at (y, x). */
static inline int ls_put(int y, int x, const wchar_t *text) { return mvaddwstr(y, x, text); }

/* Whether the locale's character set is UTF-8 (call after setlocale). */
static inline int ls_locale_is_utf8(void) {
    const char *cs = nl_langinfo(CODESET);
    return cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

/* Looks TERM up in the terminal database. Returns 1 when the terminal is known and can
   move the cursor (has `cup`), else 0. Fills `restore` (size bytes, zero-terminated) with
   what gives the terminal back after full-screen use: leave the alternate screen, show
   the cursor, reset attributes (each only if the terminal has it). */
static inline int ls_terminal_probe(char *restore, int size) {
    int err = 0;
    if (size > 0) restore[0] = 0;
    if (setupterm(NULL, 1, &err) != OK) return 0;
    const char *cup = tigetstr("cup");
    int can = cup != NULL && cup != (char *)-1;
    const char *names[] = {"rmcup", "cnorm", "sgr0"};
    size_t used = 0;
    for (int i = 0; i < 3; i++) {
        const char *cap = tigetstr(names[i]);
        if (cap == NULL || cap == (char *)-1) continue;
        size_t n = strlen(cap);
        if (used + n + 1 > (size_t)size) break;
        memcpy(restore + used, cap, n);
        used += n;
        restore[used] = 0;
    }
    del_curterm(cur_term);
    return can;
}

#endif
