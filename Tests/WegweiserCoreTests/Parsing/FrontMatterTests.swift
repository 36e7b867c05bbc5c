import Testing
import Foundation
@testable import WegweiserCore

@Suite struct FrontMatterTests {
    @Test func splitsYAMLAndBodyWithLines() throws {
        let file = SourceFile(path: "a.md", text: "---\ntitle: A\nsummary: B\n---\nBody\nmore\n")
        let document = try FrontMatter.split(file).get()
        #expect(document.yaml == "title: A\nsummary: B")
        #expect(document.yamlLine == 2)
        #expect(document.body == "Body\nmore\n")
        #expect(document.bodyLine == 5)
    }

    @Test func acceptsByteOrderMarkAndCRLF() throws {
        let file = SourceFile(path: "a.md", text: "\u{FEFF}---\r\ntitle: A\r\n---\r\nBody\r\n")
        let document = try FrontMatter.split(file).get()
        #expect(document.yaml == "title: A")
        #expect(document.body == "Body\n")
    }

    @Test func reportsMissingOpeningFence() {
        let file = SourceFile(path: "a.md", displayPath: "content/a.md", text: "title: A\n---\nBody")
        guard case .failure(let diagnostic) = FrontMatter.split(file) else {
            Issue.record("expected a failure")
            return
        }
        #expect(diagnostic.file == "content/a.md")
        #expect(diagnostic.line == 1)
        #expect(diagnostic.message.contains("beginnt nicht"))
    }

    @Test func reportsUnclosedFrontMatter() {
        let file = SourceFile(path: "a.md", text: "---\ntitle: A\nBody")
        guard case .failure(let diagnostic) = FrontMatter.split(file) else {
            Issue.record("expected a failure")
            return
        }
        #expect(diagnostic.message.contains("nicht mit `---` abgeschlossen"))
    }

    @Test func aFenceMayEndInWhiteSpaceEvenUnicodes() throws {
        let file = SourceFile(path: "a.md", text: "--- \t\n\ntitle: A\n---\u{A0}\nBody")
        let document = try FrontMatter.split(file).get()
        #expect(document.yaml == "\ntitle: A")
        #expect(document.body == "Body")
        #expect(document.bodyLine == 5)
        #expect(throws: Diagnostic.self) { try FrontMatter.split(SourceFile(path: "a.md", text: "---\u{301}\nx\n---\n")).get() }
    }

    /// The split on bytes gives what the split on Characters always gave.
    @Test func splitsAsByCharacters() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["---", "--- ", "---\u{A0}", "---x", "--", "\n", "\r\n", "\r", "\u{FEFF}", "title: A", "ä", "e\u{301}", " ", "\t", "-", "\u{2028}"]
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let file = SourceFile(path: "a.md", text: text)
            #expect(FrontMatter.split(file) == Self.splitByCharacters(file), "\(Array(text.unicodeScalars))")
        }
    }

    /// The implementation before the split worked on bytes.
    static func splitByCharacters(_ file: SourceFile) -> Result<FrontMatterDocument, Diagnostic> {
        var text = file.text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.unicodeScalars.contains("\r") {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        func isFence(_ line: Substring) -> Bool { line.trimmingTrailingWhitespace() == "---" }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
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
        return .success(FrontMatterDocument(
            yaml: lines[1..<closing].joined(separator: "\n"), yamlLine: 2,
            body: lines[(closing + 1)...].joined(separator: "\n"), bodyLine: closing + 2))
    }
}
