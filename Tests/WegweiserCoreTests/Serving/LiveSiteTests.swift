// The dev server's incremental builds (offers parsed again only when their
// text changed, pages rendered on request) give byte for byte the site a full
// build writes, after every kind of edit an editor or designer makes.
import Foundation
import Testing
@testable import WegweiserCore

@Suite struct LiveSiteTests {
    struct Sources {
        var content: ContentFiles
        var templates: TemplateFiles

        init() throws {
            content = SiteFiles.readContent(at: Fixtures.site("sample"), displayPrefix: "content")
            templates = try Fixtures.projectTemplates()
        }

        mutating func editOffer(_ path: String, _ change: (String) -> String) {
            let index = content.offers.firstIndex { $0.path == path }!
            content.offers[index].text = change(content.offers[index].text)
        }

        mutating func replaceContent(offers: [SourceFile]? = nil, site: SourceFile? = nil) {
            content = ContentFiles(
                siteConfig: site ?? content.siteConfig, offers: offers ?? content.offers, pages: content.pages,
                siteConfigPath: content.siteConfigPath)
        }
    }

    let options = BuildOptions(includeDrafts: true, today: Fixtures.today)

    /// The live site against a full build of the same sources: same paths, same bytes.
    func expectSameAsFullBuild(_ sources: Sources, cache: OfferParseCache, _ step: String) throws {
        let live = SiteBuilder.live(content: sources.content, templates: sources.templates, options: options, cache: cache)
        let full = SiteBuilder.build(content: sources.content, templates: sources.templates, options: options)
        #expect(live.diagnostics == full.diagnostics, "\(step): diagnostics differ")
        let site = try #require(live.site, "\(step): live build failed: \(live.diagnostics)")
        let files = try #require(full.site?.files, "\(step): full build failed")
        #expect(site.paths == files.keys.sorted(), "\(step): the live site has other files")
        for (path, data) in files {
            #expect(site.file(path) == data, "\(step): \(path) differs from the full build")
        }
        #expect(site.file("gibt/es/nicht.html") == nil)
    }

    @Test func everyKindOfEditGivesTheFullBuildsBytes() throws {
        var sources = try Sources()
        let cache = OfferParseCache()
        try expectSameAsFullBuild(sources, cache: cache, "first build")

        sources.editOffer("angebote/alpha/hebammen-alpha.md") { $0.replacingOccurrences(of: "title: Hebammenhilfe Alphastadt", with: "title: Hebammenhilfe Neu") }
        try expectSameAsFullBuild(sources, cache: cache, "offer changed")

        let added = SourceFile(path: "angebote/alpha/neu.md", displayPath: "content/angebote/alpha/neu.md",
                               text: Fixtures.offer(title: "Ganz neu", phases: "[schule]"))
        sources.replaceContent(offers: sources.content.offers + [added])
        try expectSameAsFullBuild(sources, cache: cache, "offer added")

        sources.editOffer("angebote/alpha/neu.md") { $0.replacingOccurrences(of: "municipalities: [alpha]", with: "municipalities: [beta]") }
        try expectSameAsFullBuild(sources, cache: cache, "offer moved to another town")

        sources.replaceContent(offers: sources.content.offers.filter { $0.path != "angebote/alpha/hebammen-alpha.md" })
        try expectSameAsFullBuild(sources, cache: cache, "offer removed")

        var site = try #require(sources.content.siteConfig)
        site.text = site.text.replacingOccurrences(of: "name: Alphastadt", with: "name: Alpha-Stadt")
        sources.replaceContent(site: site)
        try expectSameAsFullBuild(sources, cache: cache, "site.yml changed")

        sources.templates.templates["offer"] = try #require(sources.templates.templates["offer"]).replacingOccurrences(of: "</h1>", with: " (Vorschau)</h1>")
        try expectSameAsFullBuild(sources, cache: cache, "template changed")
        let offerPage = try #require(SiteBuilder.live(content: sources.content, templates: sources.templates, options: options, cache: cache)
            .site?.file("angebote/neu/index.html"))
        #expect(String(decoding: offerPage, as: UTF8.self).contains("Ganz neu (Vorschau)</h1>"))
    }

    @Test func anUnchangedFileKeepsItsWarningsAndABrokenOneFailsTheBuild() throws {
        var sources = try Sources()
        let cache = OfferParseCache()
        sources.editOffer("angebote/alpha/hebammen-alpha.md") { $0.replacingOccurrences(of: "topics:", with: "sumary: x\ntopics:") }
        for _ in 0..<2 {
            let result = SiteBuilder.live(content: sources.content, templates: sources.templates, options: options, cache: cache)
            #expect(result.site != nil)
            #expect(result.diagnostics.contains { $0.message.contains("`sumary`") && $0.severity == .warning })
        }
        sources.editOffer("angebote/alpha/hebammen-alpha.md") { $0.replacingOccurrences(of: "areas: [gesundheit]", with: "areas: [sport]") }
        let broken = SiteBuilder.live(content: sources.content, templates: sources.templates, options: options, cache: cache)
        #expect(broken.site == nil)
        #expect(broken.diagnostics.contains { $0.message.contains("Unbekannter Bereich `sport`") && $0.line == 7 })
    }
}
