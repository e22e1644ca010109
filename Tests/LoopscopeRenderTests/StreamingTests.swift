import Foundation
import LoopscopeDemos
@testable import LoopscopeRender
import LoopscopeTimeline
import LoopscopeTrace
import Testing

/// A sink that keeps every chunk's size and bytes, and may refuse after some chunks.
final class RecordingSink: ByteSink {
    var bytes: [UInt8] = []
    var chunks: [Int] = []
    var refuseAfter: Int?

    init(refuseAfter: Int? = nil) { self.refuseAfter = refuseAfter }

    func take(_ chunk: UnsafeRawBufferPointer) -> Bool {
        if let refuseAfter, chunks.count >= refuseAfter { return false }
        chunks.append(chunk.count)
        bytes.append(contentsOf: chunk)
        return true
    }
}

/// `Exporter.write` streams the same bytes `render` returns, in chunks of the size asked
/// for, holding about one chunk; every input error comes before the first byte.
@Suite struct StreamingTests {
    static let widths = [40, 80, 123]
    static let chunkSizes = [1, 7, 4096]

    /// Every demo, recorded by the scheduler, and every CPython trace of the demos.
    static let traces: [(String, Trace)] = DemoCatalog.all.map { ($0.id, $0.record().trace) }
        + pythonTraces()

    static func pythonTraces() -> [(String, Trace)] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("LoopscopeDemosTests/Reference")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".jsonl") }.sorted()
        return names.compactMap { name in
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path),
                  let trace = try? TraceJSONL.decode([UInt8](data), sourceName: name) else { return nil }
            return ("python/" + name, trace)
        }
    }

    @Test func thereAreDemosAndPythonTraces() {
        #expect(Self.traces.count > DemoCatalog.all.count + 10, "\(Self.traces.count) traces")
    }

    /// Before, there was no `Exporter.write`: every export was built whole as one string.
    @Test(arguments: ExportFormat.allCases)
    func chunksOfAnySizeGiveTheBytesOfRender(_ format: ExportFormat) throws {
        for (name, trace) in Self.traces {
            for width in Self.widths {
                for ascii in [true, false] where ascii || width == 80 {
                    let options = ExportOptions(width: width, ascii: ascii)
                    let expected: Result<String, ExportError>
                    do throws(ExportError) {
                        expected = .success(try Exporter.render(trace, format: format, options: options))
                    } catch {
                        expected = .failure(error)
                    }
                    // One byte at a time is slow: once per trace and format is enough.
                    for size in Self.chunkSizes where size > 1 || (width == 80 && ascii) {
                        let sink = RecordingSink()
                        do throws(ExportError) {
                            try Exporter.write(trace, format: format, options: options, to: sink, chunkSize: size)
                            guard case .success(let text) = expected else {
                                Issue.record("\(name) \(format) w\(width): write succeeded where render threw \(expected)")
                                continue
                            }
                            #expect(sink.bytes == Array(text.utf8), "\(name) \(format) w\(width) chunk \(size)")
                            #expect(sink.chunks.dropLast().allSatisfy { $0 == size }, "\(name) \(format) chunk \(size)")
                            #expect((sink.chunks.last ?? 1) <= size && (sink.chunks.last ?? 1) > 0)
                        } catch {
                            #expect(expected == .failure(error), "\(name) \(format) w\(width): \(error)")
                            #expect(sink.bytes.count == 0, "\(name) \(format) w\(width): bytes before \(error)")
                        }
                    }
                }
            }
        }
    }

    /// The demos' streamed exports at width 80 are the golden files the string renderer
    /// was checked against before streaming.
    @Test(arguments: ExportGoldenTests.formats.map(\.0))
    func streamedDemosMatchTheirGoldenFiles(_ format: ExportFormat) throws {
        let ext = try #require(ExportGoldenTests.formats.first { $0.0 == format }).1
        for demo in DemoCatalog.all {
            let sink = RecordingSink()
            try Exporter.write(demo.record().trace, format: format, options: ExportOptions(width: 80), to: sink,
                               chunkSize: 7)
            ExportGolden.check(String(decoding: sink.bytes, as: UTF8.self), "demos/\(format.rawValue)/\(demo.id).\(ext)")
        }
    }

    /// A run of 150 tasks and 30,000 events: the output is many chunks long, yet the
    /// renderer never held much more than one chunk of it at once (before, every format was
    /// built whole; lanes have a row per task, so they are cut in smaller chunks here).
    @Test(arguments: ExportFormat.allCases.filter { $0 != .mermaid })
    func aLongExportIsHandedOnWhileItIsMade(_ format: ExportFormat) throws {
        let trace = Self.big
        let sink = RecordingSink()
        let chunk = format == .text || format == .unicode ? 256 : 4096
        let stream = ExportStream(sink: sink, chunkSize: chunk, format: format)
        var out = stream.buffer()
        try Exporter.write(trace, format: format, options: ExportOptions(width: 120), to: stream, &out)
        try stream.finish(&out)
        #expect(sink.bytes.count > 40 * chunk, "\(format): \(sink.bytes.count) bytes")
        #expect(stream.held.peak < chunk + 2048, "\(format) held \(stream.held.peak) bytes at once")
        let whole = Array(try Exporter.render(trace, format: format, options: ExportOptions(width: 120)).utf8)
        #expect(sink.bytes == whole, "\(format): the streamed bytes differ from render's")
    }

    static let big = SyntheticTrace.make(tasks: 150, events: 30_000, seed: 5)

    /// A sink that stops taking bytes stops the export at once, with `outputClosed`.
    @Test(arguments: ExportFormat.allCases)
    func aSinkThatRefusesStopsTheExport(_ format: ExportFormat) throws {
        let sink = RecordingSink(refuseAfter: 2)
        #expect(throws: ExportError.outputClosed(format: format)) {
            try Exporter.write(Self.big, format: format, options: ExportOptions(width: 120), to: sink, chunkSize: 512)
        }
        #expect(sink.chunks == [512, 512])
    }

    /// Errors found in the input (width, selection) come before any byte, for every format
    /// that can have them, the handout included (whose breakdown and diagram come late).
    @Test func inputErrorsComeBeforeTheFirstByte() throws {
        let trace = try #require(DemoCatalog.named("seed000-fetch-url")).record().trace
        let cases: [(ExportFormat, ExportOptions)] = [
            (.text, ExportOptions(width: 10)), (.unicode, ExportOptions(width: 10)),
            (.breakdown, ExportOptions(width: 20)), (.sequence, ExportOptions(width: 20)),
            (.markdown, ExportOptions(width: 20)),
            (.markdown, ExportOptions(selection: ExportSelection(tasks: ["nobody"]))),
            (.markdown, ExportOptions(selection: ExportSelection(from: 9_000))),
            (.breakdown, ExportOptions(selection: ExportSelection(tasks: ["nobody"]))),
            (.chrome, ExportOptions(selection: ExportSelection(tasks: ["Task-1"]))),
        ]
        for (format, options) in cases {
            let sink = RecordingSink()
            var thrown: ExportError?
            do throws(ExportError) {
                try Exporter.write(trace, format: format, options: options, to: sink, chunkSize: 1)
            } catch {
                thrown = error
            }
            #expect(thrown != nil, "\(format) \(options) should fail")
            #expect(sink.bytes.count == 0, "\(format): \(sink.bytes.count) bytes before \(String(describing: thrown))")
        }
    }

    /// The handout's sequence diagram comes last but needs more columns than its breakdown:
    /// a width between the two fails before the handout's first byte.
    @Test func aHandoutTooNarrowForItsDiagramFailsBeforeItsFirstByte() throws {
        // Every time a nanosecond later: labels such as `3.000000001s` widen the time margin.
        var trace = try #require(DemoCatalog.named("seed000-fetch-url")).record().trace
        for i in trace.events.indices { trace.events[i].time = trace.events[i].time + VirtualTime(nanoseconds: 1) }
        let name = "seed000 a nanosecond late"
        try #require(SequenceDiagram.minimumWidth(for: trace) > Breakdown.minimumWidth)
        let width = SequenceDiagram.minimumWidth(for: trace) - 1
        let sink = RecordingSink()
        #expect(throws: ExportError.widthTooSmall(format: .sequence, width: width,
                                                  minimum: SequenceDiagram.minimumWidth(for: trace))) {
            try Exporter.write(trace, format: .markdown, options: ExportOptions(width: width), to: sink, chunkSize: 1)
        }
        #expect(sink.bytes.count == 0, "\(name): \(sink.bytes.count) bytes written first")
    }
}
