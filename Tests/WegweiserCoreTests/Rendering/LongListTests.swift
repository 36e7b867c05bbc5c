// Long lists stay short (SPEC §3): on a generated site of a few hundred offers,
// groups are cut, the rest is one plain link away, numbered pages carry
// rel prev/next, and every offer is reachable from the home page.
import Foundation
import Testing
@testable import WegweiserCore

enum GeneratedSite {
    /// `count` offers spread over the fixture's towns, phases and areas, deterministically.
    static func files(count: Int) -> [String: String] {
        let towns = ["[alpha]", "[beta]", "[kreis]", "[alpha, beta]"]
        let phases = ["[schwangerschaft]", "[0-3]", "[schule]", "[0-3, schule]", "[schwangerschaft, 0-3]"]
        let areas = ["[gesundheit]", "[bildung]", "[gesundheit, bildung]"]
        let words = ["Beratung", "Hebamme", "Elterncafé", "Spielgruppe", "Lernhilfe", "Ärztliche Hilfe", "Familienzentrum"]
        var files: [String: String] = [:]
        for index in 0..<count {
            let town = towns[index % towns.count]
            let folder = town == "[kreis]" ? "kreis" : town == "[beta]" ? "beta" : "alpha"
            files["angebote/\(folder)/angebot-\(index).md"] = """
                ---
                title: \(words[(index * 7) % words.count]) \(index)
                summary: Ein Angebot für Familien, Nummer \(index).
                municipalities: \(town)
                life_phases: \(phases[(index / 4) % phases.count])
                areas: \(areas[(index / 3) % areas.count])
                provider: Träger \(index % 9)
                updated: 2026-10-01
                ---
                Text zum Angebot \(index).
                """
        }
        return files
    }

    static func model(count: Int) -> SiteModel { Fixtures.model(files(count: count)) }

    static func render(count: Int) throws -> RenderedSite {
        let result = SiteBuilder.build(
            content: Fixtures.content(files(count: count)), templates: try Fixtures.projectTemplates(),
            options: BuildOptions(today: Fixtures.today))
        return try #require(result.site, "the generated site does not build: \(result.diagnostics)")
    }
}

@Suite struct LongListTests {
    static let site = try! GeneratedSite.render(count: 400)
    static let limits = ListLimits.standard

    func page(_ path: String) throws -> String {
        String(decoding: try #require(Self.site.files[path], "no page \(path)"), as: UTF8.self)
    }

    /// The offer cards of each group section of a page.
    func sections(_ html: String) -> [String] {
        html.components(separatedBy: "<section class=\"group\"").dropFirst().map { $0.components(separatedBy: "</section>")[0] }
    }

    func cards(_ html: String) -> Int { html.components(separatedBy: "<li class=\"offer-card\">").count - 1 }

    func hrefs(_ html: String) -> [String] {
        html.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    var listPages: [String] {
        Self.site.files.keys.filter {
            $0.hasSuffix(".html") && ($0.hasPrefix("orte/") || $0.hasPrefix("lebensphasen/") || $0.hasPrefix("themen/"))
        }.sorted()
    }

    @Test func groupsAndPagesAreBounded() throws {
        var cut = 0
        for path in listPages {
            let html = try page(path)
            let parts = path.split(separator: "/").count
            let isCellPage = path.hasPrefix("orte/") && (parts == 4 || parts == 6)
            let isNumbered = path.contains("/seite/")
            if isCellPage || isNumbered {
                #expect(cards(html) <= Self.limits.perPage, "\(path) lists \(cards(html)) offers")
            }
            for section in sections(html) {
                if !isNumbered {
                    #expect(cards(section) <= Self.limits.perGroup, "a group on \(path) lists \(cards(section))")
                }
                if section.contains("class=\"group__more\"") { cut += 1 }
            }
        }
        #expect(cut > 5, "the generated site should have cut groups")
    }

    @Test func aCutGroupWithACellPageLinksToIt() throws {
        let html = try page("orte/alpha/index.html")
        let model = GeneratedSite.model(count: 400)
        let count = model.offers(in: model.municipality("alpha")!, phase: model.lifePhase("0-3")!).count
        #expect(count > Self.limits.perGroup)
        #expect(html.contains("<a href=\"/orte/alpha/0-3/\">Alle \(count) Angebote anzeigen<span class=\"visually-hidden\">: 0–3 Jahre</span></a>"))
    }

    @Test func aCutGroupWithoutACellPageGoesOnOnNumberedPages() throws {
        let html = try page("themen/gesundheit/index.html")
        #expect(html.contains("<link rel=\"next\" href=\"/themen/gesundheit/seite/2/\">"))
        #expect(!html.contains("rel=\"prev\""))
        #expect(html.contains("href=\"/themen/gesundheit/seite/2/#phase-schwangerschaft\">Die weiteren "))
        #expect(html.contains("<nav class=\"pagination\" aria-label=\"Seiten dieser Liste\">"))
        #expect(html.contains("<a href=\"/themen/gesundheit/\" aria-current=\"page\"><span class=\"visually-hidden\">Seite </span>1</a>"))
    }

    @Test func numberedPagesLinkPreviousAndNext() throws {
        var pageCount = 1
        while Self.site.files["themen/gesundheit/seite/\(pageCount + 1)/index.html"] != nil { pageCount += 1 }
        #expect(pageCount >= 3)
        for number in 2...pageCount {
            let html = try page("themen/gesundheit/seite/\(number)/index.html")
            let previous = number == 2 ? "/themen/gesundheit/" : "/themen/gesundheit/seite/\(number - 1)/"
            #expect(html.contains("<link rel=\"prev\" href=\"\(previous)\">"))
            #expect(html.contains("<a href=\"\(previous)\" rel=\"prev\">Vorherige Seite</a>"))
            #expect(html.contains("rel=\"next\"") == (number < pageCount))
            if number < pageCount {
                #expect(html.contains("<link rel=\"next\" href=\"/themen/gesundheit/seite/\(number + 1)/\">"))
            }
            #expect(html.contains("aria-current=\"page\"><span class=\"visually-hidden\">Seite </span>\(number)</a>"))
            #expect(html.contains("<link rel=\"canonical\" href=\"https://test.example.org/themen/gesundheit/seite/\(number)/\">"))
            #expect(html.contains("<h1>Gesundheit, Seite \(number) von \(pageCount)</h1>"))
        }
        #expect(Self.site.files["themen/gesundheit/seite/\(pageCount + 1)/index.html"] == nil)
    }

    @Test func longCellPagesAreNumbered() throws {
        let model = GeneratedSite.model(count: 400)
        let count = model.offers(in: model.municipality("alpha")!, phase: model.lifePhase("0-3")!).count
        #expect(count > Self.limits.perPage)
        let first = try page("orte/alpha/0-3/index.html")
        #expect(cards(first) == Self.limits.perPage)
        #expect(first.contains("<link rel=\"next\" href=\"/orte/alpha/0-3/seite/2/\">"))
        let second = try page("orte/alpha/0-3/seite/2/index.html")
        #expect(second.contains("<link rel=\"prev\" href=\"/orte/alpha/0-3/\">"))
        #expect(second.contains("Angebote \(Self.limits.perPage + 1) bis "))
    }

    /// Page 1 and the numbered pages of an area list each of its offers exactly once per group.
    @Test func numberedPagesHoldTheRestOfEachGroupOnce() throws {
        let model = GeneratedSite.model(count: 400)
        var seen: [String: [String]] = [:]  // group id → offer links in order
        var path = "themen/gesundheit/index.html"
        while true {
            let html = try page(path)
            for section in sections(html) {
                let id = String(section.drop { $0 != "\"" }.dropFirst().prefix { $0 != "\"" })
                seen[id, default: []] += hrefs(section).filter { $0.hasPrefix("/angebote/") }
            }
            guard let next = html.components(separatedBy: "<link rel=\"next\" href=\"/").dropFirst().first else { break }
            path = String(next.prefix { $0 != "\"" }) + "index.html"
        }
        for (phase, offers) in model.offersByPhase(area: model.area("gesundheit")!) {
            #expect(seen["phase-\(phase.id)"] == offers.map { "/angebote/\($0.slug)/" }, "group \(phase.id)")
        }
    }

    /// Following plain links from the home page reaches every offer and every numbered page.
    @Test func everyOfferIsReachableByPlainLinks() throws {
        var queue = ["/"], visited: Set<String> = ["/"]
        while let path = queue.popLast() {
            guard let data = Self.site.files[Self.site.root == "/" ? Links.fileName(path) : path] else { continue }
            for href in hrefs(String(decoding: data, as: UTF8.self)) where href.hasPrefix("/") {
                let target = String(href.prefix { $0 != "#" && $0 != "?" })
                if target.hasSuffix("/"), visited.insert(target).inserted { queue.append(target) }
            }
        }
        let pages = Self.site.files.keys.filter { $0.hasSuffix("index.html") }.map { "/" + $0.dropLast("index.html".count) }
        let missing = pages.filter { !visited.contains($0) }.sorted()
        #expect(missing.isEmpty, "not reachable: \(missing.prefix(10))")
        #expect(pages.filter { $0.hasPrefix("/angebote/") }.count == 400)
    }
}

@Suite struct GroupingTests {
    /// The one-pass groupings give what filtering all offers for each gives.
    @Test func groupingsEqualFilteringEveryOffer() {
        let model = GeneratedSite.model(count: 300)
        let site = model.site
        func slugs(_ offers: [Offer]) -> [String] { offers.map(\.slug) }
        for town in site.municipalities {
            let expected = model.offers.filter {
                $0.municipalities.contains(town.id) || (!town.countyWide && model.isCountyWide($0))
            }
            #expect(slugs(model.offers(in: town)) == slugs(expected))
            for phase in site.lifePhases {
                #expect(slugs(model.offers(in: town, phase: phase)) == slugs(expected.filter { $0.lifePhases.contains(phase.id) }))
            }
        }
        for phase in site.lifePhases {
            let inPhase = model.offers.filter { $0.lifePhases.contains(phase.id) }
            #expect(slugs(model.offers(phase: phase)) == slugs(inPhase))
            let groups = model.offersByMunicipality(phase: phase)
            let expected = site.municipalities.compactMap { town -> (String, [String])? in
                let group = inPhase.filter { $0.municipalities.contains(town.id) }
                return group.isEmpty ? nil : (town.id, slugs(group))
            }
            #expect(groups.map(\.0.id) == expected.map(\.0))
            #expect(groups.map { slugs($0.1) } == expected.map(\.1))
        }
        for area in site.areas {
            let inArea = model.offers.filter { $0.areas.contains(area.id) }
            #expect(slugs(model.offers(area: area)) == slugs(inArea))
            let expected = site.lifePhases.compactMap { phase -> [String]? in
                let group = inArea.filter { $0.lifePhases.contains(phase.id) }
                return group.isEmpty ? nil : slugs(group)
            }
            #expect(model.offersByPhase(area: area).map { slugs($0.1) } == expected)
        }
    }
}

private extension Links {
    /// `/orte/alpha/` → `orte/alpha/index.html`, for a site at the root.
    static func fileName(_ path: String) -> String { String(path.dropFirst()) + "index.html" }
}
