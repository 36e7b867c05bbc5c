// The checks over the whole content: entries due for review, offers without
// a way to reach them, links to pages that do not exist, titles twice in a town.
import Testing
@testable import WegweiserCore

@Suite struct ContentReviewTests {
    func warnings(_ files: [String: String], site: String = Fixtures.siteYAML, drafts: Bool = false) -> [Diagnostic] {
        let content = Fixtures.content(files, site: site)
        return ContentLoader.load(content, options: ContentOptions(today: Fixtures.today, includeDrafts: drafts)).diagnostics
    }

    @Test func updatedOlderThanTwelveMonthsIsAWarningOnItsLine() {
        let old = Fixtures.offer().replacingOccurrences(of: "updated: 2026-10-01", with: "updated: 2025-11-24")
        let recent = Fixtures.offer(title: "Andere").replacingOccurrences(of: "updated: 2026-10-01", with: "updated: 2025-11-25")
        let found = warnings(["angebote/alpha/alt.md": old, "angebote/alpha/neu.md": recent])
        #expect(found.count == 1)
        #expect(found.first?.file == "content/angebote/alpha/alt.md")
        #expect(found.first?.line == 8)
        #expect(found.first?.severity == .warning)
        #expect(found.first?.message.contains("12 Monaten") == true)
    }

    @Test func reviewAfterMonthsComesFromSiteYAML() {
        let offer = Fixtures.offer().replacingOccurrences(of: "updated: 2026-10-01", with: "updated: 2026-05-01")
        #expect(warnings(["angebote/alpha/a.md": offer]).isEmpty)
        let found = warnings(["angebote/alpha/a.md": offer], site: Fixtures.siteYAML + "\nreview_after_months: 6")
        #expect(found.map(\.message) == ["Das Angebot wurde seit mehr als 6 Monaten nicht geprüft (`updated: 2026-05-01`)."])
        let invalid = warnings(["angebote/alpha/a.md": offer], site: Fixtures.siteYAML + "\nreview_after_months: zwölf")
        #expect(invalid.contains { $0.severity == .error && $0.message.contains("review_after_months") && $0.hint != nil })
    }

    @Test func monthsAreAddedByTheCalendar() {
        #expect(CalendarDate("2024-02-29")!.adding(months: 12) == CalendarDate("2025-02-28"))
        #expect(CalendarDate("2026-01-31")!.adding(months: 1) == CalendarDate("2026-02-28"))
        #expect(CalendarDate("2025-11-25")!.adding(months: 14) == CalendarDate("2027-01-25"))
    }

    @Test func anOfferWithNoWayToReachItIsAWarning() {
        let none = Fixtures.offer(extra: "contact: {name: Frau Muster}")
        let onlyConfidential = Fixtures.offer(title: "Schutz", extra: "contact: {name: Team}\nlocations:\n  - {name: Haus, street: Weg 1, city: Alphastadt, confidential: true}")
        let address = Fixtures.offer(title: "Adresse", extra: "contact: {name: Team}\nlocations:\n  - {street: Markt 1, city: Alphastadt}")
        let found = warnings(["angebote/alpha/a.md": none, "angebote/alpha/b.md": onlyConfidential, "angebote/alpha/c.md": address])
        #expect(found.map(\.file) == ["content/angebote/alpha/a.md", "content/angebote/alpha/b.md"])
        #expect(found.map(\.line) == [9, 9])
        #expect(found.allSatisfy { $0.message.contains("keinen Weg") })
    }

    @Test func inactiveOffersAreNotReviewed() {
        let offer = Fixtures.offer(extra: "status: inactive\ncontact: {name: x}").replacingOccurrences(of: "2026-10-01", with: "2020-01-01")
        #expect(warnings(["angebote/alpha/a.md": offer]).isEmpty)
    }

    @Test func linksToPagesThatDoNotExistAreWarnings() {
        let body = """
            [a](/angebote/b/) [b](/angebote/fehlt/) [c](/orte/alpha/) [d](/orte/gamma/)

            [e](/lebensphasen/0-3/) [f](/themen/bildung/#x) [g](/ueber/) [h](/suche/?q=x) [i](/merkliste/)

            [j](/angebote/entwurf/) [k](https://example.org/angebote/fehlt/) [l](/angebote/b)
            """
        let files = [
            "angebote/alpha/a.md": Fixtures.offer(body: body),
            "angebote/alpha/b.md": Fixtures.offer(title: "B"),
            "angebote/alpha/entwurf.md": Fixtures.offer(title: "Entwurf", extra: "draft: true"),
            "seiten/ueber.md": "---\ntitle: Über uns\n---\nText.",
        ]
        let found = warnings(files)
        #expect(found.map(\.message) == [
            "Der Link `/angebote/fehlt/` führt zu keiner Seite dieser Website.",
            "Der Link `/orte/gamma/` führt zu keiner Seite dieser Website.",
            "Der Link `/angebote/entwurf/` führt zu keiner Seite dieser Website.",
        ])
        #expect(found.map(\.line) == [11, 11, 15])
        #expect(found.map(\.column) == [19, 59, 1])
        #expect(warnings(files, drafts: true).count == 2, "with --drafts the draft's page exists")
    }

    @Test func linksInASubfolderSiteAreCheckedBelowItsRoot() {
        let site = Fixtures.siteYAML.replacingOccurrences(of: "https://test.example.org/", with: "https://example.org/familien/")
        let files = [
            "angebote/alpha/a.md": Fixtures.offer(body: "[b](/angebote/b/) [x](/angebote/x/)"),
            "angebote/alpha/b.md": Fixtures.offer(title: "B"),
        ]
        #expect(warnings(files, site: site).map(\.message) == ["Der Link `/angebote/x/` führt zu keiner Seite dieser Website."])
    }

    @Test func linksToAFileWithAnErrorAreLeftToThatError() {
        let found = warnings([
            "angebote/alpha/a.md": Fixtures.offer(body: "[b](/angebote/b/)"),
            "angebote/alpha/b.md": Fixtures.offer(title: "B", phases: "[kita]"),
        ])
        #expect(found.count == 1)
        #expect(found.first?.severity == .error)
    }

    @Test func theSameTitleTwiceInATownIsAWarningOnBoth() {
        let found = warnings([
            "angebote/alpha/a.md": Fixtures.offer(title: "Elterncafé"),
            "angebote/alpha/b.md": Fixtures.offer(title: "elterncafe"),
            "angebote/beta/c.md": Fixtures.offer(title: "Elterncafé", towns: "[beta]"),
        ])
        #expect(found.map(\.file) == ["content/angebote/alpha/a.md", "content/angebote/alpha/b.md"])
        #expect(found.map(\.line) == [2, 2])
        #expect(found[0].message.contains("Alphastadt") && found[0].message.contains("content/angebote/alpha/b.md"))
    }

    @Test func summaryCountsOffersDuePerTownAndProvider() throws {
        let old = { (title: String, towns: String, provider: String) in
            Fixtures.offer(title: title, towns: towns).replacingOccurrences(of: "updated: 2026-10-01", with: "updated: 2025-01-01")
                .replacingOccurrences(of: "Hebammen e. V.", with: provider)
        }
        let files = Fixtures.content([
            "angebote/alpha/a.md": old("A", "[alpha]", "Verein Eins"),
            "angebote/alpha/b.md": old("B", "[alpha, beta]", "Verein Zwei"),
            "angebote/alpha/c.md": Fixtures.offer(title: "C", extra: "review_by: 2026-11-01"),
            "angebote/beta/d.md": Fixtures.offer(title: "D", towns: "[beta]"),
        ])
        let (summary, _) = SiteBuilder.reviewSummary(content: files, options: BuildOptions(today: Fixtures.today))
        let text = try #require(summary)
        #expect(text.contains("3 von 4 Angeboten"))
        let lines = text.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        #expect(lines.contains("Alphastadt 3 3"))
        #expect(lines.contains("Beta 2 1"))
        #expect(lines.contains("Testkreis 0 0"))
        #expect(lines.contains("Hebammen e. V. 2 1"))
        #expect(lines.contains("Verein Eins 1 1"))
        #expect(!lines.contains { $0.hasPrefix("Träger: keiner") })
    }
}
