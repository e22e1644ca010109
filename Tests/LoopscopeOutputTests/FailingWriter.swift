import Glibc
import LoopscopeOutput
import Synchronization

/// A `write(2)` that writes for real until `limit` bytes have gone, then fails with `code`
/// (ENOSPC: a full disk).
final class FailingWriter: Sendable {
    let limit: Int
    let code: Int32
    private let count = Atomic<Int>(0)
    private let refused = Atomic<Int>(0)

    init(after limit: Int, code: Int32 = ENOSPC) {
        self.limit = limit
        self.code = code
    }

    var written: Int { count.load(ordering: .relaxed) }
    var refusals: Int { refused.load(ordering: .relaxed) }

    var writer: DescriptorWriter {
        DescriptorWriter { [self] fd, buffer in
            let room = limit - count.load(ordering: .relaxed)
            guard room > 0 else {
                refused.add(1, ordering: .relaxed)
                errno = code
                return -1
            }
            let n = Glibc.write(fd, buffer.baseAddress, min(room, buffer.count))
            if n > 0 { count.add(n, ordering: .relaxed) }
            return n
        }
    }
}

final class Count: Sendable {
    let value = Atomic<Int>(0)
}
