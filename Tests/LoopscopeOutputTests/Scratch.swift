import Foundation
import Glibc

/// A scratch folder for one test.
struct Scratch {
    let path: String

    init(_ name: String) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("loopscope-output-\(name)-\(getpid())").path
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// A scratch folder with a file `stdout` in it, open to stand in for standard output.
    static func standardOutput(_ name: String) throws -> (Scratch, Int32) {
        let dir = try Scratch(name)
        let fd = open(dir.path + "/stdout", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
        return (dir, fd)
    }

    func remove(closing fd: Int32) {
        close(fd)
        remove()
    }

    var names: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? ["<unreadable>"]).sorted() }

    func write(_ bytes: [UInt8], to name: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path + "/" + name))
    }

    func read(_ name: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path + "/" + name).map { Array($0) }
    }
}
