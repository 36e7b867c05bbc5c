// One page of each kind, rendered from the sample fixture and compared with
// the files in Tests/Fixtures/golden/. After an intended change, regenerate
// them with `UPDATE_GOLDEN=1 swift test --filter GoldenPageTests` and review the diff.
// The search page inlines templates/assets/search.js; its golden file holds a
// placeholder there, so that a change of the script alone does not change it
// (SearchPageTests checks the inlined text).
import Foundation
import Testing
@testable import WegweiserCore

@Suite struct GoldenPageTests {
    static let pages = [
        "index.html", "orte/index.html", "orte/alpha/index.html", "orte/alpha/0-3/index.html",
        "lebensphasen/0-3/index.html", "themen/gesundheit/index.html", "angebote/hebammen-alpha/index.html",
        "angebote/frauenhaus/index.html", "angebote/schwimmkurs-beta/index.html", "impressum/index.html",
        "suche/index.html", "404.html", "sitemap.xml", "feed.xml", "robots.txt",
        "netzwerk/abdeckung/index.html", "orte/alpha/feed.xml", "hsds/index.json", "hsds/services/index.json",
        "hsds/services/0f4c3d2e-1b2a-4c5d-8e9f-0a1b2c3d4e5f.json",
        "merkliste/index.html", "merkliste/angebote.json",
    ]

    static let site: RenderedSite? = {
        let url = Fixtures.site("sample")
        let files = SiteFiles.readContent(at: url, displayPrefix: "content")
        return SiteBuilder.build(
            content: files, templates: try! Fixtures.projectTemplates(), options: BuildOptions(today: Fixtures.today)
        ).site
    }()

    @Test(arguments: pages)
    func matchesGoldenFile(path: String) throws {
        let site = try #require(Self.site)
        let rendered = String(decoding: try #require(site.files[path]), as: UTF8.self)
            .replacingOccurrences(of: Self.inlinedSearchScript, with: "/* templates/assets/search.js */")
        let golden = Fixtures.root.appendingPathComponent("golden/sample/\(path)")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(rendered.utf8).write(to: golden)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(rendered == expected, "\(path) differs from its golden file:\n\(Self.diff(expected, rendered))")
    }

    static let inlinedSearchScript = ViewModels.scriptElementText(
        String(decoding: (try? Fixtures.projectTemplates().assets["search.js"]) ?? Data(), as: UTF8.self))

    /// The differing lines with their numbers, enough to see what changed.
    static func diff(_ expected: String, _ actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var lines: [String] = []
        for index in 0..<max(old.count, new.count) where lines.count < 30 {
            let before = index < old.count ? String(old[index]) : nil
            let after = index < new.count ? String(new[index]) : nil
            if before != after {
                if let before { lines.append("\(index + 1) - \(before)") }
                if let after { lines.append("\(index + 1) + \(after)") }
            }
        }
        return lines.joined(separator: "\n")
    }
}
