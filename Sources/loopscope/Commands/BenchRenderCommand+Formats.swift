import Foundation
import LoopscopeRender

/// `loopscope bench render --formats`: every reader run on one trace file, one child process
/// each, with its time and peak memory.
extension BenchRenderCommand {
    /// The readers measured: `validate`, every export format, and `explain`.
    static func readers(trace path: String, width: Int) -> [(name: String, arguments: [String])] {
        [("validate", ["validate", path])]
            + ExportFormat.allCases.map { f in
                (f.rawValue, ["export", path, "--format", f.rawValue, "--width", "\(width)"])
            }
            + [("explain", ["explain", path, "--width", "\(width)"])]
    }

    func measureFormats(trace path: String) {
        print("every reader on \(path), one process each, output to /dev/null"
              + " (limits: \(Int(limit)) s, \(memoryLimit) MB)")
        print("| reader | seconds | peak MB | result |")
        print("|---|---|---|---|")
        for (name, arguments) in Self.readers(trace: path, width: width) {
            let r = ChildRun.run(arguments, seconds: limit, megabytes: memoryLimit)
            let result: String
            if let why = r.killedBecause {
                result = "killed: \(why)"
            } else if let code = r.exitCode {
                result = code == 0 ? "ok" : "exit \(code): \(r.firstErrorLine.prefix(100))"
            } else {
                result = "ended by a signal"
            }
            print(String(format: "| %@ | %.2f | %d | %@ |", name, r.seconds, r.peakMegabytes, result))
        }
    }
}
