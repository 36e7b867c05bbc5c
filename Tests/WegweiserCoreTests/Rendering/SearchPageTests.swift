// The search page and the index it reads: the page announces the shard
// prefix length the index builder split by (so the script's first requests
// name files that exist), and carries the search script inline, safely.
import Foundation
import Testing
@testable import WegweiserCore
import WegweiserSearch

@Suite struct SearchPageTests {
    static let offers = [
        "angebote/hebammen.md": Fixtures.offer(title: "Hebammenhilfe", body: "Hebammen besuchen Sie zu Hause."),
        "angebote/schwimmen.md": Fixtures.offer(title: "Schwimmkurs für Kinder", towns: "[beta]", phases: "[schule]",
                                                body: "Seepferdchen, Bronze und Ölfleck: ÄÖÜ-Übungen im Wasser."),
        "angebote/beratung.md": Fixtures.offer(title: "Erziehungsberatung", towns: "[kreis]", body: "Beratung für Eltern."),
    ]

    static func render(_ layout: SearchIndexLayout) throws -> [String: Data] {
        let templates = try Fixtures.projectTemplates()
        let result = SiteRenderer.render(Fixtures.model(offers), templates: templates, templatesPath: "templates",
                                         searchLayout: layout)
        guard case .success(let site) = result else { throw RenderFailure() }
        return site.files
    }

    struct RenderFailure: Error {}

    static func page(_ files: [String: Data]) throws -> String {
        String(decoding: try #require(files["suche/index.html"]), as: UTF8.self)
    }

    /// The value of the search form's `data-shard`, if it has one.
    static func announcedShard(_ page: String) throws -> Int? {
        let form = try #require(page.firstMatch(of: /<form[^>]*id="search-form"[^>]*>/)).output
        return form.firstMatch(of: /data-shard="(\d+)"/).map { Int($0.output.1)! }
    }

    @Test func aSplitIndexIsAnnouncedWithTheShardLengthItWasWrittenWith() throws {
        for length in [1, 2, 3] {
            let files = try Self.render(SearchIndexLayout(maxSingleFileBytes: 0, shardPrefixLength: length))
            let announcement = try Self.announcedShard(Self.page(files))
            let announced = try #require(announcement, "no data-shard on a split index")
            let index = try #require(files["suche/index.json"])
            let meta = try #require(try JSONSerialization.jsonObject(with: index) as? [String: Any])
            #expect(meta["shard"] as? Int == announced)

            // Every term lies in the file the script names from the announced length.
            let shards = files.keys.filter { $0.hasPrefix("suche/t/") }
            #expect(!shards.isEmpty)
            for path in shards {
                let shard = try #require(try JSONSerialization.jsonObject(with: files[path]!) as? [String: Any])
                for term in try #require(shard["t"] as? [String]) {
                    let prefix = String(String.UnicodeScalarView(term.unicodeScalars.prefix(announced)))
                    #expect(path == "suche/t/\(searchShardName(prefix)).json", "\(term) in \(path)")
                }
            }
        }
    }

    @Test func oneIndexFileIsNotAnnouncedAsSplit() throws {
        let files = try Self.render(SearchIndexLayout())
        #expect(try Self.announcedShard(Self.page(files)) == nil)
        #expect(files.keys.filter { $0.hasPrefix("suche/") }.sorted() == ["suche/index.html", "suche/index.json"])
    }

    @Test func theScriptIsInlinedAndStillCopiedToAssets() throws {
        let files = try Self.render(SearchIndexLayout())
        let page = try Self.page(files)
        let script = String(decoding: try #require(files["assets/search.js"]), as: UTF8.self)
        #expect(page.contains("<script type=\"module\" async>" + ViewModels.scriptElementText(script) + "</script>"))
        // Besides it, only the deferred helpers for "open now" and "near me".
        let sources = page.ranges(of: "<script src=").map { page[$0.upperBound...].prefix(while: { $0 != " " }) }
        #expect(sources == ["\"/assets/hours.js\"", "\"/assets/geo.js\""])
        #expect(page.ranges(of: "</script").count == 3, "only the elements' own end tags")
    }

    @Test func aSiteWithoutTheScriptGetsNoScriptElement() throws {
        var templates = try Fixtures.projectTemplates()
        templates.assets["search.js"] = nil
        let result = SiteRenderer.render(Fixtures.model(Self.offers), templates: templates, templatesPath: "templates")
        guard case .success(let site) = result else { throw RenderFailure() }
        #expect(!String(decoding: site.files["suche/index.html"]!, as: UTF8.self).contains("<script"))
    }

    @Test(arguments: [
        ("a = '</script>';", "a = '<\\/script>';"),
        ("/<\\/SCRIPT/i.test(s) || s === '</Script '", "/<\\/SCRIPT/i.test(s) || s === '<\\/Script '"),
        ("// <!-- <script>", "// \\x3C!-- <script>"),
        ("if (a < b) c = '</p>';", "if (a < b) c = '</p>';"),
    ])
    func inlinedScriptTextCannotEndOrHideTheElement(_ source: String, _ inlined: String) {
        let text = ViewModels.scriptElementText(source)
        #expect(text == inlined)
        #expect(text.lowercased().ranges(of: "</script").isEmpty)
        #expect(text.ranges(of: "<!--").isEmpty)
    }
}
