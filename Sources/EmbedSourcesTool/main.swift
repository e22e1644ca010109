import Foundation

// Writes a Swift file defining `embeddedSources: [String: String]` (path relative to the
// target's folder → text) from the files named on the command line.
// Usage: EmbedSourcesTool OUTPUT TARGET-FOLDER INPUT...
let arguments = CommandLine.arguments.dropFirst()
guard arguments.count >= 2, let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: EmbedSourcesTool OUTPUT TARGET-FOLDER INPUT...\n".utf8))
    exit(2)
}
let base = arguments[arguments.startIndex + 1].hasSuffix("/")
    ? arguments[arguments.startIndex + 1] : arguments[arguments.startIndex + 1] + "/"
var swift = "// Generated at build time from the target's own files. Do not edit.\n"
swift += "let embeddedSources: [String: String] = [\n"
for path in arguments.dropFirst(2) {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        FileHandle.standardError.write(Data("EmbedSourcesTool: cannot read \(path)\n".utf8))
        exit(1)
    }
    var longestRun = 0
    var run = 0
    for ch in text {
        run = ch == "#" ? run + 1 : 0
        longestRun = max(longestRun, run)
    }
    let fence = String(repeating: "#", count: longestRun + 1)
    let name = path.hasPrefix(base) ? String(path.dropFirst(base.count)) : (path as NSString).lastPathComponent
    swift += "    \(String(reflecting: name)): \(fence)\"\"\"\n\(text)\n\"\"\"\(fence),\n"
}
swift += "]\n"
do {
    try swift.write(toFile: output, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("EmbedSourcesTool: cannot write \(output): \(error)\n".utf8))
    exit(1)
}
