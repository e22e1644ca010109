/// Reads and checks the first line of a trace file: format name, version, program.
///
/// The header is read as general JSON (it nests: the program and its claims), unlike the
/// flat event lines. It checks the format and the version before anything else, so a file
/// from a newer loopscope is refused with a version message rather than a field error.
extension TraceDecoder {
    static let headerExample = #"{"format":"loopscope-trace","version":2,"program":{...}}"#

    mutating func readHeader() throws(TraceFormatError) {
        s.skipSpaces()
        guard s.current == UInt8(ascii: "{") else {
            throw s.error("missing trace header: the first line must be \(Self.headerExample)")
        }
        let objectStart = s.pos
        var depth = 0
        let header = try readValue(depth: &depth)
        s.skipSpaces()
        if let c = s.current, c != 0x0A { throw s.error("expected the end of the line after the header, found \(s.found)") }
        guard case .object(let fields) = header.value else { throw s.error("unreachable", at: objectStart) }
        guard let format = fields.first(where: { $0.key == "format" }) else {
            throw s.error("missing trace header: the first line must be \(Self.headerExample)", at: objectStart)
        }
        guard case .string("loopscope-trace") = format.node.value else {
            throw s.error("not a loopscope trace: \"format\" must be \"loopscope-trace\"", at: format.node.pos)
        }
        guard let version = fields.first(where: { $0.key == "version" }) else {
            throw s.error("the header has no \"version\"", at: objectStart)
        }
        guard case .number(let text) = version.node.value, let v = Int(text) else {
            throw s.error("expected \"version\" as a whole number", at: version.node.pos)
        }
        guard Trace.readableVersions.contains(v) else {
            let r = Trace.readableVersions
            throw s.error("unsupported trace version \(text); this loopscope reads versions "
                + "\(r.lowerBound) to \(r.upperBound) — re-record the trace with this loopscope",
                at: version.node.pos)
        }
        self.version = v
        try onlyKeys(fields, ["format", "version", "program"], in: "the header")
        guard let program = fields.first(where: { $0.key == "program" }) else {
            throw s.error("the header has no \"program\"", at: objectStart)
        }
        trace.program = try readProgram(program.node)
    }

    private func readProgram(_ node: JSONNode) throws(TraceFormatError) -> ProgramInfo {
        guard case .object(let fields) = node.value else {
            throw s.error("expected \"program\" as an object", at: node.pos)
        }
        try onlyKeys(fields, ["id", "title", "origin", "note", "claims", "language", "engine", "clock"],
                     in: "\"program\"")
        var info = ProgramInfo(id: try string(fields, "id", in: "\"program\"", at: node.pos),
                               title: try string(fields, "title", in: "\"program\"", at: node.pos))
        if fields.contains(where: { $0.key == "origin" }) {
            info.origin = try string(fields, "origin", in: "\"program\"", at: node.pos)
        }
        if fields.contains(where: { $0.key == "note" }) {
            info.note = try string(fields, "note", in: "\"program\"", at: node.pos)
        }
        if fields.contains(where: { $0.key == "engine" }) {
            info.engine = try string(fields, "engine", in: "\"program\"", at: node.pos)
        }
        if let f = fields.first(where: { $0.key == "language" }) {
            info.language = try word(f, ProgramLanguage.self)
        }
        if let f = fields.first(where: { $0.key == "clock" }) {
            info.clock = try word(f, TraceClock.self)
        }
        if let claims = fields.first(where: { $0.key == "claims" }) {
            guard case .array(let items) = claims.node.value else {
                throw s.error("expected \"claims\" as an array", at: claims.node.pos)
            }
            for item in items {
                guard case .object(let c) = item.value else {
                    throw s.error("expected a claim as an object with \"article\" and \"actual\"", at: item.pos)
                }
                try onlyKeys(c, ["article", "actual"], in: "a claim")
                info.claims.append(ArticleClaim(article: try string(c, "article", in: "a claim", at: item.pos),
                                                actual: try string(c, "actual", in: "a claim", at: item.pos)))
            }
        }
        return info
    }

    /// A header field whose value is one of an enum's words.
    private func word<W: RawRepresentable & CaseIterable>(_ f: JSONField, _: W.Type) throws(TraceFormatError) -> W
        where W.RawValue == String {
        let expected = W.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: " or ")
        guard case .string(let v) = f.node.value, let w = W(rawValue: v) else {
            throw s.error("expected \"\(f.key)\" as \(expected)", at: f.node.pos)
        }
        return w
    }

    private func onlyKeys(_ fields: [JSONField], _ keys: Set<String>, in what: String) throws(TraceFormatError) {
        var seen = Set<String>()
        for f in fields {
            guard keys.contains(f.key) else { throw s.error("unknown field \"\(f.key)\" in \(what)", at: f.keyPos) }
            guard seen.insert(f.key).inserted else { throw s.error("duplicate field \"\(f.key)\"", at: f.keyPos) }
        }
    }

    private func string(_ fields: [JSONField], _ key: String, in what: String, at pos: Int)
        throws(TraceFormatError) -> String {
        guard let f = fields.first(where: { $0.key == key }) else {
            throw s.error("missing field \"\(key)\" in \(what)", at: pos)
        }
        guard case .string(let v) = f.node.value else {
            throw s.error("expected \"\(key)\" as a string", at: f.node.pos)
        }
        return v
    }

    // MARK: General JSON

    private mutating func readValue(depth: inout Int) throws(TraceFormatError) -> JSONNode {
        s.skipSpaces()
        let start = s.pos
        guard let c = s.current else { throw s.error("expected a value, found the end of the input") }
        switch c {
        case UInt8(ascii: "{"):
            depth += 1
            defer { depth -= 1 }
            guard depth <= 16 else { throw s.error("the header nests too deeply") }
            s.pos += 1
            var fields: [JSONField] = []
            s.skipSpaces()
            if s.current == UInt8(ascii: "}") { s.pos += 1; return JSONNode(pos: start, value: .object([])) }
            while true {
                s.skipSpaces()
                let keyPos = s.pos
                let key = try s.readString("a field name")
                s.skipSpaces()
                try s.expect(UInt8(ascii: ":"), "expected ':' after the field name")
                let value = try readValue(depth: &depth)
                fields.append(JSONField(key: key, keyPos: keyPos, node: value))
                s.skipSpaces()
                if s.current == UInt8(ascii: ",") { s.pos += 1; continue }
                try s.expect(UInt8(ascii: "}"), "expected ',' or '}' after a field")
                return JSONNode(pos: start, value: .object(fields))
            }
        case UInt8(ascii: "["):
            depth += 1
            defer { depth -= 1 }
            guard depth <= 16 else { throw s.error("the header nests too deeply") }
            s.pos += 1
            var items: [JSONNode] = []
            s.skipSpaces()
            if s.current == UInt8(ascii: "]") { s.pos += 1; return JSONNode(pos: start, value: .array([])) }
            while true {
                items.append(try readValue(depth: &depth))
                s.skipSpaces()
                if s.current == UInt8(ascii: ",") { s.pos += 1; continue }
                try s.expect(UInt8(ascii: "]"), "expected ',' or ']' in an array")
                return JSONNode(pos: start, value: .array(items))
            }
        case UInt8(ascii: "\""):
            return JSONNode(pos: start, value: .string(try s.readString("a string")))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            var end = s.pos
            while end < s.buf.count, Self.numberBytes.contains(s.buf[end]) { end += 1 }
            let text = String(decoding: UnsafeBufferPointer(rebasing: s.buf[s.pos..<end]), as: UTF8.self)
            s.pos = end
            return JSONNode(pos: start, value: .number(text))
        default:
            for (word, value) in [("true", JSONValue.bool(true)), ("false", .bool(false)), ("null", .null)]
            where s.matchesWord(word) {
                s.pos += word.utf8.count
                return JSONNode(pos: start, value: value)
            }
            throw s.error("expected a value")
        }
    }

    private static let numberBytes = Set("-+.eE0123456789".utf8)
}

/// One JSON value of the header with where it starts.
struct JSONNode {
    var pos: Int
    var value: JSONValue
}

struct JSONField {
    var key: String
    var keyPos: Int
    var node: JSONNode
}

indirect enum JSONValue {
    case object([JSONField]), array([JSONNode]), string(String), number(String), bool(Bool), null
}

extension ByteScanner {
    func matchesWord(_ word: String) -> Bool {
        let w = Array(word.utf8)
        guard pos + w.count <= buf.count else { return false }
        for i in 0..<w.count where buf[pos + i] != w[i] { return false }
        return true
    }
}
