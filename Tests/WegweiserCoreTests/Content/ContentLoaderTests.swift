import Testing
@testable import WegweiserCore

@Suite struct ContentLoaderTests {
    @Test func duplicateSlugsNameBothFiles() {
        let (content, diagnostics) = Fixtures.load([
            "angebote/alpha/Elterncafé.md": Fixtures.offer(),
            "angebote/beta/elterncafe.md": Fixtures.offer(towns: "[beta]"),
        ])
        #expect(content == nil)
        #expect(diagnostics.count == 2)
        #expect(diagnostics[0].file == "content/angebote/alpha/Elterncafé.md")
        #expect(diagnostics[0].message.contains("content/angebote/beta/elterncafe.md"))
        #expect(diagnostics[1].message.contains("content/angebote/alpha/Elterncafé.md"))
    }

    @Test func duplicateIDsNameTheOtherFile() {
        let id = "id: 0f4c3d2e-1b2a-4c5d-8e9f-0a1b2c3d4e5f"
        let (_, diagnostics) = Fixtures.load([
            "angebote/alpha/a.md": Fixtures.offer(title: "Hebammenhilfe Nord", extra: id),
            "angebote/alpha/b.md": Fixtures.offer(title: "Hebammenhilfe Süd", extra: id),
        ])
        #expect(diagnostics.map(\.file) == ["content/angebote/alpha/a.md", "content/angebote/alpha/b.md"])
        #expect(diagnostics[0].message.contains("b.md"))
    }

    @Test func duplicatesAreFoundEvenInFilesWithOtherErrors() {
        let id = "id: 0f4c3d2e-1b2a-4c5d-8e9f-0a1b2c3d4e5f"
        let (_, diagnostics) = Fixtures.load([
            "angebote/alpha/ferien.md": Fixtures.offer(phases: "[kita]", extra: id),
            "angebote/beta/ferien.md": Fixtures.offer(towns: "[beta]", extra: id),
        ])
        #expect(diagnostics.filter { $0.message.contains("dieselbe Adresse") }.count == 2)
        let duplicateIDs = diagnostics.filter { $0.message.contains("steht in mehreren Angeboten") }
        #expect(duplicateIDs.map(\.line) == [9, 9])
        #expect(diagnostics.contains { $0.message.contains("Unbekannte Lebensphase `kita`") })
    }

    @Test func collectsEveryErrorOfEveryFile() {
        let (_, diagnostics) = Fixtures.load([
            "angebote/alpha/a.md": Fixtures.offer(towns: "[x]", phases: "[y]"),
            "angebote/alpha/b.md": "kein front matter",
            "seiten/c.md": "---\nsummary: ohne Titel\n---\n",
        ])
        #expect(diagnostics.errorCount == 4)
        #expect(diagnostics.map(\.file) == ["content/angebote/alpha/a.md", "content/angebote/alpha/a.md", "content/angebote/alpha/b.md", "content/seiten/c.md"])
    }

    @Test func siteConfigVocabularyRules() {
        let broken = Fixtures.siteYAML
            .replacingOccurrences(of: "id: beta", with: "id: Beta Stadt")
            .replacingOccurrences(of: "id: schule", with: "id: 0-3")
        let (content, diagnostics) = Fixtures.load([:], site: broken)
        #expect(content == nil)
        #expect(diagnostics.contains { $0.line == 7 && $0.message.contains("unerlaubte Zeichen") && $0.hint!.contains("`beta-stadt`") })
        #expect(diagnostics.contains { $0.line == 17 && $0.message.contains("steht zweimal") })
    }

    @Test func siteConfigRequiresItsKeys() {
        let (_, diagnostics) = Fixtures.load([:], site: "title: X\nlanguage: de\n")
        let missing = diagnostics.map(\.message).filter { $0.contains("Pflichtangabe") }
        #expect(missing.count == 4)
    }

    @Test func missingSiteConfigIsAnError() {
        let (_, diagnostics) = Fixtures.load([:], site: nil)
        #expect(diagnostics.first?.message.contains("site.yml fehlt") == true)
    }

    @Test func passedReviewDateIsAWarningOnlyWhenAsked() {
        let files = Fixtures.content(["angebote/alpha/a.md": Fixtures.offer(extra: "review_by: 2026-01-01")])
        #expect(ContentLoader.load(files, options: ContentOptions(today: Fixtures.today)).diagnostics.isEmpty)
        let checked = ContentLoader.load(files, options: ContentOptions(today: Fixtures.today, reportReviews: true)).diagnostics
        #expect(checked.count == 1)
        #expect(checked[0].severity == .warning)
        #expect(checked[0].message.contains("2026-01-01"))
        #expect(checked[0].line == 9)
    }
}
