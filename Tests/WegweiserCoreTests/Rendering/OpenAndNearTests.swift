// "Open now" and "near me": site.yml's time zone, holidays and town centres;
// hours and published coordinates in the index and on the offer page; and no
// trace of a confidential location's coordinates in any file of the site,
// whether the index is one file or split.
import Foundation
import Testing
@testable import WegweiserCore
import WegweiserSearch

@Suite struct OpenAndNearTests {
    static let offers: [String: String] = [
        "angebote/hebammen.md": Fixtures.offer(title: "Hebammenhilfe", extra: """
            locations:
              - {name: Hebammenhaus, street: Marktweg 3, postal_code: "59000", city: Alphastadt, district: Nord, lat: 51.5432, lon: 7.6543}
              - {name: Zweigstelle, city: Beta, lat: 51.4011, lon: 7.5022}
            hours:
              - {days: [mo, di], opens: "08:00", closes: "12:30"}
              - {days: [fr], opens: "20:00", closes: "02:00"}
            """),
        "angebote/schutzhaus.md": Fixtures.offer(title: "Schutzhaus", towns: "[kreis]", extra: """
            locations:
              - {name: Schutzhaus, street: Verborgener Pfad 9, postal_code: "59999", city: Alphastadt, lat: 51.8765, lon: 7.2345, confidential: true}
            hours:
              - {days: [mo, di, mi, do, fr, sa, so], opens: "00:00", closes: "24:00"}
            """),
        "angebote/ohne.md": Fixtures.offer(title: "Beratung ohne Ort", towns: "[beta]"),
    ]

    static let siteYAML = Fixtures.siteYAML
        .replacingOccurrences(of: "language: de\n", with: "language: de\ntimezone: Europe/Berlin\nholidays: nw\n")
        .replacingOccurrences(of: "    name: Beta\n", with: "    name: Beta\n    center: {lat: 51.4, lon: 7.5}\n")

    static func render(_ layout: SearchIndexLayout) throws -> [String: Data] {
        let (content, diagnostics) = Fixtures.load(offers, site: siteYAML)
        let loaded = try #require(content, "\(diagnostics.map(\.message))")
        let model = SiteModel(content: loaded, options: .init(includeDrafts: false))
        let result = SiteRenderer.render(model, templates: try Fixtures.projectTemplates(), templatesPath: "templates",
                                         searchLayout: layout)
        guard case .success(let site) = result else { throw SearchPageTests.RenderFailure() }
        return site.files
    }

    static func json(_ data: Data?) throws -> [String: Any] {
        let bytes = try #require(data)
        let object = try JSONSerialization.jsonObject(with: bytes)
        return try #require(object as? [String: Any])
    }

    @Test(arguments: [SearchIndexLayout(), SearchIndexLayout(maxSingleFileBytes: 0)])
    func confidentialCoordinatesAreInNoFile(_ layout: SearchIndexLayout) throws {
        let files = try Self.render(layout)
        // The index does carry coordinates: those of the published locations.
        let all = files.values.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
        #expect(all.contains("51.5432,7.6543"))
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            let text = String(decoding: data, as: UTF8.self)
            for secret in ["51.8765", "7.2345", "51.877", "7.235", "51.88", "7.23", "Verborgener", "59999"] {
                #expect(!text.contains(secret), "\(path) publishes \(secret) of the confidential location")
            }
        }
    }

    @Test func indexHoldsHoursPointsAndPlacesPerDocument() throws {
        let index = try Self.json(try Self.render(SearchIndexLayout())["suche/index.json"])
        let records = try #require(index["r"] as? [[Any]]).map { $0[1] as! String }
        #expect(records == ["Beratung ohne Ort", "Hebammenhilfe", "Schutzhaus"])
        let hours = try #require(index["h"] as? [Any])
        #expect(hours[0] as? Int == 0)
        #expect(hours[1] as? [Int] == [3, 480, 750, 16, 1200, 120])
        #expect(hours[2] as? [Int] == [127, 0, 1440])
        let points = try #require(index["g"] as? [Any])
        #expect(points[0] as? Int == 0)
        #expect(points[1] as? [Double] == [51.5432, 7.6543, 51.4011, 7.5022])
        #expect(points[2] as? Int == 0, "a confidential location gives no point")
        let places = try #require(index["k"] as? [[Any]])
        let names = places.map { $0[0] as! String }
        #expect(names == names.sorted())
        // City, district, postal code and "city district" of the published
        // locations; Beta from its location, not the centre; no confidential postal code.
        #expect(Set(names) == ["59000", "alphastadt", "alphastadt nord", "beta", "nord"])
        let beta = try #require(places.first { $0[0] as? String == "beta" })
        #expect(beta[1] as? Double == 51.4011)
    }

    @Test func aTownCentreIsTheFallbackWhereNoLocationHasCoordinates() throws {
        var offers = Self.offers
        offers["angebote/hebammen.md"] = offers["angebote/hebammen.md"]!.replacingOccurrences(
            of: "  - {name: Zweigstelle, city: Beta, lat: 51.4011, lon: 7.5022}\n", with: "")
        let (content, _) = Fixtures.load(offers, site: Self.siteYAML)
        let model = SiteModel(content: try #require(content), options: .init(includeDrafts: false))
        guard case .success(let site) = SiteRenderer.render(model, templates: try Fixtures.projectTemplates(), templatesPath: "templates")
        else { throw SearchPageTests.RenderFailure() }
        let places = try #require(try Self.json(site.files["suche/index.json"])["k"] as? [[Any]])
        let beta = try #require(places.first { $0[0] as? String == "beta" })
        #expect(beta[1] as? Double == 51.4 && beta[2] as? Double == 7.5)
    }

    @Test func splitIndexKeepsHoursAndPointsInTheirOwnFiles() throws {
        let files = try Self.render(SearchIndexLayout(maxSingleFileBytes: 0))
        let meta = try Self.json(files["suche/index.json"])
        #expect(meta["h"] == nil && meta["g"] == nil)
        #expect(try Self.json(files["suche/h.json"])["h"] != nil)
        let geo = try Self.json(files["suche/g.json"])
        #expect(geo["g"] != nil && geo["k"] != nil)
    }

    @Test func offerPageCarriesItsHoursForTheScript() throws {
        let files = try Self.render(SearchIndexLayout())
        let page = String(decoding: try #require(files["angebote/hebammen/index.html"]), as: UTF8.self)
        #expect(page.contains(#"data-open-hours="3,480,750,16,1200,120" data-timezone="Europe/Berlin" data-holidays="01-01 -2 1 05-01 39 50 60 10-03 11-01 12-25 12-26" hidden"#))
        #expect(page.contains(#"<script src="/assets/hours.js" defer></script>"#))
        let without = String(decoding: try #require(files["angebote/ohne/index.html"]), as: UTF8.self)
        #expect(!without.contains("data-open-hours") && !without.contains("hours.js"))
        let search = String(decoding: try #require(files["suche/index.html"]), as: UTF8.self)
        #expect(search.contains(#"name="offen" value="jetzt""#) && search.contains(#"name="nahe""#))
        #expect(search.contains(#"data-timezone="Europe/Berlin""#))
        #expect(files["assets/hours.js"] != nil && files["assets/geo.js"] != nil)
    }
}

@Suite struct SiteSettingsForOpenAndNearTests {
    static func parse(_ replacing: String, with text: String) -> (SiteConfig?, [Diagnostic]) {
        let yaml = Fixtures.siteYAML.replacingOccurrences(of: replacing, with: text)
        return SiteConfigParser.parse(SourceFile(path: "site.yml", displayPath: "content/site.yml", text: yaml))
    }

    @Test func defaultsAreBerlinAndNoHolidays() throws {
        let (config, _) = Self.parse("", with: "")
        #expect(config?.timeZone == "Europe/Berlin")
        #expect(config?.holidayState == nil)
    }

    @Test func readsTimeZoneHolidaysAndCentres() throws {
        let (config, diagnostics) = Self.parse("language: de\n", with: "language: de\ntimezone: Europe/Vienna\nholidays: NW\n")
        #expect(diagnostics.isEmpty)
        #expect(config?.timeZone == "Europe/Vienna" && config?.holidayState == "nw")
        let (withCentre, _) = Self.parse("    name: Beta\n", with: "    name: Beta\n    center: {lat: 51.4, lon: 7.5}\n")
        #expect(withCentre?.municipalities[1].center == GeoPoint(latitude: 51.4, longitude: 7.5))
    }

    @Test(arguments: [
        ("language: de\n", "language: de\ntimezone: Europa/Berlin\n", "Die Zeitzone `Europa/Berlin` ist unbekannt.", 4),
        ("language: de\n", "language: de\nholidays: nrw\n", "`holidays: nrw` nennt kein Bundesland.", 4),
        ("    name: Beta\n", "    name: Beta\n    center: {lat: 51.4}\n", "Die Pflichtangabe `lon` fehlt in `center`.", 9),
        ("    name: Beta\n", "    name: Beta\n    center: {lat: 151.4, lon: 7}\n", "`lat` muss eine Zahl von -90.0 bis 90.0 sein (Punkt als Dezimaltrenner).", 9),
    ])
    func mistakesAreNamedWithLine(_ replacing: String, _ text: String, _ message: String, _ line: Int) throws {
        let (config, diagnostics) = Self.parse(replacing, with: text)
        #expect(config == nil)
        let error = try #require(diagnostics.first)
        #expect(error.message == message)
        #expect(error.line == line)
        #expect(error.file == "content/site.yml")
        if !message.hasPrefix("`lat`") { #expect(error.hint?.isEmpty == false) }
    }

    @Test func nrwHolidaysIncludeTheEasterBasedOnes() {
        let rules = Holidays.rules(for: "nw")!
        #expect(rules.map(\.code) == ["01-01", "-2", "1", "05-01", "39", "50", "60", "10-03", "11-01", "12-25", "12-26"])
        #expect(rules.map(\.name).contains("Fronleichnam"))
        #expect(Holidays.rules(for: "sn")!.map(\.code).contains("buss"))
        #expect(Holidays.rules(for: "xx") == nil)
    }
}
