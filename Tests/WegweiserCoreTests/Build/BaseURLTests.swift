// `build --base-url`: the site published somewhere other than site.yml's
// `base_url` (a GitHub Pages project site, the county's own server) carries
// the given address in every absolute URL, and links below its path.
import Foundation
import Testing
@testable import WegweiserCore

@Suite struct BaseURLTests {
    static func build(baseURL: String?) throws -> RenderedSite {
        let files = SiteFiles.readContent(at: Fixtures.site("sample"), displayPrefix: "content")
        let result = SiteBuilder.build(
            content: files, templates: try Fixtures.projectTemplates(),
            options: BuildOptions(today: Fixtures.today, baseURL: baseURL))
        return try #require(result.site, "\(result.diagnostics)")
    }

    static func text(_ site: RenderedSite, _ path: String) throws -> String {
        String(decoding: try #require(site.files[path], "no \(path)"), as: UTF8.self)
    }

    @Test func replacesSiteYAMLsBaseURLInEveryAbsoluteURL() throws {
        let base = "https://kreis.example.net/familien/"
        let site = try Self.build(baseURL: base)
        for (path, data) in site.files.sorted(by: { $0.key < $1.key }) {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("test.example.org"), "\(path) still names site.yml's base_url")
        }
        let offer = try Self.text(site, "angebote/hebammen-alpha/index.html")
        #expect(offer.contains("<link rel=\"canonical\" href=\"\(base)angebote/hebammen-alpha/\">"))
        #expect(offer.contains("\"url\":\"\(base)angebote/hebammen-alpha/\""), "JSON-LD")
        let sitemap = try Self.text(site, "sitemap.xml")
        #expect(sitemap.contains("<loc>\(base)</loc>"))
        #expect(sitemap.contains("<loc>\(base)angebote/hebammen-alpha/</loc>"))
        let feed = try Self.text(site, "feed.xml")
        #expect(feed.contains("\(base)angebote/hebammen-alpha/"))
        #expect(try Self.text(site, "robots.txt").contains("Sitemap: \(base)sitemap.xml"))
        // The path part moves every link below it, as on a GitHub Pages project site.
        #expect(offer.contains("href=\"/familien/orte/alpha/\""))
    }

    @Test func withoutItSiteYAMLsBaseURLStays() throws {
        let site = try Self.build(baseURL: nil)
        #expect(try Self.text(site, "sitemap.xml").contains("<loc>https://test.example.org/</loc>"))
    }

    @Test(arguments: [
        ("https://familien.example.org", "https://familien.example.org/"),
        ("http://localhost:8080/wegweiser/", "http://localhost:8080/wegweiser/"),
    ])
    func acceptsAbsoluteHTTPURLs(written: String, normalised: String) {
        #expect(SiteConfig.normalizedBaseURL(written) == normalised)
    }

    @Test(arguments: ["familien.example.org", "/familien/", "ftp://example.org/", "https://", "https://exa mple.org/", "https://example.org/?a=1", ""])
    func rejectsAnythingElse(written: String) {
        #expect(SiteConfig.normalizedBaseURL(written) == nil)
    }
}
