// Whole builds from fixture folders on disk, as `wegweiser build` runs them.
import Foundation
import Testing
@testable import WegweiserCore

@Suite struct BuildTests {
    private func build(_ site: String, into output: URL, strict: Bool = false) throws -> DiskBuildResult {
        DiskBuild(
            content: Fixtures.site(site).path, templates: Fixtures.templates.path, output: output.path,
            options: BuildOptions(strict: strict, today: Fixtures.today)).run()
    }

    private func tree(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in SiteFiles.files(below: folder, in: "") {
            files[path] = try Data(contentsOf: folder.appendingPathComponent(path))
        }
        return files
    }

    @Test func writesEveryPageOfTheSpec() throws {
        let output = try Fixtures.temporaryDirectory().appendingPathComponent("public")
        let result = try build("sample", into: output)
        #expect(result.diagnostics.isEmpty)
        #expect(result.offerCount == 5)
        let files = Set(try tree(output).keys)
        for path in [
            "index.html", "orte/index.html", "orte/alpha/index.html", "orte/kreis/index.html",
            "orte/alpha/0-3/index.html", "orte/beta/0-3/index.html", "lebensphasen/index.html",
            "lebensphasen/schwangerschaft/index.html", "themen/gesundheit/index.html",
            "angebote/hebammen-alpha/index.html", "angebote/elterncafe-beta/index.html",
            "angebote/frauenhaus/index.html", "suche/index.html", "suche/index.json", "impressum/index.html",
            "ueber/index.html", "sitemap.xml", "robots.txt", "feed.xml", "404.html", "assets/site.css",
        ] {
            #expect(files.contains(path), "missing \(path)")
        }
        // Neither the draft nor the inactive offer is published, not even in the search index.
        #expect(!files.contains("angebote/lernwerkstatt-entwurf/index.html"))
        #expect(!files.contains("angebote/hausaufgaben-alt/index.html"))
        let index = String(decoding: try Data(contentsOf: output.appendingPathComponent("suche/index.json")), as: UTF8.self)
        #expect(index.contains("Hebammenhilfe Alphastadt"))
        for hidden in ["Lernwerkstatt", "lernwerkstatt", "eingestellt", "hausaufgaben-alt"] {
            #expect(!index.contains(hidden), "the search index holds \(hidden)")
        }
    }

    @Test func sameInputSameBytes() throws {
        let first = try Fixtures.temporaryDirectory().appendingPathComponent("a")
        let second = try Fixtures.temporaryDirectory().appendingPathComponent("b")
        _ = try build("sample", into: first)
        _ = try build("sample", into: second)
        let a = try tree(first), b = try tree(second)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, data) in a { #expect(b[path] == data, "\(path) differs between two builds") }
    }

    @Test func failedBuildLeavesThePreviousOutputUntouched() throws {
        let scratch = try Fixtures.temporaryDirectory()
        let output = scratch.appendingPathComponent("public")
        _ = try build("sample", into: output)
        let before = try tree(output)

        // A copy of the sample site with one broken offer.
        let content = scratch.appendingPathComponent("content")
        try FileManager.default.copyItem(at: Fixtures.site("sample"), to: content)
        try Data(Fixtures.offer(phases: "[kita]").utf8).write(to: content.appendingPathComponent("angebote/alpha/kaputt.md"))
        let result = DiskBuild(
            content: content.path, templates: Fixtures.templates.path, output: output.path,
            options: BuildOptions(today: Fixtures.today)).run()
        #expect(result.succeeded == false)
        #expect(result.diagnostics.errorCount == 1)
        #expect(try tree(output) == before)
        // No staging folder is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted() == ["content", "public"])
    }

    @Test func keepsTheGitkeepOfTheOutputFolder() throws {
        let output = try Fixtures.temporaryDirectory().appendingPathComponent("public")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data().write(to: output.appendingPathComponent(".gitkeep"))
        #expect(try build("sample", into: output).succeeded)
        // A page of an earlier build that the next one no longer has goes.
        try Data("stale".utf8).write(to: output.appendingPathComponent("stale.html"))
        #expect(try build("sample", into: output).succeeded)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(".gitkeep").path))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("stale.html").path))
    }

    @Test func strictTurnsWarningsIntoErrors() throws {
        let scratch = try Fixtures.temporaryDirectory()
        let content = scratch.appendingPathComponent("content")
        try FileManager.default.copyItem(at: Fixtures.site("sample"), to: content)
        try Data(Fixtures.offer(extra: "sumary: x").replacingOccurrences(of: "[alpha]", with: "[alpha]").utf8)
            .write(to: content.appendingPathComponent("angebote/alpha/tippfehler.md"))
        func run(strict: Bool) throws -> DiskBuildResult {
            DiskBuild(content: content.path, templates: Fixtures.templates.path, output: scratch.appendingPathComponent("out").path,
                          options: BuildOptions(strict: strict, today: Fixtures.today)).run()
        }
        let lenient = try run(strict: false)
        #expect(lenient.succeeded)
        #expect(lenient.diagnostics.warningCount == 1)
        let strict = try run(strict: true)
        #expect(strict.succeeded == false)
        #expect(strict.diagnostics.errorCount == 1)
    }

    @Test func secondCountyBuildsWithTheSameTemplates() throws {
        let output = try Fixtures.temporaryDirectory().appendingPathComponent("public")
        let result = try build("zweiter-kreis", into: output)
        #expect(result.diagnostics.isEmpty)
        let files = try tree(output)
        #expect(files["orte/suedheim/index.html"] != nil)
        #expect(files["lebensphasen/erwachsen-werden/index.html"] != nil)
        #expect(files["themen/freizeit/index.html"] != nil)
        let home = String(decoding: files["index.html"]!, as: UTF8.self)
        #expect(home.contains("Familienlotse Seeland"))
        #expect(home.contains("href=\"/seeland/lebensphasen/kindergarten/\""), "links carry the base URL's path")
        #expect(!home.contains("Kreis Unna"))
        // The county-wide offer is listed in each town.
        let town = String(decoding: files["orte/suedheim/index.html"]!, as: UTF8.self)
        #expect(town.contains("Babyberatung im Landkreis"))
        #expect(town.contains("kreisweit"))
    }

    @Test func confidentialAddressIsPublishedNowhere() throws {
        let output = try Fixtures.temporaryDirectory().appendingPathComponent("public")
        _ = try build("sample", into: output)
        for (path, data) in try tree(output) {
            let text = String(decoding: data, as: UTF8.self)
            for secret in ["Geheimweg", "59001", "51.51", "7.61"] {
                #expect(!text.contains(secret), "\(path) publishes \(secret)")
            }
        }
        let page = String(decoding: try Data(contentsOf: output.appendingPathComponent("angebote/frauenhaus/index.html")), as: UTF8.self)
        #expect(page.contains("Die Adresse wird zum Schutz"))
        #expect(page.contains("Alphastadt"))
    }
}

@Suite struct TemplateErrorTests {
    @Test func brokenTemplateNamesFileAndLine() throws {
        var templates = try Fixtures.projectTemplates()
        templates.templates["page"] = "{{<layout}}\n{{$main}}\n{{#heading}}<h1>{{heading}}</h1>\n{{/main}}\n{{/layout}}\n"
        let files = SiteFiles.readContent(at: Fixtures.site("sample"), displayPrefix: "content")
        let result = SiteBuilder.build(content: files, templates: templates, options: BuildOptions(today: Fixtures.today))
        #expect(result.site == nil)
        let error = try #require(result.diagnostics.first)
        #expect(error.file == "templates/page.mustache")
        #expect(error.line == 4)
    }

    @Test func missingTemplateIsNamed() throws {
        var templates = try Fixtures.projectTemplates()
        templates.templates["offer"] = nil
        let files = SiteFiles.readContent(at: Fixtures.site("sample"), displayPrefix: "content")
        let result = SiteBuilder.build(content: files, templates: templates, options: BuildOptions(today: Fixtures.today))
        #expect(result.diagnostics.map(\.message) == ["Die Vorlage `offer.mustache` fehlt."])
    }
}

@Suite struct ContentFolderTests {
    @Test func missingSiteConfigIsReportedOnceWithItsPath() throws {
        let folder = try Fixtures.temporaryDirectory()
        let files = SiteFiles.readContent(at: folder, displayPrefix: "inhalt")
        let diagnostics = ContentLoader.load(files, options: ContentOptions(today: Fixtures.today)).diagnostics
        #expect(diagnostics.map(\.file) == ["inhalt/site.yml"])
        #expect(diagnostics[0].hint?.contains("--content") == true)
    }

    @Test func unreadableFilesAreReportedOnceWithTheRest() throws {
        let folder = try Fixtures.temporaryDirectory()
        try FileManager.default.copyItem(at: Fixtures.site("sample"), to: folder.appendingPathComponent("c"))
        let content = folder.appendingPathComponent("c")
        try Data([0x74, 0x69, 0x74, 0x6C, 0x65, 0x3A, 0x20, 0xFF, 0xFE]).write(to: content.appendingPathComponent("site.yml"))
        try Data("notiz".utf8).write(to: content.appendingPathComponent("angebote/alpha/notiz.txt"))
        let diagnostics = ContentLoader.load(
            SiteFiles.readContent(at: content, displayPrefix: "c"), options: ContentOptions(today: Fixtures.today)).diagnostics
        let siteProblems = diagnostics.filter { $0.file == "c/site.yml" }
        #expect(siteProblems.map(\.message) == ["Die Datei ist nicht in UTF-8 gespeichert."])
        #expect(diagnostics.contains { $0.file == "c/angebote/alpha/notiz.txt" && $0.severity == .warning })
    }

    @Test func aFileWarningFailsAStrictBuild() throws {
        let scratch = try Fixtures.temporaryDirectory()
        let content = scratch.appendingPathComponent("content")
        try FileManager.default.copyItem(at: Fixtures.site("sample"), to: content)
        try Data("notiz".utf8).write(to: content.appendingPathComponent("angebote/alpha/notiz.txt"))
        func build(strict: Bool) -> DiskBuildResult {
            DiskBuild(content: content.path, templates: Fixtures.templates.path, output: scratch.appendingPathComponent("out").path,
                      options: BuildOptions(strict: strict, today: Fixtures.today)).run()
        }
        #expect(build(strict: false).succeeded)
        #expect(build(strict: true).succeeded == false)
    }

    @Test func anOutputThatCannotBeWrittenIsADiagnostic() throws {
        let scratch = try Fixtures.temporaryDirectory()
        // A file where the output folder's parent should be: nothing can be written below it.
        try Data().write(to: scratch.appendingPathComponent("datei"))
        let result = DiskBuild(
            content: Fixtures.site("sample").path, templates: Fixtures.templates.path,
            output: scratch.appendingPathComponent("datei/public").path, options: BuildOptions(today: Fixtures.today)
        ).run()
        #expect(result.succeeded == false)
        let error = try #require(result.diagnostics.last)
        #expect(error.file.hasSuffix("datei/public"))
        #expect(error.message.hasPrefix("Die Website lässt sich nicht schreiben"))
        #expect(error.hint != nil)
    }
}
