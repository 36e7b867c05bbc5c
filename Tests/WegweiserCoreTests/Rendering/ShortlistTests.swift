// The Merkliste: its page and the data file the shortlist script reads. The
// file holds what a family needs on paper, only for published offers, never a
// confidential street; the page stays out of the sitemap; every offer page
// carries its (hidden until the script runs) "Merken" button.
import Foundation
import Testing
@testable import WegweiserCore

@Suite struct ShortlistTests {
    static let site: RenderedSite? = {
        let files = SiteFiles.readContent(at: Fixtures.site("sample"), displayPrefix: "content")
        return SiteBuilder.build(
            content: files, templates: try! Fixtures.projectTemplates(), options: BuildOptions(today: Fixtures.today)
        ).site
    }()

    static func text(_ path: String) throws -> String {
        let site = try #require(Self.site)
        return String(decoding: try #require(site.files[path], "\(path) was not written"), as: UTF8.self)
    }

    static func offers() throws -> [String: [String: Any]] {
        let data = Data(try text("merkliste/angebote.json").utf8)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(json["offers"] as? [String: [String: Any]])
    }

    @Test func theDataHasEveryPublishedOfferAndNoOther() throws {
        let offers = try Self.offers()
        #expect(offers.keys.sorted() == ["elterncafe-beta", "frauenhaus", "hebammen-alpha", "krisentelefon", "schwimmkurs-beta"])
    }

    @Test func anEntryHoldsWhatAFamilyNeedsOnPaper() throws {
        let entry = try #require(try Self.offers()["hebammen-alpha"])
        #expect(entry["title"] as? String == "Hebammenhilfe Alphastadt")
        #expect(entry["provider"] as? String == "Hebammenzentrum Alpha e. V.")
        #expect(entry["phone"] as? String == "02301 000-200")
        #expect(entry["phoneURI"] as? String == "tel:+492301000200")
        #expect(entry["addresses"] as? [String] == ["Hebammenzentrum, Bahnhofstraße 12, 59000 Alphastadt (Mitte)"])
        #expect(entry["hours"] as? [String] == ["Mo–Mi: 09:00–12:00 Uhr", "Do: 14:00–18:00 Uhr"])
        #expect(entry["hoursNote"] as? String == "Hausbesuche nach Vereinbarung")
        #expect(entry["updated"] as? String == "2026-10-01")
        #expect(entry["updatedText"] as? String == "1. Oktober 2026")
    }

    @Test func aConfidentialLocationGivesNoStreetNoPostalCodeNoCoordinates() throws {
        let data = try Self.text("merkliste/angebote.json")
        for secret in ["Geheimweg", "59001", "51.51", "7.61"] {
            #expect(!data.contains(secret), "the Merkliste data publishes \(secret)")
        }
        let entry = try #require(try Self.offers()["frauenhaus"])
        #expect(entry["addresses"] as? [String] == ["Frauenhaus, Alphastadt – Adresse wird nicht veröffentlicht, bitte anrufen"])
        #expect(entry["phone"] as? String == "+49 2301 000 999")
    }

    @Test func theDataIsWrittenInSortedOrder() throws {
        let data = try Self.text("merkliste/angebote.json")
        #expect(data.hasPrefix("{\"offers\":{"))
        // An entry's first key is one of these, in sorted order.
        let slugs = data.matches(of: /"([a-z0-9-]+)":\{"(?:addresses|hours|phone|provider)"/).map { String($0.output.1) }
        #expect(slugs.count == 5)
        #expect(slugs == slugs.sorted())
    }

    @Test func thePageIsLeftOutOfTheSitemapAndNotIndexed() throws {
        let page = try Self.text("merkliste/index.html")
        #expect(page.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(page.contains("id=\"merkliste\""))
        #expect(page.contains("data-offers=\"/merkliste/angebote.json\""))
        #expect(page.contains("<noscript>"))
        #expect(page.contains("<script src=\"/assets/qr.js\" defer></script>"))
        #expect(!(try Self.text("sitemap.xml")).contains("merkliste"))
    }

    @Test func everyPageLinksToTheMerklisteAndLoadsItsScript() throws {
        for path in ["index.html", "angebote/hebammen-alpha/index.html", "suche/index.html", "404.html"] {
            let page = try Self.text(path)
            #expect(page.contains("<a href=\"/merkliste/\">Merkliste</a>"), "\(path) has no menu link")
            #expect(page.contains("<script src=\"/assets/shortlist.js\" defer></script>"), "\(path) lacks the script")
        }
        let merkliste = try Self.text("merkliste/index.html")
        #expect(merkliste.contains("<a href=\"/merkliste/\" aria-current=\"page\">Merkliste</a>"))
    }

    @Test func anOfferPageHasItsHiddenButton() throws {
        let page = try Self.text("angebote/frauenhaus/index.html")
        #expect(page.contains("<p class=\"shortlist-bar\" hidden><button type=\"button\" class=\"shortlist-toggle\" data-shortlist-slug=\"frauenhaus\" aria-pressed=\"false\">Merken</button>"))
    }

    @Test func aSiteWithoutTheMerklisteTemplateIsTold() throws {
        var templates = try Fixtures.projectTemplates()
        templates.templates["merkliste"] = nil
        let files = SiteFiles.readContent(at: Fixtures.site("sample"), displayPrefix: "content")
        let result = SiteBuilder.build(content: files, templates: templates, options: BuildOptions(today: Fixtures.today))
        #expect(result.site == nil)
        #expect(result.diagnostics.contains { $0.file == "templates/merkliste.mustache" })
    }

    @Test(arguments: [
        (Location(name: "Treff", street: "Weg 1", postalCode: "59000", city: "Alpha", district: "Mitte"), "Treff, Weg 1, 59000 Alpha (Mitte)"),
        (Location(name: nil, street: nil, postalCode: nil, city: nil, district: "Rünthe"), "Rünthe"),
        (Location(name: "Haus", street: "Weg 2", postalCode: "59000", city: "Alpha", confidential: true).published,
         "Haus, Alpha – Adresse wird nicht veröffentlicht, bitte anrufen"),
    ])
    func addressLines(location: Location, line: String) {
        #expect(ViewModels.addressLine(location) == line)
    }
}
