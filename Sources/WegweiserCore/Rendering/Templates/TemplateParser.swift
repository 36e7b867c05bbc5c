// Reads a Mustache template into a tree of nodes, once per build. It follows
// swift-mustache's parser step by step (the pages were written against it),
// so standalone lines, indented partials and `{{<parent}}` blocks keep their
// whitespace exactly as before, and it works on the template's UTF-8 bytes.
// Names become `TemplateKey`s and partial names template numbers here, so
// rendering needs neither string hashing nor a search. A template a
// designer got wrong gives a German reason with the tag's line and column.

/// Line and column (1-based, in characters) of a tag in its template.
struct TemplatePosition: Sendable, Equatable, CustomStringConvertible {
    var line: Int
    var column: Int

    var description: String { "\(line):\(column)" }
}

/// What a template name refers to, resolved when the template is read.
enum TemplatePath: Sendable, Equatable {
    /// `{{.}}`: the current object.
    case current
    /// A name no view model knows: always absent.
    case never
    /// `{{.name}}`: looked up in the current object only.
    case top([TemplateKey])
    /// `{{name}}`: looked up from the current object outwards (the common
    /// case, kept apart so that a node holding it copies without a retain).
    case name(TemplateKey)
    /// `{{a.b}}`: the first name is looked up from the current object
    /// outwards, the rest in what it found.
    case stack(TemplateKey, [TemplateKey])

    init(_ name: String) {
        if name == "." {
            self = .current
            return
        }
        let keys = name.split(separator: ".").map { TemplateKey(rawValue: String($0)) }
        if keys.contains(nil) {
            self = .never
        } else if name.hasPrefix(".") || keys.isEmpty {
            self = keys.isEmpty ? .current : .top(keys.map { $0! })
        } else {
            self = keys.count == 1 ? .name(keys[0]!) : .stack(keys[0]!, keys.dropFirst().map { $0! })
        }
    }
}

/// A compiled template is a list of these.
enum TemplateNode: Sendable {
    case text([UInt8])
    case variable(TemplatePath, escaped: Bool, TemplatePosition)
    case section(TemplatePath, [TemplateNode], inverted: Bool, TemplatePosition)
    /// `{{$name}}…{{/name}}` in a parent: the default, unless a child overrides it.
    case block(String, [TemplateNode], indentation: [UInt8], TemplatePosition)
    /// `{{>name}}` or `{{<name}}…{{/name}}` (then with the child's blocks);
    /// the number is the template's in the library.
    case partial(Int, indentation: [UInt8], overrides: [String: [TemplateNode]]?, TemplatePosition)
    /// `{{$name}}…{{/name}}` inside `{{<parent}}`: collected into the partial's overrides.
    case blockDefinition(String, [TemplateNode], TemplatePosition)

    var position: TemplatePosition? {
        switch self {
        case .text: nil
        case .variable(_, _, let position), .section(_, _, _, let position), .block(_, _, _, let position),
             .partial(_, _, _, let position), .blockDefinition(_, _, let position):
            position
        }
    }
}

/// Why a template cannot be read, in German, with where and what to do.
struct TemplateSyntaxError: Error, Sendable, Equatable {
    var position: TemplatePosition
    /// A clause that completes "Die Vorlage lässt sich nicht lesen: …".
    var reason: String
    var hint: String
}

struct TemplateParser {
    private let bytes: [UInt8]
    private var position = 0
    /// Template name → number in the library, for partials and parents.
    private let templates: [String: Int]
    /// Offsets where lines start, for positions.
    private let lineStarts: [Int]

    /// The nodes of `source`; `templates` are the names partials may use.
    static func parse(_ source: String, templates: [String: Int]) throws(TemplateSyntaxError) -> [TemplateNode] {
        var parser = TemplateParser(bytes: Array(source.utf8), templates: templates)
        return try parser.parse(State())
    }

    private init(bytes: [UInt8], templates: [String: Int]) {
        self.bytes = bytes
        self.templates = templates
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
        lineStarts = starts
    }

    /// What the parser knows about where it is (swift-mustache's `ParserState`).
    private struct State {
        /// The open section this part ends with: its name, sigil and tag.
        var section: (name: String, sigil: String, position: TemplatePosition)?
        /// At the start of a line, with only spaces or tabs before.
        var newLine = true
        /// Inside `{{<parent}}…{{/parent}}`, and directly in it (not in a block).
        var inParent = false
        var atParentTop = false
        /// The indentation of a block's first line, taken off every line of it.
        var blockIndent: Int?
        var open = Array("{{".utf8)
        var close = Array("}}".utf8)

        func entering(_ name: String, sigil: String, at position: TemplatePosition, newLine: Bool) -> State {
            var state = self
            state.section = (name, sigil, position)
            state.atParentTop = false
            if !newLine { state.newLine = false }
            return state
        }

        func enteringParent(_ name: String, at position: TemplatePosition) -> State {
            var state = self
            state.section = (name, "<", position)
            state.newLine = true
            state.inParent = true
            state.atParentTop = true
            return state
        }
    }

    private mutating func parse(_ initial: State) throws(TemplateSyntaxError) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = initial
        var whitespaceBefore: ArraySlice<UInt8> = []
        while position < bytes.count {
            if state.newLine {
                let start = position
                while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
                let whitespace = bytes[start..<position]
                if state.inParent, !state.atParentTop {
                    if let indent = state.blockIndent {
                        whitespaceBefore = whitespace.dropFirst(indent)
                    } else {
                        state.blockIndent = whitespace.count
                    }
                } else {
                    whitespaceBefore = whitespace
                }
            }
            let (text, stop) = scanText(state)
            if case .newline(let length) = stop {
                nodes.append(.text(Array(whitespaceBefore) + bytes[text] + bytes[position..<(position + length)]))
                state.newLine = true
                position += length
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(Array(whitespaceBefore) + bytes[text]))
                whitespaceBefore = []
                state.newLine = false
            }
            guard case .tag(let tagStart) = stop else { break }
            let tag = self.position(of: tagStart)
            guard position < bytes.count else { throw unclosedTag(at: tag, state) }
            var setNewLine = false
            switch bytes[position] {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let inverted = bytes[position] == UInt8(ascii: "^")
                position += 1
                let name = try parseName(state, tag: tag)
                if isStandalone(state) {
                    setNewLine = true
                } else if !whitespaceBefore.isEmpty {
                    nodes.append(.text(Array(whitespaceBefore)))
                    whitespaceBefore = []
                }
                let children = try parse(state.entering(name, sigil: inverted ? "^" : "#", at: tag, newLine: setNewLine))
                nodes.append(.section(TemplatePath(name), children, inverted: inverted, tag))

            case UInt8(ascii: "/"):
                position += 1
                let name = try parseName(state, tag: tag)
                guard let section = state.section else {
                    throw TemplateSyntaxError(
                        position: tag, reason: "`{{/\(name)}}` schließt keinen offenen Abschnitt",
                        hint: "Löschen Sie das Tag, oder öffnen Sie den Abschnitt davor mit `{{#\(name)}}`.")
                }
                guard name == section.name else {
                    throw TemplateSyntaxError(
                        position: tag,
                        reason: "`{{/\(name)}}` schließt nicht `{{\(section.sigil)\(section.name)}}` aus Zeile \(section.position.line)",
                        hint: "Prüfen Sie, ob jedes `{{#…}}` mit dem passenden `{{/…}}` geschlossen wird.")
                }
                if !isStandalone(state), !whitespaceBefore.isEmpty {
                    nodes.append(.text(Array(whitespaceBefore)))
                }
                return nodes

            case UInt8(ascii: "!"):
                position += 1
                guard let end = find(state.close, from: position) else {
                    throw TemplateSyntaxError(
                        position: tag, reason: "der Kommentar wird nicht mit `\(string(state.close))` geschlossen",
                        hint: "Ein Kommentar steht zwischen `{{!` und `}}`.")
                }
                position = end + state.close.count
                setNewLine = isStandalone(state)

            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                let triple = bytes[position] == UInt8(ascii: "{")
                if !whitespaceBefore.isEmpty {
                    nodes.append(.text(Array(whitespaceBefore)))
                    whitespaceBefore = []
                }
                position += 1
                let name = try parseName(state, tag: tag)
                if triple {
                    guard position < bytes.count, bytes[position] == UInt8(ascii: "}") else {
                        throw TemplateSyntaxError(
                            position: tag, reason: "`{{{\(name)` wird nicht mit `}}}` geschlossen",
                            hint: "Drei Klammern auf, drei zu: `{{{\(name)}}}`, oder `{{& \(name)}}`.")
                    }
                    position += 1
                }
                nodes.append(.variable(TemplatePath(name), escaped: false, tag))

            case UInt8(ascii: ">"):
                position += 1
                skipWhitespace()
                let name = try parsePartialName(state, tag: tag, sigil: ">")
                let template = try partial(name, at: tag)
                if !whitespaceBefore.isEmpty { nodes.append(.text(Array(whitespaceBefore))) }
                if isStandalone(state) {
                    setNewLine = true
                    nodes.append(.partial(template, indentation: Array(whitespaceBefore), overrides: nil, tag))
                } else {
                    nodes.append(.partial(template, indentation: [], overrides: nil, tag))
                }
                whitespaceBefore = []

            case UInt8(ascii: "<"):
                position += 1
                skipWhitespace()
                let name = try parsePartialName(state, tag: tag, sigil: "<")
                let template = try partial(name, at: tag)
                if !whitespaceBefore.isEmpty { nodes.append(.text(Array(whitespaceBefore))) }
                if isStandalone(state) { setNewLine = true }
                var overrides: [String: [TemplateNode]] = [:]
                for node in try parse(state.enteringParent(name, at: tag)) {
                    switch node {
                    case .blockDefinition(let block, let children, _): overrides[block] = children
                    case .text: break
                    default:
                        throw TemplateSyntaxError(
                            position: node.position ?? tag,
                            reason: "zwischen `{{<\(name)}}` und `{{/\(name)}}` dürfen nur Blöcke `{{$name}}…{{/name}}` stehen",
                            hint: "Setzen Sie dieses Tag in einen der Blöcke, die `\(name)` vorsieht, zum Beispiel `{{$main}}…{{/main}}`.")
                    }
                }
                nodes.append(.partial(template, indentation: Array(whitespaceBefore), overrides: overrides, tag))
                whitespaceBefore = []

            case UInt8(ascii: "$"):
                position += 1
                let name = try parseName(state, tag: tag)
                if state.atParentTop {
                    if isStandalone(state) { setNewLine = true }
                    let children = try parse(state.entering(name, sigil: "$", at: tag, newLine: setNewLine))
                    nodes.append(.blockDefinition(name, children, tag))
                } else {
                    if !whitespaceBefore.isEmpty { nodes.append(.text(Array(whitespaceBefore))) }
                    if isStandalone(state) { setNewLine = true }
                    let children = try parse(state.entering(name, sigil: "$", at: tag, newLine: setNewLine))
                    nodes.append(.block(name, children, indentation: Array(whitespaceBefore), tag))
                    whitespaceBefore = []
                }

            case UInt8(ascii: "="):
                position += 1
                state = try parseDelimiters(state, tag: tag)
                setNewLine = isStandalone(state)

            case UInt8(ascii: "%"):
                throw TemplateSyntaxError(
                    position: tag, reason: "Einstellungen wie `{{%…}}` werden nicht unterstützt",
                    hint: "Löschen Sie das Tag; die Seiten sind immer HTML.")

            default:
                if !whitespaceBefore.isEmpty {
                    nodes.append(.text(Array(whitespaceBefore)))
                    whitespaceBefore = []
                }
                let name = try parseName(state, tag: tag)
                nodes.append(.variable(TemplatePath(name), escaped: true, tag))
            }
            state.newLine = setNewLine
        }
        if let section = state.section {
            throw TemplateSyntaxError(
                position: section.position,
                reason: "`{{\(section.sigil)\(section.name)}}` wird nicht geschlossen",
                hint: "Schließen Sie den Abschnitt mit `{{/\(section.name)}}`.")
        }
        return nodes
    }

    // MARK: - Text and lines

    private enum Stop {
        /// At a line end of this many bytes (`\n` or `\r\n`).
        case newline(Int)
        /// After a tag's opening delimiter, which starts at this offset.
        case tag(Int)
        case end
    }

    /// Text up to a line end or a tag (swift-mustache's `readUntilDelimiterOrNewline`).
    private mutating func scanText(_ state: State) -> (Range<Int>, Stop) {
        let start = position
        let first = state.open[0]
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x0A { return (start..<position, .newline(1)) }
            if byte == 0x0D, position + 1 < bytes.count, bytes[position + 1] == 0x0A { return (start..<position, .newline(2)) }
            if byte == first, matches(state.open, at: position) {
                let text = start..<position
                position += state.open.count
                return (text, .tag(text.upperBound))
            }
            position += 1
        }
        return (start..<position, .end)
    }

    /// A tag stands alone on its line: then the line's whitespace and line
    /// end are not output (and the line end is consumed).
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if position == bytes.count { return true }
        var end = position
        while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
        guard let length = lineEnd(at: end) else { return false }
        position = end + length
        return true
    }

    /// Length of the line-ending character at `offset` (Swift's `Character.isNewline`).
    private func lineEnd(at offset: Int) -> Int? {
        guard offset < bytes.count else { return nil }
        switch bytes[offset] {
        case 0x0D: return offset + 1 < bytes.count && bytes[offset + 1] == 0x0A ? 2 : 1
        case 0x0A, 0x0B, 0x0C: return 1
        case 0xC2 where offset + 1 < bytes.count && bytes[offset + 1] == 0x85: return 2
        case 0xE2 where offset + 2 < bytes.count && bytes[offset + 1] == 0x80 && (bytes[offset + 2] == 0xA8 || bytes[offset + 2] == 0xA9):
            return 3
        default: return nil
        }
    }

    /// Length of the whitespace character at `offset` (Swift's `Character.isWhitespace`), 0 if none.
    private func whitespaceLength(at offset: Int) -> Int {
        guard offset < bytes.count else { return 0 }
        let byte = bytes[offset]
        func next(_ index: Int) -> UInt8 { offset + index < bytes.count ? bytes[offset + index] : 0 }
        switch byte {
        case 0x09...0x0D, 0x20: return 1
        case 0xC2 where next(1) == 0x85 || next(1) == 0xA0: return 2
        case 0xE1 where next(1) == 0x9A && next(2) == 0x80: return 3
        case 0xE2 where next(1) == 0x80 && ((0x80...0x8A).contains(next(2)) || [0xA8, 0xA9, 0xAF].contains(next(2))): return 3
        case 0xE2 where next(1) == 0x81 && next(2) == 0x9F: return 3
        case 0xE3 where next(1) == 0x80 && next(2) == 0x80: return 3
        default: return 0
        }
    }

    private mutating func skipWhitespace() {
        var length = whitespaceLength(at: position)
        while length > 0 {
            position += length
            length = whitespaceLength(at: position)
        }
    }

    private func matches(_ delimiter: [UInt8], at offset: Int) -> Bool {
        guard offset + delimiter.count <= bytes.count else { return false }
        for index in delimiter.indices where bytes[offset + index] != delimiter[index] { return false }
        return true
    }

    private func find(_ delimiter: [UInt8], from offset: Int) -> Int? {
        var candidate = offset
        while candidate + delimiter.count <= bytes.count {
            if matches(delimiter, at: candidate) { return candidate }
            candidate += 1
        }
        return nil
    }

    private func string(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    private func position(of offset: Int) -> TemplatePosition {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let column = String(decoding: bytes[lineStarts[low]..<offset], as: UTF8.self).count + 1
        return TemplatePosition(line: low + 1, column: column)
    }

    // MARK: - Names

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "*"):
            true
        default: false
        }
    }

    /// The name of a tag, then its closing delimiter.
    private mutating func parseName(_ state: State, tag: TemplatePosition) throws(TemplateSyntaxError) -> String {
        skipWhitespace()
        let start = position
        while position < bytes.count, Self.isNameByte(bytes[position]) { position += 1 }
        let name = string(Array(bytes[start..<position]))
        skipWhitespace()
        try expectClose(state, tag: tag, name: name)
        return name
    }

    /// The name of a partial or parent (it may hold `/`), then the closing delimiter.
    private mutating func parsePartialName(_ state: State, tag: TemplatePosition, sigil: String) throws(TemplateSyntaxError) -> String {
        if position < bytes.count, bytes[position] == UInt8(ascii: "*") {
            throw TemplateSyntaxError(
                position: tag, reason: "Teilvorlagen mit wechselndem Namen (`{{\(sigil)*name}}`) werden nicht unterstützt",
                hint: "Nennen Sie die Teilvorlage mit ihrem Namen, zum Beispiel `{{>partials/offer-card}}`.")
        }
        let start = position
        while position < bytes.count, Self.isNameByte(bytes[position]) || bytes[position] == UInt8(ascii: "/") { position += 1 }
        let name = string(Array(bytes[start..<position]))
        skipWhitespace()
        try expectClose(state, tag: tag, name: name)
        return name
    }

    private mutating func expectClose(_ state: State, tag: TemplatePosition, name: String) throws(TemplateSyntaxError) {
        let close = string(state.close)
        if matches(state.close, at: position) {
            guard !name.isEmpty else {
                throw TemplateSyntaxError(
                    position: tag, reason: "im Tag fehlt der Name",
                    hint: "Ein Tag nennt, was eingesetzt wird, zum Beispiel `{{title}}` oder `{{#offers}}…{{/offers}}`.")
            }
            position += state.close.count
            return
        }
        guard position < bytes.count else { throw unclosedTag(at: tag, state) }
        if bytes[position] == UInt8(ascii: "(") || bytes[position] == UInt8(ascii: ")") {
            throw TemplateSyntaxError(
                position: tag, reason: "Funktionen wie `\(name)(…)` werden nicht unterstützt",
                hint: "Die Vorlage setzt nur Werte ein; was daraus werden soll, legt das Programm fest.")
        }
        let found = String(decoding: bytes[position..<min(bytes.count, position + 8)], as: UTF8.self).first.map(String.init) ?? ""
        throw TemplateSyntaxError(
            position: tag, reason: "im Tag steht `\(found)`, wo `\(close)` kommen sollte",
            hint: "Namen bestehen aus Buchstaben ohne Umlaute, Ziffern und `.`, `-`, `_`; ein Tag endet mit `\(close)`.")
    }

    private func unclosedTag(at tag: TemplatePosition, _ state: State) -> TemplateSyntaxError {
        TemplateSyntaxError(
            position: tag, reason: "das Tag wird nicht mit `\(string(state.close))` geschlossen",
            hint: "Jedes Tag endet mit `\(string(state.close))`, zum Beispiel `{{title}}`.")
    }

    private func partial(_ name: String, at tag: TemplatePosition) throws(TemplateSyntaxError) -> Int {
        if let template = templates[name] { return template }
        let known = templates.keys.sorted().map { "`\($0)`" }.joined(separator: ", ")
        throw TemplateSyntaxError(
            position: tag, reason: "die Teilvorlage `\(name)` gibt es nicht",
            hint: "Vorhanden sind \(known). Eine Teilvorlage `\(name)` wäre die Datei `\(name).mustache` im Vorlagen-Ordner.")
    }

    /// `{{=<% %>=}}`: new delimiters for the rest of this section.
    private mutating func parseDelimiters(_ state: State, tag: TemplatePosition) throws(TemplateSyntaxError) -> State {
        let invalid = TemplateSyntaxError(
            position: tag, reason: "das Tag zum Wechseln der Klammern ist ungültig",
            hint: "So wechseln Sie die Klammern: `{{=<% %>=}}`, zwei Zeichenfolgen ohne Leerzeichen und ohne `=`.")
        skipWhitespace()
        let openStart = position
        while position < bytes.count, whitespaceLength(at: position) == 0 { position += 1 }
        guard position < bytes.count else { throw invalid }
        let open = Array(bytes[openStart..<position])
        skipWhitespace()
        let closeStart = position
        while position < bytes.count, bytes[position] != UInt8(ascii: "="), whitespaceLength(at: position) == 0 { position += 1 }
        guard position < bytes.count else { throw invalid }
        let close = Array(bytes[closeStart..<position])
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else { throw invalid }
        position += 1
        guard matches(state.close, at: position), !open.isEmpty, !close.isEmpty else { throw invalid }
        position += state.close.count
        var state = state
        state.open = open
        state.close = close
        state.atParentTop = false
        return state
    }
}
