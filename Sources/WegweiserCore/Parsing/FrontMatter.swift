// Splits a Markdown file into its YAML front matter and its body, keeping
// track of lines so messages point into the file the editor wrote.

/// A text file of the content folder.
public struct SourceFile: Sendable, Equatable {
    /// Path relative to the content folder, with `/`: `angebote/unna/hebamme.md`.
    public var path: String
    /// The path as messages show it, e.g. `content/angebote/unna/hebamme.md`.
    public var displayPath: String
    public var text: String

    public init(path: String, displayPath: String? = nil, text: String) {
        self.path = path
        self.displayPath = displayPath ?? path
        self.text = text
    }
}

public struct FrontMatterDocument: Sendable, Equatable {
    public var yaml: String
    /// Line in the file where the YAML starts (the line after the opening `---`).
    public var yamlLine: Int
    public var body: String
    /// Line in the file where the body starts.
    public var bodyLine: Int
}

public enum FrontMatter {
    /// Accepts a UTF-8 byte-order mark and CRLF line ends.
    public static func normalize(_ text: String) -> String {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // "\r\n" is a single Character in Swift, so replace on the scalar level.
        if text.unicodeScalars.contains("\r") {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return text
    }

    public static func split(_ file: SourceFile) -> Result<FrontMatterDocument, Diagnostic> {
        let lines = normalize(file.text).split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, isFence(first) else {
            return .failure(Diagnostic(
                file: file.displayPath, line: 1, column: 1,
                message: "Die Datei beginnt nicht mit den Angaben (Front Matter).",
                hint: "Schreiben Sie in die erste Zeile `---`, darunter die Angaben wie `title: …`, dann wieder eine Zeile `---` und danach den Text."))
        }
        guard let closing = lines.indices.dropFirst().first(where: { isFence(lines[$0]) }) else {
            return .failure(Diagnostic(
                file: file.displayPath, line: 1, column: 1,
                message: "Die Angaben am Anfang der Datei werden nicht mit `---` abgeschlossen.",
                hint: "Setzen Sie nach der letzten Angabe eine Zeile, die nur `---` enthält."))
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        return .success(FrontMatterDocument(yaml: yaml, yamlLine: 2, body: body, bodyLine: closing + 2))
    }

    private static func isFence(_ line: Substring) -> Bool {
        line.trimmingTrailingWhitespace() == "---"
    }
}

extension StringProtocol {
    func trimmingTrailingWhitespace() -> SubSequence {
        var end = endIndex
        while end > startIndex, self[index(before: end)].isWhitespace { end = index(before: end) }
        return self[startIndex..<end]
    }
}
