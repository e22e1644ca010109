/// Why a command's output could not be made or written, as one message for the user (what
/// went wrong, where, what became of the output, what to do) and the exit code it asks for.
/// The command line prints it as `loopscope: <message>`.
public struct OutputError: Error, CustomStringConvertible, Equatable {
    public var message: String
    public var code: Int32

    public init(_ message: String, code: Int32 = 1) {
        self.message = message
        self.code = code
    }

    public var description: String { message }

    /// The same error with a sentence added (what became of the output).
    public func noting(_ sentence: String) -> OutputError {
        OutputError(message + (message.hasSuffix(".") ? " " : ". ") + sentence, code: code)
    }
}
