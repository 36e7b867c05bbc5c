// The one place that talks to libyaml: its event parser, wrapped so that no
// pointer leaves this file. Each event carries what a composer needs: the
// value, style, tag and anchor, and where it starts and ends.
import CYAML

/// A position in YAML text: 1-based line and column; columns count Unicode
/// scalars, as libyaml counts them.
struct YAMLMark: Sendable, Hashable, CustomStringConvertible {
    var line: Int
    var column: Int

    var description: String { "\(line):\(column)" }
}

enum YAMLScalarStyle: Sendable, Hashable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

struct YAMLEvent: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case streamStart, streamEnd
        case documentStart, documentEnd
        case alias(anchor: String)
        case scalar(Scalar)
        case sequenceStart(anchor: String?, tag: String?, flow: Bool)
        case sequenceEnd
        case mappingStart(anchor: String?, tag: String?, flow: Bool)
        case mappingEnd
    }

    struct Scalar: Sendable, Equatable {
        var value: String
        var style: YAMLScalarStyle
        /// The tag as written, resolved against the document's tag directives
        /// (`!!str` is `tag:yaml.org,2002:str`); nil when none is written.
        var tag: String?
        var anchor: String?
    }

    var kind: Kind
    var start: YAMLMark
    var end: YAMLMark
}

/// What libyaml reports when it cannot go on, as it reports it (the messages
/// for editors are made from it elsewhere).
struct YAMLSyntaxError: Error, Sendable, Equatable {
    enum Stage: String, Sendable {
        /// The text itself (a control character): `offset` and `value` say where and which.
        case reader
        case scanner, parser
        /// Raised above libyaml, by the composer (an undefined alias, a second document).
        case composer
        case memory
    }

    struct Context: Sendable, Equatable {
        var text: String
        var mark: YAMLMark
    }

    var stage: Stage
    var problem: String
    var mark: YAMLMark
    var context: Context?
    /// Reader errors: the byte offset of the problem in the text, and the offending value.
    var offset: Int = 0
    var value: Int32 = -1
}

/// libyaml's parser over one UTF-8 text, handing out one event at a time.
struct YAMLEventStream: ~Copyable {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    /// libyaml reads from here until it is deleted; the stream owns the copy.
    private let input: UnsafeMutableBufferPointer<UInt8>
    private var failed = false

    init(_ text: String) {
        var text = text
        let input = text.withUTF8 { bytes in
            let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
            _ = copy.initialize(fromContentsOf: bytes)
            return UnsafeMutableBufferPointer(rebasing: copy[..<bytes.count])
        }
        self.init(owning: input)
    }

    private init(owning input: UnsafeMutableBufferPointer<UInt8>) {
        self.input = input
        // The parser points at itself (its read handler's data): it must not move.
        parser = .allocate(capacity: 1)
        yaml_parser_initialize(parser)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, input.baseAddress, input.count)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
        input.baseAddress?.deallocate()
    }

    /// The next event; after `streamEnd` or an error, libyaml has nothing more.
    mutating func next() throws(YAMLSyntaxError) -> YAMLEvent {
        var event = yaml_event_t()
        guard !failed, yaml_parser_parse(parser, &event) == 1 else {
            failed = true
            throw error()
        }
        defer { yaml_event_delete(&event) }
        let start = Self.mark(event.start_mark), end = Self.mark(event.end_mark)
        let kind: YAMLEvent.Kind
        switch event.type {
        case YAML_STREAM_START_EVENT: kind = .streamStart
        case YAML_STREAM_END_EVENT: kind = .streamEnd
        case YAML_DOCUMENT_START_EVENT: kind = .documentStart
        case YAML_DOCUMENT_END_EVENT: kind = .documentEnd
        case YAML_ALIAS_EVENT: kind = .alias(anchor: Self.string(event.data.alias.anchor) ?? "")
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let value = scalar.value.map { Self.text(UnsafeBufferPointer(start: $0, count: scalar.length)) } ?? ""
            kind = .scalar(.init(
                value: value, style: Self.style(scalar.style), tag: Self.string(scalar.tag),
                anchor: Self.string(scalar.anchor)))
        case YAML_SEQUENCE_START_EVENT:
            let sequence = event.data.sequence_start
            kind = .sequenceStart(
                anchor: Self.string(sequence.anchor), tag: Self.string(sequence.tag),
                flow: sequence.style == YAML_FLOW_SEQUENCE_STYLE)
        case YAML_SEQUENCE_END_EVENT: kind = .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            let mapping = event.data.mapping_start
            kind = .mappingStart(
                anchor: Self.string(mapping.anchor), tag: Self.string(mapping.tag),
                flow: mapping.style == YAML_FLOW_MAPPING_STYLE)
        case YAML_MAPPING_END_EVENT: kind = .mappingEnd
        default:
            // YAML_NO_EVENT comes only with an error, handled above.
            failed = true
            throw YAMLSyntaxError(stage: .parser, problem: "no event", mark: start)
        }
        return YAMLEvent(kind: kind, start: start, end: end)
    }

    private func error() -> YAMLSyntaxError {
        let parser = self.parser.pointee
        let problem = parser.problem.map { String(cString: $0) } ?? ""
        let context = parser.context.map { YAMLSyntaxError.Context(text: String(cString: $0), mark: Self.mark(parser.context_mark)) }
        let mark = Self.mark(parser.problem_mark)
        switch parser.error {
        case YAML_READER_ERROR:
            return YAMLSyntaxError(
                stage: .reader, problem: problem, mark: mark, offset: Int(parser.problem_offset), value: parser.problem_value)
        case YAML_SCANNER_ERROR: return YAMLSyntaxError(stage: .scanner, problem: problem, mark: mark, context: context)
        case YAML_PARSER_ERROR: return YAMLSyntaxError(stage: .parser, problem: problem, mark: mark, context: context)
        case YAML_COMPOSER_ERROR: return YAMLSyntaxError(stage: .composer, problem: problem, mark: mark, context: context)
        default: return YAMLSyntaxError(stage: .memory, problem: problem, mark: mark)
        }
    }

    private static func mark(_ mark: yaml_mark_t) -> YAMLMark {
        YAMLMark(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    /// A scalar's value. A byte-order mark at its start is dropped, as
    /// Foundation's decoding (which front matter was always read with) drops it.
    private static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[3...]), as: UTF8.self)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func string(_ text: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        text.map { String(cString: $0) }
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }
}
