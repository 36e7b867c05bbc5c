// Reads YAML nodes into typed values, turning every mismatch into a
// Diagnostic that points at the line and column the editor wrote.
import Foundation

/// One YAML document of a file, with the diagnostics found while reading it.
struct YAMLReader {
    let file: String
    /// The file line of the YAML text's first line.
    let firstLine: Int
    private(set) var diagnostics: [Diagnostic] = []
    /// The YAML text, for messages that look at what was written.
    private var yaml = ""
    /// Its lines, split only when a message needs them.
    private var splitLines: [String]?
    /// Whether the text has a `#` anywhere: without one, no value was cut by a comment.
    private var hasHash = false
    /// Whether a plain text value followed by ` #` is warned about: YAML
    /// silently drops the rest as a comment (offers; site.yml has comments on purpose).
    var warnsAboutCutComments = false

    init(file: String, firstLine: Int) {
        self.file = file
        self.firstLine = firstLine
    }

    private mutating func lines() -> [String] {
        if let splitLines { return splitLines }
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        splitLines = lines
        return lines
    }

    /// Parses the YAML text; a syntax error becomes a diagnostic.
    mutating func compose(_ yaml: String) -> YAMLNode? {
        self.yaml = yaml
        splitLines = nil
        hasHash = yaml.containsUTF8(UInt8(ascii: "#"))
        do {
            return try YAMLComposer.compose(yaml)
        } catch {
            switch error {
            case .syntax(let error):
                switch error.stage {
                case .scanner, .parser, .composer:
                    reportSyntaxError(problem: error.problem, at: error.mark, context: error.context)
                case .reader, .memory:
                    report(at: nil, "Die Angaben sind kein gültiges YAML (\(Self.describe(error, in: yaml))).", hint: Self.genericHint)
                }
            case .duplicateKeys(let duplicates):
                for duplicate in duplicates {
                    report(line: duplicate.second.line, column: 1, "Die Angabe `\(duplicate.key)` steht zweimal.",
                        hint: "Sie steht schon in Zeile \(duplicate.first.line + firstLine - 1). Löschen Sie eine davon.")
                }
            }
            return nil
        }
    }

    /// A reader error (a control character in the text) or running out of
    /// memory, in the words libyaml's Swift wrappers have always used.
    static func describe(_ error: YAMLSyntaxError, in yaml: String) -> String {
        guard error.stage == .reader else { return "Memory error" }
        let index = yaml.utf8.index(yaml.utf8.startIndex, offsetBy: error.offset, limitedBy: yaml.utf8.endIndex)?
            .samePosition(in: yaml)
        guard let index, index < yaml.endIndex else {
            let offset = index.map { yaml.distance(from: yaml.startIndex, to: $0) }
            return "\(error.problem) at offset: \(String(describing: offset)), value: \(error.value)"
        }
        var number = 0
        var start = yaml.startIndex, end = yaml.startIndex, contentsEnd = yaml.startIndex
        yaml.getLineStart(&start, end: &end, contentsEnd: &contentsEnd, for: yaml.startIndex..<yaml.startIndex)
        while end <= index && end < yaml.endIndex {
            number += 1
            yaml.getLineStart(&start, end: &end, contentsEnd: &contentsEnd, for: end..<end)
        }
        let column = yaml.utf16.distance(from: start.samePosition(in: yaml.utf16)!, to: index.samePosition(in: yaml.utf16)!)
        var contents = String(yaml[start..<end])
        if !(contents.unicodeScalars.last.map(CharacterSet.newlines.contains) ?? false) { contents += "\n" }
        return "\(YAMLMark(line: number + 1, column: column + 1)): error: reader: \(error.problem):\n" + contents
            + String(repeating: " ", count: column) + "^"
    }

    static let genericHint = "Prüfen Sie Einrückung, Doppelpunkte und Anführungszeichen in dieser Zeile. Texte mit `:` oder `#` in Anführungszeichen setzen."

    /// Where libyaml stopped is often not where the editor must look: a tab
    /// is named as such, an unclosed quote is shown on the line it opens.
    private mutating func reportSyntaxError(problem: String, at mark: YAMLMark, context: YAMLSyntaxError.Context?) {
        let lines = lines()
        if let tab = Self.tabIndentation(in: lines, upTo: mark.line) {
            report(line: tab.line, column: tab.column,
                "In dieser Zeile wird mit einem Tabulator eingerückt; YAML erlaubt dafür nur Leerzeichen.",
                hint: "Löschen Sie den Tabulator am Zeilenanfang und rücken Sie mit Leerzeichen ein, so weit wie die Zeilen, zu denen diese gehört (meist zwei Leerzeichen).",
                code: "yaml-tabulator")
            return
        }
        if let quote = Self.unclosedQuote(in: lines, upTo: mark.line) ?? context.flatMap({ Self.quoteOpening(at: $0.mark, in: lines) }) {
            report(line: quote.line, column: quote.column,
                "Das Anführungszeichen \(quote.mark) in dieser Zeile wird nicht geschlossen.",
                hint: "Setzen Sie ans Ende des Werts ebenfalls \(quote.mark). Steht im Text selbst ein \(quote.mark), nehmen Sie außen die anderen Anführungszeichen (\(quote.mark == "\"" ? "'" : "\"")).",
                code: "yaml-anfuehrungszeichen")
            return
        }
        let (text, hint) = Self.explain(problem)
        report(at: mark, "Die Angaben sind kein gültiges YAML: \(text).", hint: hint, code: "yaml")
    }

    /// The first line up to `last` (1-based) whose indentation holds a tab.
    static func tabIndentation(in lines: [String], upTo last: Int) -> (line: Int, column: Int)? {
        for (index, line) in lines.prefix(max(last, 1)).enumerated() {
            let indentation = line.prefix { $0 == " " || $0 == "\t" }
            if let tab = indentation.firstIndex(of: "\t") {
                return (index + 1, line.distance(from: line.startIndex, to: tab) + 1)
            }
        }
        return nil
    }

    /// A value that opens a quote and does not close it on its line, at or before
    /// line `last`: YAML lets the text run on, so libyaml complains only later.
    static func unclosedQuote(in lines: [String], upTo last: Int) -> (line: Int, column: Int, mark: String)? {
        for (index, line) in lines.prefix(max(last, 1)).enumerated() {
            guard let start = valueStart(of: line) else { continue }
            let value = line[start...]
            guard let quote = value.first, quote == "\"" || quote == "'" else { continue }
            if !isClosed(value.dropFirst(), by: quote) {
                return (index + 1, line.distance(from: line.startIndex, to: start) + 1, String(quote))
            }
        }
        return nil
    }

    /// The quote libyaml was scanning when it gave up, if the context points at one.
    private static func quoteOpening(at mark: YAMLMark, in lines: [String]) -> (line: Int, column: Int, mark: String)? {
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        let characters = Array(lines[mark.line - 1])
        guard mark.column >= 1, mark.column <= characters.count else { return nil }
        let character = characters[mark.column - 1]
        guard character == "\"" || character == "'" else { return nil }
        return (mark.line, mark.column, String(character))
    }

    /// Where the value of `key: value` or `- value` begins.
    private static func valueStart(of line: String) -> String.Index? {
        var rest = line.drop { $0 == " " }
        if rest.hasPrefix("- ") { rest = rest.dropFirst(2).drop { $0 == " " } }
        if rest.first == "\"" || rest.first == "'" { return rest.startIndex }
        guard let colon = rest.range(of: ": ") else { return nil }
        let key = rest[..<colon.lowerBound]
        guard !key.isEmpty, !key.contains(where: { $0 == "\"" || $0 == "'" || $0 == "#" || $0 == "{" || $0 == "[" }) else { return nil }
        let value = rest[colon.upperBound...].drop { $0 == " " }
        return value.isEmpty ? nil : value.startIndex
    }

    private static func isClosed(_ text: Substring, by quote: Character) -> Bool {
        var iterator = text.makeIterator()
        while let character = iterator.next() {
            if quote == "\"", character == "\\" {
                _ = iterator.next()
            } else if character == quote {
                // In single quotes, '' is an escaped quote, not the end.
                if quote == "'" {
                    var lookahead = iterator
                    if lookahead.next() == "'" { iterator = lookahead; continue }
                }
                return true
            }
        }
        return false
    }

    /// libyaml's complaints, in words an editor understands, each with a hint.
    static func explain(_ problem: String) -> (text: String, hint: String) {
        let tabs = "Rücken Sie nur mit Leerzeichen ein, nie mit dem Tabulator."
        let quote = "Setzen Sie den Wert in Anführungszeichen, z. B. `summary: \"Hilfe: sofort\"`."
        let known: [String: (String, String)] = [
            "mapping values are not allowed in this context": ("ein Doppelpunkt steht an einer Stelle, an der er nicht erlaubt ist", "Enthält ein Wert selbst `: `, setzen Sie ihn in Anführungszeichen, z. B. `summary: \"Hilfe: sofort und kostenlos\"`."),
            "did not find expected ',' or ']'": ("eine Liste in eckigen Klammern [ ] ist nicht geschlossen", "Schließen Sie die Liste in derselben Zeile mit `]`, z. B. `life_phases: [0-3, 3-6]`."),
            "did not find expected ',' or '}'": ("eine Gruppe in geschweiften Klammern { } ist nicht geschlossen", "Schließen Sie die Gruppe mit `}`, z. B. `age: {min: 0, max: 3}`."),
            "found character that cannot start any plain token": ("ein Text beginnt mit einem Zeichen, das Anführungszeichen braucht", quote),
            "found character that cannot start any token": ("ein Wert beginnt mit einem Zeichen, das Anführungszeichen braucht (etwa `@` oder `` ` ``)", quote),
            "found unexpected end of stream": ("ein Text in Anführungszeichen wird nicht geschlossen", "Setzen Sie ans Ende des Werts dasselbe Anführungszeichen wie am Anfang."),
            "did not find expected key": ("die Einrückung passt nicht zu den Zeilen darüber", "Rücken Sie Angaben, die zusammengehören, gleich weit mit Leerzeichen ein; Angaben der obersten Ebene stehen ganz links."),
            "did not find expected node content": ("nach einem Doppelpunkt oder `- ` fehlt der Wert, oder er beginnt mit einem Sonderzeichen", quote),
            "did not find expected '-' indicator": ("ein Listeneintrag ist anders eingerückt als die übrigen", "Jeder Eintrag einer Liste beginnt mit `- ` und steht genau unter den anderen."),
            "could not find expected ':'": ("nach einem Namen fehlt der Doppelpunkt", "Jede Angabe hat die Form `schlüssel: wert`. Geht ein Text über mehrere Zeilen, setzen Sie ihn in Anführungszeichen."),
            "found unknown escape character": ("in Anführungszeichen steht ein `\\` vor einem Zeichen, das YAML nicht kennt", "Nehmen Sie einfache Anführungszeichen `'…'` oder lassen Sie den `\\` weg."),
            "did not find expected alphabetic or numeric character": ("ein Wert beginnt mit `&` oder `*`", quote),
            "found undefined alias": ("ein Wert beginnt mit `*`", quote),
            "found a tab character that violates indentation": ("zum Einrücken wurde ein Tabulator statt Leerzeichen verwendet", tabs),
            "found a tab character where an indentation space is expected": ("zum Einrücken wurde ein Tabulator statt Leerzeichen verwendet", tabs),
            "block sequence entries are not allowed in this context": ("ein Listeneintrag `- ` steht an einer Stelle, an der er nicht erlaubt ist", "Schreiben Sie die Liste in die Zeilen unter dem Schlüssel, eingerückt: `locations:` und darunter `  - city: Unna`."),
            "did not find expected <document start>": ("nach den Angaben steht noch etwas, das nicht dazugehört", "Zwischen den beiden Zeilen `---` stehen nur Angaben der Form `schlüssel: wert`."),
        ]
        if let (text, hint) = known[problem] { return (text, hint) }
        return ("libyaml meldet „\(problem)“", genericHint)
    }

    // MARK: - Reporting

    mutating func error(_ node: YAMLNode?, _ message: String, hint: String? = nil, code: String? = nil) {
        report(at: node?.mark, message, hint: hint, severity: .error, code: code)
    }

    mutating func warning(_ node: YAMLNode?, _ message: String, hint: String? = nil) {
        report(at: node?.mark, message, hint: hint, severity: .warning)
    }

    private mutating func report(
        at mark: YAMLMark?, _ message: String, hint: String?, severity: Diagnostic.Severity = .error, code: String? = nil
    ) {
        report(line: mark?.line, column: mark?.column, message, hint: hint, severity: severity, code: code)
    }

    /// `line` counts in the YAML text; nil points at the front matter's start.
    private mutating func report(
        line: Int?, column: Int?, _ message: String, hint: String?, severity: Diagnostic.Severity = .error,
        code: String? = nil
    ) {
        let fileLine = line.map { $0 + firstLine - 1 } ?? max(firstLine - 1, 1)
        diagnostics.append(Diagnostic(
            file: file, line: fileLine, column: column ?? 1, severity: severity, message: message, hint: hint,
            code: code))
    }

    // MARK: - Structure

    /// The keys of a mapping, in the order written. Duplicate keys are errors.
    mutating func fields(_ node: YAMLNode, of what: String) -> Fields? {
        guard let mapping = node.mapping else {
            error(node, "\(what) muss aus Angaben der Form `schlüssel: wert` bestehen.")
            return nil
        }
        var entries: [Fields.Entry] = []
        entries.reserveCapacity(mapping.count)
        for pair in mapping {
            guard let name = pair.key.scalar?.string else {
                error(pair.key, "Ein Schlüssel in \(what) ist kein einfacher Name.")
                continue
            }
            // The composer found keys of the same type; `1` and `"1"` are still one name here.
            if let earlier = entries.first(where: { $0.key == name }) {
                error(pair.key, "Die Angabe `\(name)` steht zweimal in \(what).",
                    hint: "Sie steht schon in Zeile \(earlier.keyNode.mark.line + firstLine - 1). Löschen Sie eine davon.")
                continue
            }
            entries.append(.init(key: name, keyNode: pair.key, value: pair.value))
        }
        return Fields(node: node, entries: entries, what: what)
    }

    /// Unknown keys are warnings naming the nearest known key.
    mutating func warnUnknownKeys(_ fields: Fields, known: [String]) {
        for entry in fields.entries where !known.contains(entry.key) {
            let hint: String
            if let nearest = Spelling.nearest(to: entry.key, in: known) {
                hint = "Meinten Sie `\(nearest)`?"
            } else {
                hint = "Bekannte Angaben: \(known.map { "`\($0)`" }.joined(separator: ", "))."
            }
            warning(entry.keyNode, "Unbekannte Angabe `\(entry.key)` in \(fields.what).", hint: hint)
        }
    }

    // MARK: - Values

    /// A required value: reports the missing key at the mapping's start.
    /// The hint is made only when it is shown.
    mutating func required(_ fields: Fields, _ key: String, hint: @autoclosure () -> String? = nil) -> YAMLNode? {
        let value = fields[key]
        if let value, !value.isNull { return value }
        error(value ?? fields.node, "Die Pflichtangabe `\(key)` fehlt in \(fields.what).",
            hint: hint() ?? "Ergänzen Sie eine Zeile `\(key): …`.")
        return nil
    }

    /// `allowsComment`: a ` #` comment after the value is fine (an id, a code).
    mutating func string(_ node: YAMLNode?, _ key: String, maxLength: Int? = nil, allowsComment: Bool = false) -> String? {
        guard let node, !node.isNull else { return nil }
        guard let scalar = node.scalar else {
            error(node, "`\(key)` muss ein einfacher Text sein, keine Liste oder Gruppe.",
                hint: "Schreiben Sie den Text in dieselbe Zeile hinter `\(key): `, ohne `- ` oder `[ ]` davor.")
            return nil
        }
        if warnsAboutCutComments, hasHash, !allowsComment, scalar.style == .plain { warnIfCutByComment(node, scalar, key) }
        let text = Self.trimmed(scalar.string)
        if text.isEmpty {
            error(node, "`\(key)` ist leer.", hint: "Schreiben Sie einen Text hinter `\(key):` oder löschen Sie die Zeile.")
            return nil
        }
        // A text has at most as many characters as bytes: most need no counting.
        if let maxLength, text.utf8.count > maxLength, text.count > maxLength {
            error(node, "`\(key)` ist \(text.count) Zeichen lang, erlaubt sind höchstens \(maxLength).",
                hint: "Kürzen Sie den Text um mindestens \(text.count - maxLength) Zeichen.")
            return nil
        }
        return text
    }

    /// Without white space or newlines at either end. A text that begins and
    /// ends with a visible ASCII character (nearly all) is returned as it is.
    static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return text }
        func isVisibleASCII(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x80 }
        if isVisibleASCII(first), isVisibleASCII(last) { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    mutating func bool(_ node: YAMLNode?, _ key: String) -> Bool? {
        guard let node, !node.isNull else { return nil }
        let written = node.scalar?.string
        switch written {
        case "true": return true
        case "false": return false
        default: break
        }
        switch written?.lowercased() {
        case "true", "ja", "yes": return true
        case "false", "nein", "no": return false
        default:
            error(node, "`\(key)` muss `true` oder `false` sein.",
                hint: "Schreiben Sie `\(key): true` (ja) oder `\(key): false` (nein).")
            return nil
        }
    }

    mutating func int(_ node: YAMLNode?, _ key: String, range: ClosedRange<Int>) -> Int? {
        guard let node, !node.isNull else { return nil }
        guard let text = node.scalar?.string, let value = Int(text), range.contains(value) else {
            error(node, "`\(key)` muss eine ganze Zahl von \(range.lowerBound) bis \(range.upperBound) sein.",
                hint: "Schreiben Sie nur die Zahl, ohne Anführungszeichen und Einheit, z. B. `\(key): \(range.lowerBound)`.")
            return nil
        }
        return value
    }

    mutating func double(_ node: YAMLNode?, _ key: String, range: ClosedRange<Double>) -> Double? {
        guard let node, !node.isNull else { return nil }
        guard let text = node.scalar?.string, let value = Double(text), range.contains(value) else {
            error(node, "`\(key)` muss eine Zahl von \(range.lowerBound) bis \(range.upperBound) sein (Punkt als Dezimaltrenner).",
                hint: "Schreiben Sie die Zahl mit Punkt statt Komma, z. B. `51.5362`.")
            return nil
        }
        return value
    }

    mutating func date(_ node: YAMLNode?, _ key: String) -> CalendarDate? {
        guard let node, !node.isNull else { return nil }
        guard let text = node.scalar?.string, let date = Self.isoDate(text) ?? CalendarDate(text) else {
            let written = node.scalar?.string ?? ""
            if let german = CalendarDate(germanNotation: written) {
                error(node, "`\(key)` ist in deutscher Schreibweise angegeben (`\(written)`).",
                    hint: "Schreiben Sie das Datum als JJJJ-MM-TT: `\(key): \(german)`.", code: "datum-deutsch")
            } else {
                error(node, "`\(key)` ist kein gültiges Datum.", hint: "Schreiben Sie das Datum als JJJJ-MM-TT, z. B. `2026-03-31`.")
            }
            return nil
        }
        return date
    }

    /// `YYYY-MM-DD` read from its ten bytes; nil for anything else, which
    /// `CalendarDate.init(_:)` then judges (it accepts nothing more).
    static func isoDate(_ text: String) -> CalendarDate? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> CalendarDate? in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let digit = bytes[index] &- UInt8(ascii: "0")
                    guard digit < 10 else { return nil }
                    value = value * 10 + Int(digit)
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
            return CalendarDate(year: year, month: month, day: day)
        } ?? nil
    }

    /// A plain value such as `summary: Hilfe # für Kinder` loses everything from
    /// ` #` on: YAML reads it as a comment, and the family never sees it.
    private mutating func warnIfCutByComment(_ node: YAMLNode, _ scalar: YAMLScalar, _ key: String) {
        let mark = node.mark
        let lines = lines()
        guard mark.line >= 1, mark.line <= lines.count, lines[mark.line - 1].utf8.contains(UInt8(ascii: "#")) else { return }
        let characters = Array(lines[mark.line - 1])
        let start = mark.column - 1
        let value = Array(scalar.string)
        guard start >= 0, start + value.count <= characters.count,
            Array(characters[start..<(start + value.count)]) == value
        else { return }
        let after = characters[(start + value.count)...]
        let gap = after.prefix { $0 == " " || $0 == "\t" }
        guard !gap.isEmpty, after.dropFirst(gap.count).first == "#" else { return }
        let cut = String(after.dropFirst(gap.count + 1)).trimmingCharacters(in: .whitespaces)
        guard !cut.isEmpty else { return }
        let column = start + value.count + gap.count + 1
        diagnostics.append(Diagnostic(
            file: file, line: mark.line + firstLine - 1, column: column, severity: .warning,
            message: "Der Text nach ` #` wird nicht veröffentlicht: „\(cut)“.",
            hint: "In YAML beginnt mit ` #` ein Kommentar. Setzen Sie den ganzen Wert in Anführungszeichen: `\(key): \"\(scalar.string) # \(cut)\"`.",
            code: "abgeschnitten"))
    }

    mutating func enumeration<Value: RawRepresentable & CaseIterable>(
        _ node: YAMLNode?, _ key: String, as type: Value.Type
    ) -> Value? where Value.RawValue == String {
        guard let node, !node.isNull else { return nil }
        guard let text = node.scalar?.string, let value = Value(rawValue: text) else {
            let allowed = Value.allCases.map(\.rawValue)
            let written = node.scalar?.string ?? ""
            var hint = "Erlaubt: \(allowed.map { "`\($0)`" }.joined(separator: ", "))."
            if let nearest = Spelling.nearest(to: written, in: allowed) { hint = "Meinten Sie `\(nearest)`? " + hint }
            error(node, "`\(key)` hat den unbekannten Wert `\(written)`.", hint: hint)
            return nil
        }
        return value
    }

    /// A list; a single scalar is accepted as a list of one.
    mutating func list(_ node: YAMLNode?, _ key: String) -> [YAMLNode]? {
        guard let node, !node.isNull else { return nil }
        switch node.content {
        case .sequence(let items): return items
        case .scalar: return [node]
        case .mapping:
            error(node, "`\(key)` muss eine Liste sein.", hint: "Schreiben Sie jeden Eintrag in eine eigene Zeile mit `- ` davor.")
            return nil
        }
    }

    mutating func stringList(_ node: YAMLNode?, _ key: String, allowsComment: Bool = false) -> [(String, YAMLNode)]? {
        guard let items = list(node, key) else { return nil }
        return items.compactMap { item in string(item, key, allowsComment: allowsComment).map { ($0, item) } }
    }
}

/// The entries of one YAML mapping, by key.
struct Fields {
    struct Entry {
        var key: String
        var keyNode: YAMLNode
        var value: YAMLNode
    }

    let node: YAMLNode
    let entries: [Entry]
    /// How messages name this mapping: "den Angaben", "`contact`".
    let what: String

    subscript(key: String) -> YAMLNode? {
        let length = key.utf8.count
        return entries.first { $0.key.utf8.count == length && $0.key == key }?.value
    }
}

/// Suggestions for typos in keys and ids.
enum Spelling {
    /// The candidate closest to `word`, if it is close enough to be a typo.
    static func nearest(to word: String, in candidates: [String]) -> String? {
        let lowered = word.lowercased()
        let scored = candidates.map { ($0, distance(lowered, $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        let limit = max(2, word.count / 3)
        return best.1 <= limit ? best.0 : nil
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
