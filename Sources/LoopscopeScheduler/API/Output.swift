/// Prints one line as the program's output, recorded with the task (or thread) that printed
/// it and the line that did. Demo modules shadow `print` with a function that calls this.
///
/// Text is recorded as given; renderers sanitize it before it reaches a terminal. A
/// multi-line string is recorded as one event per line.
public func output(_ text: String, stream: OutputStream = .stdout,
                   file: StaticString = #fileID, line: UInt = #line) {
    guard let loop = try? EventLoop.running() else { return }
    let site = loop.site(file, line)
    let who = loop.running?.id ?? -1
    for piece in text.split(separator: "\n", omittingEmptySubsequences: false) {
        loop.emit(.printed, task: who, value: loop.intern(String(piece)), site: site, reason: stream.rawValue)
    }
}
