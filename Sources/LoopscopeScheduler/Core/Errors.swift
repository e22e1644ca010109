/// asyncio's `CancelledError`: thrown into a task at the await where it was cancelled.
///
/// Catch it to clean up (or use `defer`); rethrow it to let the task end as cancelled.
/// Unlike Swift's `CancellationError`, it is thrown once per `cancel()`: the next await
/// after a caught cancellation works normally, as in asyncio.
public struct CancelledError: Error, Equatable, CustomStringConvertible {
    public var message: String?
    public init(message: String? = nil) { self.message = message }
    public var description: String { message.map { "CancelledError(\($0))" } ?? "CancelledError" }
}

/// asyncio's `TimeoutError`, from `waitFor` and `asCompleted` with a timeout.
public struct TimeoutError: Error, Equatable, CustomStringConvertible {
    public init() {}
    public var description: String { "TimeoutError" }
}

/// asyncio's `InvalidStateError`: a result was asked of a task that has not finished.
public struct InvalidStateError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "InvalidStateError: \(message)" }
}

/// The errors of a task group's failed children, as asyncio's `ExceptionGroup`.
public struct ExceptionGroup: Error, CustomStringConvertible {
    public var message: String
    public var errors: [any Error]
    public init(_ message: String, _ errors: [any Error]) {
        self.message = message
        self.errors = errors
    }
    public var description: String {
        "ExceptionGroup('\(message)', [\(errors.map { describeError($0) }.joined(separator: ", "))])"
    }
}

/// A queue operation that cannot proceed without waiting.
public enum QueueError: Error, Equatable, CustomStringConvertible {
    case full, empty
    public var description: String { self == .full ? "QueueFull" : "QueueEmpty" }
}

/// Misuse the loop detects and reports instead of crashing or hanging.
public struct SchedulerError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// A short, stable description of an error for traces: `ValueError("boom")` style.
func describeError(_ error: any Error) -> String {
    let type = String(describing: Swift.type(of: error))
    let text = String(describing: error)
    return text.hasPrefix(type) || text.contains("Error") ? text : "\(type)(\(text))"
}

/// A short, stable description of a task's result for traces.
func describeValue(_ value: Any) -> String {
    if let optional = value as? (any OptionalProtocol) {
        guard let wrapped = optional.wrapped else { return "None" }
        return describeValue(wrapped)
    }
    if value is Void { return "None" }
    if let s = value as? String { return String(reflecting: s) }
    return String(describing: value)
}

/// Lets `describeValue` see through optionals of any type.
protocol OptionalProtocol {
    var wrapped: Any? { get }
}

extension Optional: OptionalProtocol {
    var wrapped: Any? { self.map { $0 as Any } }
}
