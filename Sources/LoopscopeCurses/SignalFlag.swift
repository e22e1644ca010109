import Glibc
import LoopscopeTUI
import Synchronization

/// The last SIGINT / SIGTERM / SIGHUP received, set by a signal handler and taken by the
/// backend's input loop, so the terminal is restored on the normal path.
///
/// `install` keeps the handlers it replaces and `uninstall` puts them back (not the
/// defaults), so a host program's own handlers survive the player.
enum SignalFlag {
    private static let pending = Atomic<Int32>(0)
    private static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    nonisolated(unsafe) private static var previous: [Int32: sigaction] = [:]
    nonisolated(unsafe) private static var installed = false

    /// Call on the main thread, before input is read.
    static func install() {
        guard !installed else { return }
        installed = true
        for sig in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { received in
                SignalFlag.pending.store(received, ordering: .relaxed)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0  // no SA_RESTART: a pending read returns so the flag is seen
            var old = sigaction()
            sigaction(sig, &action, &old)
            previous[sig] = old
        }
    }

    /// Puts back the handlers `install` replaced.
    static func uninstall() {
        guard installed else { return }
        installed = false
        for sig in signals {
            if var old = previous[sig] { sigaction(sig, &old, nil) }
        }
        previous = [:]
    }

    static func take() -> InputEvent? {
        let sig = pending.exchange(0, ordering: .relaxed)
        switch sig {
        case 0: return nil
        case SIGINT: return .interrupt
        case SIGHUP: return .hangup
        default: return .terminate
        }
    }
}
