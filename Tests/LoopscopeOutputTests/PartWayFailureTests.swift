import Foundation
import Glibc
import LoopscopeRender
import LoopscopeTrace
import Synchronization
import Testing
@testable import LoopscopeOutput

/// What becomes of an output whose write, or whose making, fails part-way. The write goes
/// through a `DescriptorWriter` that writes for real until N bytes have gone and then fails as
/// a full disk does; the making through a producer that hands on N bytes and then fails. No
/// disk is filled and nothing in the product knows a test is running.
@Suite struct PartWayFailureTests {
    static let trace = SyntheticTrace.make(tasks: 40, events: 12_000, seed: 4)
    static let options = ExportOptions(width: 200)
    /// The old file, byte for byte: not text, so any rewrite of it would show.
    static let old: [UInt8] = [0x6F, 0x6C, 0x64, 0x00, 0xFF, 0x0A, 0xC3]

    static var export: [UInt8] {
        Array(((try? Exporter.render(trace, format: .jsonl, options: options)) ?? "").utf8)
    }

    static var producer: OutputProducer { ExportOutput.producer(trace, format: .jsonl, options: options) }

    /// A producer that hands on the first `count` bytes of the export, then fails as a format
    /// would that found a problem late (none does: each finds its problems before its first
    /// byte, so only this can show what a late failure would leave).
    static func failing(after count: Int) -> OutputProducer {
        { (sink) throws(OutputError) in
            let bytes = Array(export.prefix(count))
            let taken = bytes.withUnsafeBytes { sink.take($0) }
            guard taken else { throw OutputError("the sink refused the bytes") }
            throw OutputError("the export failed part-way", code: 2)
        }
    }

    @Test func aFullDiskPartWayKeepsTheOldFileWhole() throws {
        let dir = try Scratch("full-old")
        defer { dir.remove() }
        let path = dir.path + "/out.jsonl"
        try dir.write(Self.old, to: "out.jsonl")
        let disk = FailingWriter(after: 100_000)
        let error = #expect(throws: OutputError.self) {
            try Output.stream(to: path, writer: disk.writer, Self.producer)
        }
        #expect(Self.export.count > 200_000, "the export is longer than what the disk takes")
        #expect(disk.written == 100_000 && disk.refusals == 1, "the write failed part-way, once")
        #expect(error?.code == 1)
        #expect(error?.message == "cannot write \(path): No space left on device. The existing file is unchanged."
                    + " Free some space, or choose another place.")
        #expect(dir.read("out.jsonl") == Self.old, "the old file is whole, byte for byte")
        #expect(dir.names == ["out.jsonl"], "no temporary file is left")
    }

    @Test func aFullDiskPartWayLeavesNoNewFile() throws {
        let dir = try Scratch("full-new")
        defer { dir.remove() }
        let path = dir.path + "/new.jsonl"
        let disk = FailingWriter(after: 100_000)
        let error = #expect(throws: OutputError.self) {
            try Output.stream(to: path, writer: disk.writer, Self.producer)
        }
        #expect(disk.written == 100_000)
        #expect(error?.message == "cannot write \(path): No space left on device. No file was written."
                    + " Free some space, or choose another place.")
        #expect(dir.names == [], "neither the file nor a temporary file is there")
    }

    @Test func anExportThatFailsPartWayKeepsTheOldFile() throws {
        let dir = try Scratch("fail-old")
        defer { dir.remove() }
        try dir.write(Self.old, to: "out.jsonl")
        let error = #expect(throws: OutputError.self) {
            try Output.stream(to: dir.path + "/out.jsonl", Self.failing(after: 100_000))
        }
        #expect(error == OutputError("the export failed part-way. The existing file is unchanged.", code: 2))
        #expect(dir.read("out.jsonl") == Self.old, "the old file is whole, byte for byte")
        #expect(dir.names == ["out.jsonl"], "no temporary file is left")
        let new = #expect(throws: OutputError.self) {
            try Output.stream(to: dir.path + "/new.jsonl", Self.failing(after: 100_000))
        }
        #expect(new == OutputError("the export failed part-way. No file was written.", code: 2))
        #expect(dir.names == ["out.jsonl"], "no new file, no temporary file")
    }

    /// A file with two names is rewritten in place, so its output is made in memory first:
    /// an export that fails leaves it as it was.
    @Test func anExportThatFailsPartWayLeavesAHardLinkedFileAsItWas() throws {
        let dir = try Scratch("fail-linked")
        defer { dir.remove() }
        try dir.write(Self.old, to: "a")
        #expect(link(dir.path + "/a", dir.path + "/b") == 0)
        let error = #expect(throws: OutputError.self) {
            try Output.stream(to: dir.path + "/a", Self.failing(after: 100_000))
        }
        #expect(error == OutputError("the export failed part-way. The existing file is unchanged.", code: 2))
        #expect(dir.read("a") == Self.old && dir.read("b") == Self.old)
        #expect(dir.names == ["a", "b"])
    }

    @Test func aFullStandardOutputPartWaySaysWhatWasWrittenIsIncomplete() throws {
        let (dir, out) = try Scratch.standardOutput("full-stdout")
        defer { dir.remove(closing: out) }
        let disk = FailingWriter(after: 100_000)
        let error = #expect(throws: OutputError.self) {
            try Output.stream(to: nil, standardOutput: out, writer: disk.writer, Self.producer)
        }
        #expect(error == OutputError("cannot write to standard output: No space left on device. The output written"
                                     + " before this is incomplete. Free some space, or send the output elsewhere."))
        #expect(dir.read("stdout") == Array(Self.export.prefix(100_000)), "what went out is the export's start")
        // Nothing written at all: nothing is incomplete.
        let none = #expect(throws: OutputError.self) {
            try Output.stream(to: "-", standardOutput: out, writer: FailingWriter(after: 0).writer, Self.producer)
        }
        #expect(none?.message == "cannot write to standard output: No space left on device. Free some space, or send"
                    + " the output elsewhere.")
    }

    @Test func anExportThatFailsPartWayOnStandardOutputSaysSo() throws {
        let (dir, out) = try Scratch.standardOutput("fail-stdout")
        defer { dir.remove(closing: out) }
        let error = #expect(throws: OutputError.self) {
            try Output.stream(to: nil, standardOutput: out, Self.failing(after: 100_000))
        }
        #expect(error == OutputError("the export failed part-way. The output written before this is incomplete.",
                                     code: 2))
        #expect(dir.read("stdout") == Array(Self.export.prefix(100_000)))
    }

    /// A closed pipe (SIGPIPE ignored) says what to do too.
    @Test func aClosedStandardOutputSaysWhatToDo() throws {
        let (dir, out) = try Scratch.standardOutput("pipe-stdout")
        defer { dir.remove(closing: out) }
        let error = #expect(throws: OutputError.self) {
            try Output.deliver(Array("hello\n".utf8), to: nil, standardOutput: out,
                               writer: FailingWriter(after: 0, code: EPIPE).writer)
        }
        #expect(error?.message == "cannot write to standard output: Broken pipe. What reads it stopped early: let it"
                    + " read to the end, or send the output to a file.")
    }

    /// Short writes and interrupted writes are carried on until every byte is out.
    @Test func shortAndInterruptedWritesLoseNothing() throws {
        let dir = try Scratch("short")
        defer { dir.remove() }
        let calls = Count()
        let stingy = DescriptorWriter { fd, buffer in
            if calls.value.add(1, ordering: .relaxed).newValue % 3 == 0 {
                errno = EINTR
                return -1
            }
            return Glibc.write(fd, buffer.baseAddress, min(buffer.count, 4_093))
        }
        try Output.stream(to: dir.path + "/out.jsonl", writer: stingy, Self.producer)
        #expect(dir.read("out.jsonl") == Self.export)
        #expect(calls.value.load(ordering: .relaxed) > Self.export.count / 4_093)
        #expect(dir.names == ["out.jsonl"])
    }
}
