import CTerminalGuard
import Glibc
@testable import LoopscopeCurses
import Testing

/// The player's signal handlers come and go without disturbing the host's.
@Suite(.serialized) struct SignalHandlerTests {
    /// The handler currently installed for `sig`, as a raw pointer (nil: default or ignore).
    func currentHandler(_ sig: Int32) -> UnsafeRawPointer? {
        var action = sigaction()
        sigaction(sig, nil, &action)
        return unsafeBitCast(action.__sigaction_handler.sa_handler, to: UnsafeRawPointer?.self)
    }

    @Test func theFlagPutsBackTheHandlersItReplaced() {
        let host: @convention(c) (Int32) -> Void = { _ in }
        var mine = sigaction()
        mine.__sigaction_handler.sa_handler = host
        var saved: [(Int32, sigaction)] = []
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            var old = sigaction()
            sigaction(sig, &mine, &old)
            saved.append((sig, old))
        }
        defer { for (sig, var old) in saved { sigaction(sig, &old, nil) } }
        let before = currentHandler(SIGHUP)
        SignalFlag.install()
        #expect(currentHandler(SIGHUP) != before)
        SignalFlag.uninstall()
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            #expect(currentHandler(sig) == before, "signal \(sig): the host's handler is back, not the default")
        }
    }

    @Test func theCrashGuardPutsBackTheHandlersItReplaced() throws {
        // A pseudo-terminal stands in for the user's terminal.
        // (TIOCSPTLCK and TIOCGPTN: Linux's ioctls to unlock a pty and get its number.)
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        try #require(master >= 0)
        defer { close(master) }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        #expect(ioctl(master, 0x4004_5431, &unlock) == 0)
        #expect(ioctl(master, 0x8004_5430, &number) == 0)
        let slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        try #require(slave >= 0)
        defer { close(slave) }
        let host: @convention(c) (Int32) -> Void = { _ in }
        var mine = sigaction()
        mine.__sigaction_handler.sa_handler = host
        var old = sigaction()
        sigaction(SIGQUIT, &mine, &old)
        defer { sigaction(SIGQUIT, &old, nil) }
        let before = currentHandler(SIGQUIT)
        #expect(ls_guard_install(slave, "\u{1B}[?1049l\u{1B}[?25h") == 0)
        #expect(ls_guard_installed() == 1)
        #expect(currentHandler(SIGQUIT) != before)
        ls_guard_uninstall()
        #expect(ls_guard_installed() == 0)
        #expect(currentHandler(SIGQUIT) == before)
        #expect(ls_guard_install(-1, "") == -1, "not a terminal: nothing installed")
        #expect(ls_guard_installed() == 0)
    }
}
