import Foundation
import LoopscopeScheduler

/// Reading a trace from a file descriptor: a file, or standard input when the argument is
/// `-` (a pipe, a FIFO, a redirected file). A pipe has no size, so progress counts bytes
/// without a total; and a pipe may wait for its writer, so while it has nothing to read the
/// reader still asks whether to stop.
enum TraceReader {
    /// How long a read waits on an input with nothing to read before it asks whether to stop.
    static let waitQuestionInterval: Int32 = 20

    /// Decodes the trace on `fd` (see `TraceInput.decodeFileWithVersion(_:shouldStop:)`),
    /// naming it `name` in messages.
    static func decode(fd: Int32, name: String, shouldStop: @escaping (_ read: Int, _ size: Int) -> Bool) throws
        -> (trace: Trace, version: Int)? {
        var info = stat()
        let regular = fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        // A redirected file may have been read part-way already: what is left is its size.
        let size = regular ? max(0, Int(info.st_size) - max(0, Int(lseek(fd, 0, SEEK_CUR)))) : 0
        let state = ReadState(fd: fd, waits: !regular, size: size, shouldStop: shouldStop)
        let decoded: (trace: Trace, version: Int)?
        do {
            decoded = try TraceJSONL.decodeWithVersion(reading: state.read, sourceName: name,
                                                       sizeHint: size > 0 ? size : nil,
                                                       shouldStop: { state.ask($0) })
        } catch {
            if state.stopped { return nil }
            try state.check(name)
            throw CLIError("\(error)", code: 1)
        }
        if state.stopped { return nil }
        try state.check(name)
        return decoded
    }

    /// The reads of one input: an error from `read(2)`, reported instead of what the decoder
    /// made of the input cut short; whether a question asked while waiting said to stop.
    private final class ReadState {
        let fd: Int32
        /// Whether reads wait for data with `poll` first (anything but a regular file).
        let waits: Bool
        let size: Int
        let shouldStop: (Int, Int) -> Bool
        var errorNumber: Int32 = 0
        var stopped = false
        /// Bytes read so far, and the most told to `shouldStop`, so progress never goes back.
        var bytes = 0
        var told = 0

        init(fd: Int32, waits: Bool, size: Int, shouldStop: @escaping (Int, Int) -> Bool) {
            self.fd = fd
            self.waits = waits
            self.size = size
            self.shouldStop = shouldStop
        }

        /// The decoder's question, with the bytes it has read so far.
        func ask(_ read: Int) -> Bool {
            told = max(told, read)
            if shouldStop(told, size) { stopped = true }
            return stopped
        }

        /// Fills `buffer` from the start; 0 at the end of the input, on an error, or once a
        /// question asked while waiting said to stop.
        func read(_ buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
            while !stopped {
                if waits {
                    var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                    let n = poll(&ready, 1, TraceReader.waitQuestionInterval)
                    if n < 0 && errno != EINTR && errno != EAGAIN {
                        errorNumber = errno
                        return 0
                    }
                    if n <= 0 {
                        // Nothing yet, or a signal came (the player's handlers set a flag):
                        // ask at once, then wait again.
                        _ = ask(bytes)
                        continue
                    }
                }
                let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
                if n >= 0 {
                    bytes += n
                    return n
                }
                if errno == EINTR || errno == EAGAIN { continue }
                errorNumber = errno
                return 0
            }
            return 0
        }

        func check(_ name: String) throws {
            guard errorNumber != 0 else { return }
            throw CLIError("cannot read \(name): \(String(cString: strerror(errorNumber))).", code: 1)
        }
    }
}
