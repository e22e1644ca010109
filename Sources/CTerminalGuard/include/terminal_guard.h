#ifndef LOOPSCOPE_TERMINAL_GUARD_H
#define LOOPSCOPE_TERMINAL_GUARD_H

/* Leaves a terminal usable when the process crashes while it is in full-screen mode.

   ls_guard_install saves the terminal's modes (call it before curses changes them) and
   the handlers of SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT, SIGQUIT and SIGSYS,
   then installs its own. On such a signal the handler, using only async-signal-safe
   calls, writes `restore` (e.g. leave the alternate screen, show the cursor, reset
   attributes) to `fd`, puts the saved modes back with tcsetattr, reinstates the previous
   handler and lets the signal reach it (a crash reporter, or the default core dump).
   ls_guard_uninstall puts the previous handlers back. */

/* Returns 0 on success, -1 when the modes of `fd` cannot be read (not a terminal). */
int ls_guard_install(int fd, const char *restore);
void ls_guard_uninstall(void);
/* Whether the guard is installed (for tests and assertions). */
int ls_guard_installed(void);

#endif
