import Testing
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
}
