import Foundation
import Testing
@testable import WegweiserCore

/// Reading the content folder: every file in path order, its text as Foundation decodes it.
@Suite struct ContentFilesTests {
    @Test func filesAreReadInPathOrderWithTheirText() throws {
        let folder = try Fixtures.temporaryDirectory()
        let offers = folder.appendingPathComponent("angebote/unna")
        try FileManager.default.createDirectory(at: offers, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("seiten"), withIntermediateDirectories: true)
        try Data("title: Site\n".utf8).write(to: folder.appendingPathComponent("site.yml"))
        for (index, name) in ["c", "a", "b", "z"].enumerated() {
            try Data("---\ntitle: \(name)\(index)\n---\n".utf8).write(to: offers.appendingPathComponent("\(name).md"))
        }
        // A byte-order mark is dropped, as Foundation drops it; a second one stays.
        try Data([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: BOM\r\n---\r\n".utf8))
            .write(to: offers.appendingPathComponent("bom.md"))
        try Data([0x2D, 0x2D, 0x2D, 0x0A, 0xC3]).write(to: offers.appendingPathComponent("kaputt.md"))
        try Data(count: 0).write(to: folder.appendingPathComponent("seiten/leer.md"))

        let files = SiteFiles.readContent(at: folder, displayPrefix: "inhalt")
        #expect(files.siteConfig?.text == "title: Site\n")
        #expect(files.offers.map(\.path) == ["angebote/unna/a.md", "angebote/unna/b.md", "angebote/unna/bom.md", "angebote/unna/c.md", "angebote/unna/z.md"])
        #expect(files.offers.map(\.displayPath).first == "inhalt/angebote/unna/a.md")
        #expect(files.offers[0].text == "---\ntitle: a1\n---\n")
        #expect(files.offers[2].text == "\u{FEFF}---\r\ntitle: BOM\r\n---\r\n")
        #expect(files.pages.map(\.text) == [""])
        #expect(files.problems.map(\.file) == ["inhalt/angebote/unna/kaputt.md"])
        #expect(files.problems.map(\.message) == ["Die Datei ist nicht in UTF-8 gespeichert."])
    }

    @Test func aLargeFileIsReadWhole() throws {
        let folder = try Fixtures.temporaryDirectory()
        let text = "---\ntitle: A\n---\n" + String(repeating: "Ein Satz über Familien. ", count: 20_000)
        try Data(text.utf8).write(to: folder.appendingPathComponent("a.md"))
        guard case .text(let read) = SiteFiles.TextFile(path: folder.appendingPathComponent("a.md").path) else {
            Issue.record("not read")
            return
        }
        #expect(read == text)
        guard case .unreadable = SiteFiles.TextFile(path: folder.appendingPathComponent("fehlt.md").path) else {
            Issue.record("a missing file was read")
            return
        }
    }
}
