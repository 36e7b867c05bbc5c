// A small JSON writer with sorted keys: deterministic bytes, and much faster
// than JSONSerialization's locale-aware key sorting on Linux. `JSON` is the
// value a caller builds; `JSONWriter` turns it into UTF-8 bytes, copying runs
// of plain bytes at once and escaping byte by byte only where it must.

import WegweiserSearch

public enum JSON: Sendable, Equatable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case array([JSON])
    case object([String: JSON])
    /// A value written before, as JSON bytes (a record several files hold).
    case raw([UInt8])

    /// The JSON text, as UTF-8 bytes.
    public var bytes: [UInt8] {
        var writer = JSONWriter()
        writer.write(self)
        return writer.bytes
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

extension JSON: ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSON...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSON)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { $1 }))
    }
}

/// An object's members written once, `"key":value` each, in key order:
/// for fields that several files hold, alone or among members of their own.
struct WrittenMembers: Sendable {
    fileprivate(set) var bytes: [UInt8] = []
    fileprivate(set) var members: [(key: String, range: Range<Int>)] = []

    init() {}

    /// Members `write` gives in key order as they are built, with no
    /// dictionary to hash and sort: for the fields of every service.
    init(ordered write: (inout OrderedMembers) -> Void) {
        var ordered = OrderedMembers()
        write(&ordered)
        self.init()
        bytes = Array(ordered.writer.bytes[...])  // often held long: no spare capacity
        members = ordered.members
    }
}

/// What `WrittenMembers(ordered:)` is given: `member` adds one, keys in order.
struct OrderedMembers {
    fileprivate var writer = JSONWriter(capacity: 1024)
    fileprivate var members: [(key: String, range: Range<Int>)] = []

    mutating func member(_ key: String, _ value: String) { member(key, JSON.string(value)) }
    mutating func member(_ key: String, _ value: Int) { member(key, JSON.int(value)) }

    mutating func member(_ key: String, _ value: JSON) {
        assert(members.last.map { scalarOrder($0.key, key) } ?? true, "\(key) out of order")
        let start = writer.bytes.count
        writer.write(key)
        writer.append(":")
        writer.write(value)
        members.append((key, start..<writer.bytes.count))
    }
}

/// An object's members written in key order, with the members written
/// before (`WrittenMembers`) put in between where their keys belong; a
/// member given here wins over a written one of the same key. For records
/// written straight into their file, member by member.
struct MergedMembers {
    private let written: WrittenMembers
    private var next = 0
    private var first = true

    init(_ written: WrittenMembers) { self.written = written }

    /// Member `key`, its value written by `value`; keys in order.
    mutating func member(_ key: String, into json: inout JSONWriter, _ value: (inout JSONWriter) -> Void) {
        while next < written.members.count, scalarOrder(written.members[next].key, key) {
            writeWritten(into: &json)
        }
        if next < written.members.count, written.members[next].key == key { next += 1 }
        comma(into: &json)
        json.write(key)
        json.append(":")
        value(&json)
    }

    /// The written members after the last one given.
    mutating func finish(into json: inout JSONWriter) {
        while next < written.members.count { writeWritten(into: &json) }
    }

    private mutating func writeWritten(into json: inout JSONWriter) {
        comma(into: &json)
        json.append(written.bytes[written.members[next].range])
        next += 1
    }

    private mutating func comma(into json: inout JSONWriter) {
        if !first { json.append(",") }
        first = false
    }
}

/// Writes JSON values into a byte buffer: object keys sorted by their UTF-8
/// bytes (as JSONSerialization's `.sortedKeys` sorts ASCII keys), no spaces,
/// whole doubles without a fraction, and strings escaped so that the text
/// can sit inside a `<script>` element (`<` as `\u003c`) and be read by
/// JavaScript (U+2028 and U+2029 escaped).
struct JSONWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    mutating func write(_ value: JSON) {
        switch value {
        case .string(let string): write(string)
        case .int(let int): write(int)
        case .double(let double): write(double)
        case .bool(let bool): append(bool ? "true" : "false")
        case .array(let items):
            bytes.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                write(item)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            writeMembers(members)
            bytes.append(UInt8(ascii: "}"))
        case .raw(let json):
            bytes += json
        }
    }

    /// An object's members without its braces, keys in UTF-8 byte order
    /// (which is code point order), merged with members written before
    /// (a record's fields that several files hold, some with members of
    /// their own); a key in both is written from `members`.
    mutating func writeMembers(_ members: [String: JSON], with written: WrittenMembers = WrittenMembers()) {
        // Sorting the keys alone and looking each value up again is faster
        // than sorting the members: fewer values are moved about.
        var keys = Array(members.keys)
        keys.sort(by: scalarOrder)
        writeMembers(sorted: keys.lazy.map { ($0, members[$0]!) }, with: written)
    }

    /// The same with members given in key order (a record built in order).
    mutating func writeMembers(sorted members: some Sequence<(String, JSON)>, with written: WrittenMembers) {
        var merged = MergedMembers(written)
        for (key, value) in members { merged.member(key, into: &self) { $0.write(value) } }
        merged.finish(into: &self)
    }

    // MARK: Members in order
    //
    // For records made for every offer (its JSON-LD, its Merkliste entry,
    // its HSDS records), written as they are built rather than as a
    // dictionary to hash and sort: the caller gives the members in key
    // order (UTF-8 byte order, as `writeMembers` sorts).
    // A comma goes before a member or element unless it is the first one,
    // i.e. unless the last byte opened its object or array.

    /// `{`, the members `body` writes, `}`.
    mutating func object(_ body: (inout JSONWriter) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        body(&self)
        bytes.append(UInt8(ascii: "}"))
    }

    /// `[`, the elements `body` writes (each after `element()`), `]`.
    mutating func array(_ body: (inout JSONWriter) -> Void) {
        bytes.append(UInt8(ascii: "["))
        body(&self)
        bytes.append(UInt8(ascii: "]"))
    }

    /// Starts the next element of an array.
    mutating func element() {
        if let last = bytes.last, last != UInt8(ascii: "["), last != UInt8(ascii: "{") { bytes.append(UInt8(ascii: ",")) }
    }

    /// Starts a member: its key and the colon; its value follows.
    mutating func member(_ key: String) {
        element()
        write(key)
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func member(_ key: String, _ value: String) {
        member(key)
        write(value)
    }

    mutating func member(_ key: String, _ value: Int) {
        member(key)
        write(value)
    }

    mutating func member(_ key: String, _ value: Double) {
        member(key)
        write(value)
    }

    mutating func member(_ key: String, _ value: Bool) {
        member(key)
        append(value ? "true" : "false")
    }

    /// A member whose value is an array of texts.
    mutating func member(_ key: String, strings: some Sequence<String>) {
        member(key)
        array { json in
            for string in strings {
                json.element()
                json.write(string)
            }
        }
    }

    /// Bytes that are JSON already (punctuation, a value written before).
    mutating func append(_ raw: some Sequence<UInt8>) { bytes.append(contentsOf: raw) }

    mutating func append(_ ascii: StaticString) {
        ascii.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ int: Int) {
        if int < 0 { bytes.append(UInt8(ascii: "-")) }
        // The magnitude as unsigned, so that Int.min has one too; digits last to first.
        var magnitude = int.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }

    /// A whole number below 10^15 without a fraction (`7`, not `7.0`), else
    /// Swift's shortest round-tripping form.
    mutating func write(_ double: Double) {
        if double == double.rounded() && abs(double) < 1e15 {
            write(Int(double))
        } else {
            bytes.append(contentsOf: String(double).utf8)
        }
    }

    mutating func write(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { appendEscaped($0) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// The body of a string: runs of bytes that need no escape are copied at
    /// once; UTF-8 above ASCII is copied as it is, but for U+2028 and U+2029
    /// (E2 80 A8, E2 80 A9).
    private mutating func appendEscaped(_ source: UnsafeBufferPointer<UInt8>) {
        var runStart = 0, index = 0
        let count = source.count
        while index < count {
            if index + 8 <= count {
                let word = ByteWords.word(source, at: index)
                if !ByteWords.hasBelow(word, 0x20) && !ByteWords.has(word, 0x22) && !ByteWords.has(word, 0x5C)
                    && !ByteWords.has(word, 0x3C) && !ByteWords.has(word, 0xE2) {
                    index += 8
                    continue
                }
            }
            let byte = source[index]
            if byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0x3C && byte != 0xE2 {
                index += 1
                continue
            }
            if byte == 0xE2 {
                guard index + 2 < count, source[index + 1] == 0x80, source[index + 2] == 0xA8 || source[index + 2] == 0xA9 else {
                    index += 1
                    continue
                }
            }
            if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index])) }
            switch byte {
            case 0x22: append("\\\"")
            case 0x5C: append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0x3C: append("\\u003c")
            case 0xE2:
                append(source[index + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                index += 2
            default:
                append("\\u00")
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0x0F)])
            }
            index += 1
            runStart = index
        }
        if runStart < count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<count])) }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
