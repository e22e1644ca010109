import Foundation
import LoopscopeTestSupport
import Testing

/// Hostile trace files and hostile arguments from the command line: no trap, no hang, no
/// raw escape reaching the terminal, a clear message and a non-zero exit where refused.
@Suite(.serialized) struct HostileInputTests {
    static let readers: [[String]] = [
        ["validate"], ["explain"], ["export", "--format", "text"], ["export", "--format", "unicode"],
        ["export", "--format", "sequence"], ["export", "--format", "breakdown"], ["export", "--format", "mermaid"],
        ["export", "--format", "chrome"], ["export", "--format", "markdown"], ["export", "--format", "jsonl"],
    ]

    /// Before, a sleep deadline of Int64.min made six readers exit 132, and an event at
    /// Int64.max made the Chrome export exit 132.
    @Test func extremeTimesThatValidateAcceptsRenderInEveryReader() throws {
        for (name, text) in [("sleepUntilMin", HostileTraces.sleepUntilMin), ("endAtMax", HostileTraces.endAtMax)] {
            let path = try CLIRunner.temporaryFile("\(name).jsonl", contents: text)
            for reader in Self.readers {
                let r = try CLIProcess.run([reader[0], path] + reader.dropFirst(), timeLimit: 60)
                #expect(r.status == 0 && !r.signalled, "\(name) \(reader): \(r.stderr)")
            }
        }
    }

    /// Before, `export`/`explain` rendered traces `validate` rejects.
    @Test func readersRefuseAnInconsistentTraceUnlessForced() throws {
        for (name, text) in [("minToMax", HostileTraces.minToMax), ("maxToMin", HostileTraces.maxToMin)] {
            let path = try CLIRunner.temporaryFile("\(name).jsonl", contents: text)
            for reader in Self.readers.dropFirst() {
                let refused = try CLIProcess.run([reader[0], path] + reader.dropFirst())
                #expect(refused.status == 1, "\(name) \(reader)")
                #expect(refused.stderr.contains("inconsistent") && refused.stderr.contains("--force"), "\(refused.stderr)")
                #expect(refused.stderr.contains("event "), "quotes the validator: \(refused.stderr)")
                let forced = try CLIProcess.run([reader[0], path, "--force"] + reader.dropFirst())
                #expect(forced.status == 0 && !forced.signalled, "\(name) \(reader) --force: \(forced.stderr)")
            }
        }
    }

    @Test func aTraceAfterFinishedIsRefused() throws {
        let good = try CLIRunner.run(["record", "seed004-hello-world"]).stdout
        let extra = #"{"seq":17,"t":1,"kind":"printed","stream":"stdout","text":"late"}"#
        let path = try CLIRunner.temporaryFile("after-finished.jsonl", contents: good + extra + "\n")
        let r = try CLIProcess.run(["export", path, "--format", "text"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("finished"), "\(r.stderr)")
    }

    /// Before, `-w 9223372036854775807` trapped and `-w 2147483648` allocated gigabytes.
    @Test func widthIsBounded() throws {
        for w in ["9223372036854775807", "2147483648", "10001", "0", "-3"] {
            for command in [["export", "seed003-say-after", "--format", "text"], ["explain", "seed003-say-after"]] {
                let r = try CLIProcess.run(command + ["--width=\(w)"], timeLimit: 30)
                #expect(!r.timedOut && r.status == 64, "width \(w): \(r.status) \(r.stderr)")
                #expect(r.stderr.contains("--width must be 1 to 10000"), "\(r.stderr)")
            }
        }
        let wide = try CLIProcess.run(["export", "seed003-say-after", "--format", "sequence", "-w", "10000"])
        #expect(wide.status == 0)
    }

    /// Before, a `kind` holding an OSC title sequence and a clear-screen reached the terminal.
    @Test func decoderErrorsNeverCarryEscapes() throws {
        let good = try CLIRunner.run(["record", "seed004-hello-world"]).stdout
        let evil = good.replacingOccurrences(of: #""kind":"started""#, with: #""kind":"\u001b]0;PWN\u0007\u001b[2J""#)
        let headerEvil = good.replacingOccurrences(of: #""program":{"#, with: #""\u009b2J\u001b[31m":0,"program":{"#)
        #expect(evil != good && headerEvil != good)
        for (name, text) in [("evil-kind", evil), ("evil-field", headerEvil)] {
            let path = try CLIRunner.temporaryFile("\(name).jsonl", contents: text)
            for reader in Self.readers {
                let r = try CLIProcess.run([reader[0], path] + reader.dropFirst())
                #expect(r.status == 1)
                #expect(!r.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) },
                        "\(name) \(reader): \(r.stderr.debugDescription)")
                #expect(r.stderr.contains(":"), "names the place: \(r.stderr)")
            }
        }
    }
}
