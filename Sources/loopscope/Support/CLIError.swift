import ArgumentParser
import Foundation
import LoopscopeOutput
import LoopscopeTrace

/// An error the CLI reports as `loopscope: <message>` with its own exit code.
struct CLIError: Error, CustomStringConvertible {
    var message: String
    var code: Int32

    init(_ message: String, code: Int32 = 1) {
        self.message = message
        self.code = code
    }

    var description: String { message }
}

extension ParsableCommand {
    /// Runs `body`, turning a `CLIError` or an `OutputError` (writing the output failed) into
    /// a message on standard error and its exit code.
    func reporting(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as CLIError {
            throw report(error.message, code: error.code)
        } catch let error as OutputError {
            throw report(error.message, code: error.code)
        }
    }

    private func report(_ message: String, code: Int32) -> ExitCode {
        // Messages may quote a trace or a path: nothing in them reaches the terminal raw.
        Terminal.writeError("loopscope: " + Sanitizer.lines(message).joined(separator: "\n") + "\n")
        return ExitCode(code)
    }
}
