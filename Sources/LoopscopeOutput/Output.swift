import Glibc
import LoopscopeRender

/// Where a command's output goes: a file named with `-o` (see `OutputFile`), or standard
/// output when there is none or it is `-`.
public enum Output {
    /// Streams what `produce` makes to `path`, or to standard output (`standardOutput`, 1
    /// unless a test says otherwise) when `path` is nil or `-`, as it is made. Every byte
    /// goes through `writer` (`write(2)` unless a test says otherwise).
    ///
    /// On standard output a failure part-way says that what was written is incomplete; a
    /// failed write names its reason and what to do.
    public static func stream(to path: String?, standardOutput: Int32 = 1, writer: DescriptorWriter = .system,
                              _ produce: OutputProducer) throws(OutputError) {
        guard let path, path != "-" else {
            let sink = DescriptorSink(fd: standardOutput, writer: writer)
            do {
                try produce(sink)
            } catch {
                if let code = sink.failure { throw standardOutputFailure(code, written: sink.count) }
                throw sink.count > 0 ? error.noting("The output written before this is incomplete.") : error
            }
            return
        }
        try OutputFile.write(to: path, writer: writer, produce)
    }

    /// Writes `bytes` to `path`, or to standard output when `path` is nil or `-`, as
    /// `stream` does.
    public static func deliver(_ bytes: [UInt8], to path: String?, standardOutput: Int32 = 1,
                               writer: DescriptorWriter = .system) throws(OutputError) {
        try stream(to: path, standardOutput: standardOutput, writer: writer) { (sink) throws(OutputError) in
            // A refusal is the sink's own failure, which is what gets reported.
            guard DescriptorSink.hand(bytes, to: sink) else { throw OutputError("the output was refused") }
        }
    }

    /// A write to standard output failed with `code` after `written` bytes had gone.
    static func standardOutputFailure(_ code: Int32, written: Int) -> OutputError {
        let why = String(cString: strerror(code))
        let cut = written > 0 ? " The output written before this is incomplete." : ""
        let advice: String
        switch code {
        case ENOSPC, EDQUOT: advice = "Free some space, or send the output elsewhere."
        case EPIPE: advice = "What reads it stopped early: let it read to the end, or send the output to a file."
        default: advice = "Send the output elsewhere, e.g. to a file."
        }
        return OutputError("cannot write to standard output: \(why).\(cut) \(advice)")
    }
}
