// Symbolic links below content/: followed when they stay inside, an error
// naming the file otherwise. No offer vanishes without a word.
import Foundation
import Testing
@testable import WegweiserCore

@Suite struct SymbolicLinkTests {
    private func content() throws -> URL {
        let folder = try Fixtures.temporaryDirectory().appendingPathComponent("content")
        try FileManager.default.copyItem(at: Fixtures.site("sample"), to: folder)
        return folder
    }

    private func link(_ path: String, to target: String, in folder: URL) throws {
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent(path).path, withDestinationPath: target)
    }

    private func load(_ folder: URL) -> (Content?, [Diagnostic]) {
        ContentLoader.load(SiteFiles.readContent(at: folder, displayPrefix: "content"), options: ContentOptions(today: Fixtures.today))
    }

    @Test func aLinkToAFileInsideIsReadLikeThatFile() throws {
        let folder = try content()
        let original = try String(contentsOf: folder.appendingPathComponent("angebote/alpha/hebammen-alpha.md"), encoding: .utf8)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("vorlagen"), withIntermediateDirectories: true)
        let copy = original.replacingOccurrences(of: "title: Hebammenhilfe Alphastadt", with: "title: Verlinkt")
            .split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("id:") }.joined(separator: "\n")
        try Data(copy.utf8)
            .write(to: folder.appendingPathComponent("vorlagen/verlinkt.md"))
        try link("angebote/alpha/verlinkt.md", to: "../../vorlagen/verlinkt.md", in: folder)
        let (loaded, diagnostics) = load(folder)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        let offer = try #require(loaded?.offers.first { $0.slug == "verlinkt" })
        #expect(offer.title == "Verlinkt")
        #expect(offer.sourcePath == "content/angebote/alpha/verlinkt.md")
    }

    @Test(arguments: [
        ("angebote/alpha/weg.md", "../../../nirgends.md", "auf eine Datei, die es nicht gibt"),
        ("angebote/alpha/draussen.md", "/etc/hostname", "aus dem Ordner `content` hinaus"),
        ("angebote/alpha/kreis.md", "kreis.md", "im Kreis"),
        ("seiten/weg.md", "fehlt.md", "auf eine Datei, die es nicht gibt"),
    ])
    func aLinkThatDanglesLoopsOrLeadsOutsideIsAnError(path: String, target: String, reason: String) throws {
        let folder = try content()
        try link(path, to: target, in: folder)
        let (loaded, diagnostics) = load(folder)
        #expect(loaded == nil)
        let error = try #require(diagnostics.first { $0.file == "content/\(path)" }, "\(diagnostics)")
        #expect(error.severity == .error)
        #expect(error.message.contains(reason), "\(error.message)")
        #expect(error.hint?.contains("Verknüpfung") == true)
    }

    @Test func aLinkedFolderInsideIsReadOnce() throws {
        let folder = try content()
        try link("angebote/nochmal", to: "alpha", in: folder)
        let (_, diagnostics) = load(folder)
        #expect(diagnostics.contains { $0.file == "content/angebote/nochmal" && $0.message.contains("schon gelesen") })
    }

    /// A link whose name sorts before the folder it leads to: the folder
    /// is read once, under the link's path (it was read twice, and its
    /// offers stood there twice).
    @Test func aFolderLinkedBeforeItComesUpIsReadOnceUnderTheLink() throws {
        let folder = try content()
        let (plain, _) = load(folder)
        try link("angebote/aaa", to: "kreis", in: folder)
        let (loaded, diagnostics) = load(folder)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        let offers = try #require(loaded?.offers)
        #expect(offers.count == plain?.offers.count)
        let fromKreis = offers.filter { $0.sourcePath.hasPrefix("content/angebote/aaa/") }
        #expect(!fromKreis.isEmpty)
        #expect(!offers.contains { $0.sourcePath.hasPrefix("content/angebote/kreis/") })
    }

    /// What `serve` watches: the folders a build reads, a folder linked from
    /// inside among them (under the link's path, once), hidden ones not.
    @Test func theFoldersAServerWatchesAreTheOnesABuildReads() throws {
        let folder = try content()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("angebote/alpha/neu/tief"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".git/objects"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("extra"), withIntermediateDirectories: true)
        try link("angebote/zusatz", to: "../extra", in: folder)
        let root = folder.standardizedFileURL.path
        let relative = SiteFiles.folders(below: folder).map { $0 == root ? "" : String($0.dropFirst(root.count + 1)) }
        #expect(Set(relative) == ["", "angebote", "angebote/alpha", "angebote/alpha/neu", "angebote/alpha/neu/tief",
                                  "angebote/kreis", "angebote/zusatz", "seiten"])
        #expect(relative.count == Set(relative).count)
    }

    @Test func hiddenAndStrayFilesAreNamed() throws {
        let folder = try content()
        try Data("x".utf8).write(to: folder.appendingPathComponent("angebote/alpha/.versteckt.md"))
        try Data("x".utf8).write(to: folder.appendingPathComponent("seiten/notiz.txt"))
        let (_, diagnostics) = load(folder)
        #expect(diagnostics.contains { $0.file == "content/angebote/alpha/.versteckt.md" && $0.message.contains("Punkt") })
        #expect(diagnostics.contains { $0.file == "content/seiten/notiz.txt" && $0.message.contains("nur Dateien mit der Endung `.md`") })
    }
}
