// Reads YAML nodes into typed values, turning every mismatch into a
// Diagnostic that points at the line and column the editor wrote.
import Yams

/// One YAML document of a file, with the diagnostics found while reading it.
struct YAMLReader {
    let file: String
    /// The file line of the YAML text's first line.
    let firstLine: Int
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, firstLine: Int) {
        self.file = file
        self.firstLine = firstLine
    }

    /// Parses the YAML text; a syntax error becomes a diagnostic.
    mutating func compose(_ yaml: String) -> Node? {
        do {
            return try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            switch error {
            case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _),
                let .composer(_, problem, mark, _):
                report(at: mark, "Die Angaben sind kein gültiges YAML: \(Self.explain(problem)).",
                    hint: "Prüfen Sie Einrückung, Doppelpunkte und Anführungszeichen in dieser Zeile. Texte mit `:` oder `#` in Anführungszeichen setzen.")
            case let .duplicatedKeysInMapping(duplicates, _):
                for key in duplicates.sorted() {
                    let lines = Self.lines(definingKey: key, in: yaml)
                    let line = lines.dropFirst().first ?? lines.first ?? 1
                    report(line: line, column: 1, "Die Angabe `\(key)` steht zweimal.",
                        hint: "Sie steht schon in Zeile \((lines.first ?? 1) + firstLine - 1). Löschen Sie eine davon.")
                }
            default:
                report(at: nil, "Die Angaben sind kein gültiges YAML: \(error).", hint: nil)
            }
            return nil
        } catch {
            report(at: nil, "Die Angaben sind kein gültiges YAML: \(error).", hint: nil)
            return nil
        }
    }

    /// libyaml's most common complaints, in words an editor understands.
    static func explain(_ problem: String) -> String {
        let known = [
            "mapping values are not allowed in this context": "ein Doppelpunkt steht an einer Stelle, an der er nicht erlaubt ist",
            "did not find expected ',' or ']'": "eine Liste in eckigen Klammern [ ] ist nicht geschlossen",
            "did not find expected ',' or '}'": "eine Gruppe in geschweiften Klammern { } ist nicht geschlossen",
            "found character that cannot start any plain token": "ein Text beginnt mit einem Zeichen, das Anführungszeichen braucht",
            "found unexpected end of stream": "ein Text in Anführungszeichen wird nicht geschlossen",
            "did not find expected key": "die Einrückung passt nicht zu den Zeilen darüber",
            "found a tab character that violates indentation": "zum Einrücken wurde ein Tabulator statt Leerzeichen verwendet",
            "found a tab character where an indentation space is expected": "zum Einrücken wurde ein Tabulator statt Leerzeichen verwendet",
            "block sequence entries are not allowed in this context": "ein Listeneintrag `- ` steht an einer Stelle, an der er nicht erlaubt ist",
        ]
        return known[problem] ?? problem
    }

    /// 1-based lines of `yaml` where `key:` is written, as a block key or
    /// the first key of a list item.
    private static func lines(definingKey key: String, in yaml: String) -> [Int] {
        yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            var text = line.drop { $0 == " " }
            if text.hasPrefix("- ") { text = text.dropFirst(2).drop { $0 == " " } }
            return text.hasPrefix(key + ":") ? index + 1 : nil
        }
    }

    // MARK: - Reporting

    mutating func error(_ node: Node?, _ message: String, hint: String? = nil) {
        report(at: node?.mark, message, hint: hint, severity: .error)
    }

    mutating func warning(_ node: Node?, _ message: String, hint: String? = nil) {
        report(at: node?.mark, message, hint: hint, severity: .warning)
    }

    private mutating func report(at mark: Mark?, _ message: String, hint: String?, severity: Diagnostic.Severity = .error) {
        report(line: mark?.line, column: mark?.column, message, hint: hint, severity: severity)
    }

    /// `line` counts in the YAML text; nil points at the front matter's start.
    private mutating func report(
        line: Int?, column: Int?, _ message: String, hint: String?, severity: Diagnostic.Severity = .error
    ) {
        let fileLine = line.map { $0 + firstLine - 1 } ?? max(firstLine - 1, 1)
        diagnostics.append(Diagnostic(
            file: file, line: fileLine, column: column ?? 1, severity: severity, message: message, hint: hint))
    }

    // MARK: - Structure

    /// The keys of a mapping, in the order written. Duplicate keys are errors.
    mutating func fields(_ node: Node, of what: String) -> Fields? {
        guard let mapping = node.mapping else {
            error(node, "\(what) muss aus Angaben der Form `schlüssel: wert` bestehen.")
            return nil
        }
        var entries: [Fields.Entry] = []
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                error(key, "Ein Schlüssel in \(what) ist kein einfacher Name.")
                continue
            }
            if let earlier = entries.first(where: { $0.key == name }) {
                error(key, "Die Angabe `\(name)` steht zweimal in \(what).",
                    hint: "Sie steht schon in Zeile \((earlier.keyNode.mark?.line ?? 0) + firstLine - 1). Löschen Sie eine davon.")
                continue
            }
            entries.append(.init(key: name, keyNode: key, value: value))
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
    mutating func required(_ fields: Fields, _ key: String, hint: String? = nil) -> Node? {
        if let value = fields[key], !value.isNull { return value }
        error(fields[key] ?? fields.node, "Die Pflichtangabe `\(key)` fehlt in \(fields.what).",
            hint: hint ?? "Ergänzen Sie eine Zeile `\(key): …`.")
        return nil
    }

    mutating func string(_ node: Node?, _ key: String, maxLength: Int? = nil) -> String? {
        guard let node, !node.isNull else { return nil }
        guard let scalar = node.scalar else {
            error(node, "`\(key)` muss ein einfacher Text sein, keine Liste oder Gruppe.")
            return nil
        }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty {
            error(node, "`\(key)` ist leer.", hint: "Schreiben Sie einen Text hinter `\(key):` oder löschen Sie die Zeile.")
            return nil
        }
        if let maxLength, text.count > maxLength {
            error(node, "`\(key)` ist \(text.count) Zeichen lang, erlaubt sind höchstens \(maxLength).",
                hint: "Kürzen Sie den Text um mindestens \(text.count - maxLength) Zeichen.")
            return nil
        }
        return text
    }

    mutating func bool(_ node: Node?, _ key: String) -> Bool? {
        guard let node, !node.isNull else { return nil }
        switch node.scalar?.string.lowercased() {
        case "true", "ja", "yes": return true
        case "false", "nein", "no": return false
        default:
            error(node, "`\(key)` muss `true` oder `false` sein.")
            return nil
        }
    }

    mutating func int(_ node: Node?, _ key: String, range: ClosedRange<Int>) -> Int? {
        guard let node, !node.isNull else { return nil }
        guard let text = node.scalar?.string, let value = Int(text), range.contains(value) else {
            error(node, "`\(key)` muss eine ganze Zahl von \(range.lowerBound) bis \(range.upperBound) sein.")
            return nil
        }
        return value
    }

    mutating func double(_ node: Node?, _ key: String, range: ClosedRange<Double>) -> Double? {
        guard let node, !node.isNull else { return nil }
        guard let text = node.scalar?.string, let value = Double(text), range.contains(value) else {
            error(node, "`\(key)` muss eine Zahl von \(range.lowerBound) bis \(range.upperBound) sein (Punkt als Dezimaltrenner).")
            return nil
        }
        return value
    }

    mutating func date(_ node: Node?, _ key: String) -> CalendarDate? {
        guard let node, !node.isNull else { return nil }
        guard let text = node.scalar?.string, let date = CalendarDate(text) else {
            error(node, "`\(key)` ist kein gültiges Datum.", hint: "Schreiben Sie das Datum als JJJJ-MM-TT, z. B. `2026-03-31`.")
            return nil
        }
        return date
    }

    mutating func enumeration<Value: RawRepresentable & CaseIterable>(
        _ node: Node?, _ key: String, as type: Value.Type
    ) -> Value? where Value.RawValue == String {
        guard let node, !node.isNull else { return nil }
        let allowed = Value.allCases.map(\.rawValue)
        guard let text = node.scalar?.string, let value = Value(rawValue: text) else {
            let written = node.scalar?.string ?? ""
            var hint = "Erlaubt: \(allowed.map { "`\($0)`" }.joined(separator: ", "))."
            if let nearest = Spelling.nearest(to: written, in: allowed) { hint = "Meinten Sie `\(nearest)`? " + hint }
            error(node, "`\(key)` hat den unbekannten Wert `\(written)`.", hint: hint)
            return nil
        }
        return value
    }

    /// A list; a single scalar is accepted as a list of one.
    mutating func list(_ node: Node?, _ key: String) -> [Node]? {
        guard let node, !node.isNull else { return nil }
        if let sequence = node.sequence { return Array(sequence) }
        if node.scalar != nil { return [node] }
        error(node, "`\(key)` muss eine Liste sein.", hint: "Schreiben Sie jeden Eintrag in eine eigene Zeile mit `- ` davor.")
        return nil
    }

    mutating func stringList(_ node: Node?, _ key: String) -> [(String, Node)]? {
        guard let items = list(node, key) else { return nil }
        return items.compactMap { item in string(item, key).map { ($0, item) } }
    }
}

/// The entries of one YAML mapping, by key.
struct Fields {
    struct Entry {
        var key: String
        var keyNode: Node
        var value: Node
    }

    let node: Node
    let entries: [Entry]
    /// How messages name this mapping: "den Angaben", "`contact`".
    let what: String

    subscript(key: String) -> Node? {
        entries.first { $0.key == key }?.value
    }
}

extension Node {
    var isNull: Bool {
        guard let scalar else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
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
