#include "terminal_guard.h"

#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static const int guarded[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT, SIGQUIT, SIGSYS};
#define GUARDED_COUNT ((int)(sizeof guarded / sizeof guarded[0]))

static struct sigaction previous[GUARDED_COUNT];
static struct termios saved_modes;
static char restore_bytes[256];
static size_t restore_length;
static int guard_fd = -1;
static volatile sig_atomic_t installed;

static int slot_of(int sig) {
    for (int i = 0; i < GUARDED_COUNT; i++) {
        if (guarded[i] == sig) return i;
    }
    return -1;
}

static void write_all(int fd, const char *bytes, size_t length) {
    while (length > 0) {
        ssize_t n = write(fd, bytes, length);
        if (n <= 0) return;
        bytes += n;
        length -= (size_t)n;
    }
}

static void on_crash(int sig, siginfo_t *info, void *context) {
    (void)context;
    int slot = slot_of(sig);
    if (installed && guard_fd >= 0) {
        installed = 0;
        write_all(guard_fd, restore_bytes, restore_length);
        tcsetattr(guard_fd, TCSANOW, &saved_modes);
    }
    if (slot >= 0) sigaction(sig, &previous[slot], NULL);
    /* A fault re-runs its instruction on return and meets the previous handler; a signal
       that was sent (kill, raise, abort) or a breakpoint trap must be sent again. It stays
       blocked until this handler returns. */
    if (info == NULL || info->si_code <= 0 || sig == SIGTRAP || sig == SIGABRT || sig == SIGQUIT) {
        raise(sig);
    }
}

int ls_guard_install(int fd, const char *restore) {
    if (installed) return 0;
    if (tcgetattr(fd, &saved_modes) != 0) return -1;
    size_t length = restore ? strlen(restore) : 0;
    if (length >= sizeof restore_bytes) length = sizeof restore_bytes - 1;
    memcpy(restore_bytes, restore ? restore : "", length);
    restore_bytes[length] = 0;
    restore_length = length;
    guard_fd = fd;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = on_crash;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&action.sa_mask);
    installed = 1;
    for (int i = 0; i < GUARDED_COUNT; i++) sigaction(guarded[i], &action, &previous[i]);
    return 0;
}

void ls_guard_uninstall(void) {
    if (!installed) return;
    installed = 0;
    for (int i = 0; i < GUARDED_COUNT; i++) sigaction(guarded[i], &previous[i], NULL);
}

int ls_guard_installed(void) { return installed ? 1 : 0; }
