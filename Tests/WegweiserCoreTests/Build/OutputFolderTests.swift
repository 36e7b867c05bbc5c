// The build replaces only a folder it wrote itself, and the swap leaves the
// previous output whole until the new one is complete.
import Foundation
import Testing
@testable import WegweiserCore

@Suite struct OutputFolderTests {
    /// A project folder with content/ and templates/, and the rules checked from inside it.
    struct Project {
        let root: URL
        init() throws {
            root = try Fixtures.temporaryDirectory()
            for folder in ["content/angebote", "templates"] {
                try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
        }

        func refusal(_ output: String, force: Bool = false) -> Diagnostic? {
            OutputFolder.refusal(output: output, content: "content", templates: "templates", force: force, workingDirectory: root.path)
        }

        func make(_ path: String, _ text: String = "x") throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    @Test(arguments: [
        ("content", "ist der Inhalte-Ordner"), ("templates", "ist der Vorlagen-Ordner"),
        ("./content/", "ist der Inhalte-Ordner"), ("content/angebote", "liegt im Inhalte-Ordner"),
        ("templates/assets/out", "liegt im Vorlagen-Ordner"), (".", "enthält den Inhalte-Ordner"),
        ("..", "enthält den Inhalte-Ordner"), ("/", "enthält den Inhalte-Ordner"),
    ])
    func refusesTheSourcesAndFoldersHoldingThem(output: String, reason: String) throws {
        let project = try Project()
        for force in [false, true] {
            let refusal = try #require(project.refusal(output, force: force), "\(output) accepted (force: \(force))")
            #expect(refusal.message.contains(reason), "\(refusal.message)")
            #expect(refusal.file == output && refusal.severity == .error && refusal.hint?.contains("--output") == true)
        }
    }

    @Test func refusesAFolderThroughASymbolicLinkToTheContent() throws {
        let project = try Project()
        try FileManager.default.createSymbolicLink(atPath: project.root.appendingPathComponent("site").path, withDestinationPath: "content")
        #expect(project.refusal("site", force: true)?.message.contains("Inhalte-Ordner") == true)
    }

    @Test func refusesTheWorkingFolderAndARepositoryEvenWithForce() throws {
        let project = try Project()
        let nested = OutputFolder.refusal(
            output: project.root.path, content: "/elsewhere/content", templates: "/elsewhere/templates", force: true,
            workingDirectory: project.root.appendingPathComponent("content").path)
        #expect(nested?.message.contains("in dem Sie gerade arbeiten") == true)

        try FileManager.default.createDirectory(at: project.root.appendingPathComponent("site/.git"), withIntermediateDirectories: true)
        #expect(project.refusal("site", force: true)?.message.contains("Git-Repositorys") == true)
        try project.make("datei.txt")
        #expect(project.refusal("datei.txt", force: true)?.message.contains("eine Datei, kein Ordner") == true)
    }

    @Test func refusesSomeonesFilesUnlessForced() throws {
        let project = try Project()
        try project.make("notizen/liste.txt")
        try project.make("notizen/.gitkeep", "")
        let refusal = try #require(project.refusal("notizen"))
        #expect(refusal.message.contains("`liste.txt`"))
        #expect(refusal.hint?.contains("--force") == true)
        #expect(project.refusal("notizen", force: true) == nil)
    }

    @Test func acceptsANewAnEmptyAGitkeepOnlyOrItsOwnFolder() throws {
        let project = try Project()
        #expect(project.refusal("public") == nil)
        #expect(project.refusal("neu/tief/public") == nil)
        try FileManager.default.createDirectory(at: project.root.appendingPathComponent("leer"), withIntermediateDirectories: true)
        #expect(project.refusal("leer") == nil)
        try project.make("keep/.gitkeep", "")
        #expect(project.refusal("keep") == nil)
        try project.make("alt/index.html")
        try project.make("alt/\(OutputFolder.markerName)")
        #expect(project.refusal("alt") == nil)
    }

    @Test func aBuildMarksItsOutputAndRefusesSomeoneElsesFolder() throws {
        let scratch = try Fixtures.temporaryDirectory()
        let output = scratch.appendingPathComponent("public")
        func build(force: Bool = false) -> DiskBuildResult {
            DiskBuild(content: Fixtures.site("sample").path, templates: Fixtures.templates.path, output: output.path,
                      options: BuildOptions(today: Fixtures.today), force: force).run()
        }
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("meins".utf8).write(to: output.appendingPathComponent("notiz.txt"))
        let refused = build()
        #expect(refused.succeeded == false && refused.diagnostics.count == 1)
        #expect(try String(contentsOf: output.appendingPathComponent("notiz.txt"), encoding: .utf8) == "meins")

        #expect(build(force: true).succeeded)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(OutputFolder.markerName).path))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("notiz.txt").path))
        // Its own folder it replaces without being told.
        #expect(build().succeeded)
        let sitemap = try String(contentsOf: output.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        #expect(!sitemap.contains(OutputFolder.markerName))
        // Nothing is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["public"])
    }

    @Test func removesWhatKilledBuildsLeftButNothingElse() throws {
        let scratch = try Fixtures.temporaryDirectory()
        let dead: Int32 = 999_999_999 % 4_000_000 + 4_000_000  // above Linux's pid_max: never running
        let ours = scratch.appendingPathComponent(".public.new-\(dead)")
        let old = scratch.appendingPathComponent(".public.old-\(dead)")
        let empty = scratch.appendingPathComponent(".public.new-\(dead + 1)")
        let foreign = scratch.appendingPathComponent(".public.new-\(dead + 2)")
        for folder in [ours, old, empty, foreign] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        for folder in [ours, old] { try Data().write(to: folder.appendingPathComponent(OutputFolder.markerName)) }
        try Data("fremd".utf8).write(to: foreign.appendingPathComponent("wichtig.txt"))

        try OutputFolder.replace(scratch.appendingPathComponent("public"), with: ["index.html": Data("neu".utf8)])
        let left = try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted()
        #expect(left == [foreign.lastPathComponent, "public"])
    }

    @Test func theSwapKeepsTheGitkeepAndReplacesTheWholeFolder() throws {
        let output = try Fixtures.temporaryDirectory().appendingPathComponent("public")
        try OutputFolder.replace(output, with: ["a/index.html": Data("1".utf8), "alt.html": Data("1".utf8)])
        try Data().write(to: output.appendingPathComponent(".gitkeep"))
        try OutputFolder.replace(output, with: ["a/index.html": Data("2".utf8)])
        let names = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(names == [".gitkeep", OutputFolder.markerName, "a"])
        #expect(try Data(contentsOf: output.appendingPathComponent("a/index.html")) == Data("2".utf8))
    }
}
