import Glibc
import Synchronization

/// Removes the temporary file `OutputFile` is writing when SIGINT, SIGTERM or SIGHUP ends
/// the process part-way, so no hidden partial file is left beside the real one.
///
/// `protect` installs the handlers (only for signals that are not ignored) and `release`
/// puts the previous ones back. The handler unlinks the file, then re-raises the signal
/// with its default action, so the process still ends as the signal asks.
enum TemporaryFileGuard {
    /// The file's path as a `strdup` pointer's address (0: none), readable from the handler.
    private static let path = Atomic<Int>(0)
    private static let signals = [SIGINT, SIGTERM, SIGHUP]
    nonisolated(unsafe) private static var previous: [Int32: sigaction] = [:]

    static func protect(_ file: String) {
        path.store(Int(bitPattern: strdup(file)), ordering: .sequentiallyConsistent)
        for sig in signals {
            var old = sigaction()
            sigaction(sig, nil, &old)
            if unsafeBitCast(old.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) {
                continue
            }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { received in
                if let file = UnsafePointer<CChar>(bitPattern: TemporaryFileGuard.path.load(ordering: .sequentiallyConsistent)) {
                    unlink(file)
                }
                signal(received, SIG_DFL)
                raise(received)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(sig, &action, nil)
            previous[sig] = old
        }
    }

    static func release() {
        for (sig, old) in previous {
            var action = old
            sigaction(sig, &action, nil)
        }
        previous = [:]
        free(UnsafeMutablePointer<CChar>(bitPattern: path.exchange(0, ordering: .sequentiallyConsistent)))
    }
}
