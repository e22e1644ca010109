import Glibc
import LoopscopeTUI
import Synchronization

/// The last SIGINT / SIGTERM / SIGHUP received, set by a signal handler and taken by the
/// backend's input loop, so the terminal is restored on the normal path.
enum SignalFlag {
    private static let pending = Atomic<Int32>(0)

    static func install() {
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { received in
                SignalFlag.pending.store(received, ordering: .relaxed)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0  // no SA_RESTART: a pending read returns so the flag is seen
            sigaction(sig, &action, nil)
        }
    }

    static func uninstall() {
        for sig in [SIGINT, SIGTERM, SIGHUP] { signal(sig, SIG_DFL) }
    }

    static func take() -> InputEvent? {
        let sig = pending.exchange(0, ordering: .relaxed)
        switch sig {
        case 0: return nil
        case SIGINT: return .interrupt
        default: return .terminate
        }
    }
}
