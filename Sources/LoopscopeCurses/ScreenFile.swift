import Glibc
import LoopscopeTUI

/// Writes a screen the user saved with `w` into the current directory, and says where.
enum ScreenFile {
    /// Writes `request.text` to `request.fileName` in the working directory (replacing a
    /// file of that name) and returns the message the player shows.
    static func save(_ request: ScreenRequest) -> String {
        let directory = currentDirectory()
        let path = directory.map { $0 == "/" ? "/" + request.fileName : $0 + "/" + request.fileName }
            ?? request.fileName
        guard let file = fopen(request.fileName, "w") else {
            return "could not save the screen to \(path): \(String(cString: strerror(errno)))"
        }
        let bytes = Array(request.text.utf8)
        let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        let closed = fclose(file)
        guard written == bytes.count, closed == 0 else {
            return "could not save the screen to \(path): \(String(cString: strerror(errno)))"
        }
        return "saved \(request.fileName) in \(directory ?? "the current folder")"
    }

    private static func currentDirectory() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
