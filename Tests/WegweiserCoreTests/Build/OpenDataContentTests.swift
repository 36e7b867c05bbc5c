// The project's own content as open data and coverage: the promises of
// issue 11 checked on what the site really publishes.
import Foundation
import Testing
@testable import WegweiserCore

@Suite struct OpenDataContentTests {
    static let site: RenderedSite? = {
        let files = SiteFiles.readContent(at: Fixtures.repository.appendingPathComponent("content"), displayPrefix: "content")
        return SiteBuilder.build(
            content: files, templates: try! Fixtures.projectTemplates(), options: BuildOptions(today: Fixtures.today)
        ).site
    }()

    private func text(_ path: String) throws -> String {
        String(decoding: try #require(Self.site?.files[path], "\(path) is missing"), as: UTF8.self)
    }

    @Test func aboutPageAndFooterLinkTheCoveragePage() throws {
        #expect(try text("ueber-das-projekt/index.html").contains("<a href=\"/netzwerk/abdeckung/\">"))
        #expect(try text("index.html").components(separatedBy: "<footer")[1].contains("href=\"/netzwerk/abdeckung/\""))
        #expect(try text("netzwerk/abdeckung/index.html").contains("<table"))
    }

    @Test func everyTownHasAFeedLinkedFromItsPage() throws {
        let site = try #require(Self.site)
        let towns = site.files.keys.filter { $0.hasPrefix("orte/") && $0.hasSuffix("/feed.xml") }
        #expect(towns.count == 10)
        for feed in towns {
            let page = try text(feed.replacingOccurrences(of: "feed.xml", with: "index.html"))
            #expect(page.contains("rel=\"alternate\" type=\"application/atom+xml\"") && page.contains("href=\"/\(feed)\""))
        }
    }

    @Test func everyPublishedOfferIsAServiceAndNoLocationOfAShelterHasAnAddress() throws {
        let site = try #require(Self.site)
        let services = site.files.keys.filter { $0.hasPrefix("hsds/services/") && !$0.contains("/page/") && !$0.hasSuffix("index.json") }
        let offers = site.files.keys.filter { $0.hasPrefix("angebote/") && $0.hasSuffix("/index.html") }
        #expect(services.count == offers.count)
        // content/angebote/kreis-unna/frauenhaus-kreis-unna.md: its own id, a confidential location.
        let shelter = try text("hsds/services/a7404d77-6e50-4605-8282-88a0f5c8e9a6.json")
        #expect(shelter.contains("Frauenhaus") && !shelter.contains("\"addresses\"") && !shelter.contains("\"latitude\""))
    }
}
