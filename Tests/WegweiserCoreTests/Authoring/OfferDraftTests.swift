import Foundation
import Testing
@testable import WegweiserCore

@Suite struct OfferDraftTests {
    let siteConfig = SourceFile(path: "site.yml", displayPath: "content/site.yml", text: Fixtures.siteYAML)
    let id = UUID(uuidString: "0F4C3D2E-1B2A-4C5D-8E9F-0A1B2C3D4E5F")!

    @Test func writesAFileThatPassesValidation() throws {
        let draft = OfferDraft(title: "Elterncafé am Markt", municipalities: ["beta"], lifePhases: ["0-3"], areas: ["bildung"])
        let plan = try draft.plan(siteConfig: siteConfig, id: id, today: Fixtures.today)
        #expect(plan.path == "angebote/beta/elterncafe-am-markt.md")
        #expect(plan.text.contains("id: 0f4c3d2e-1b2a-4c5d-8e9f-0a1b2c3d4e5f"))
        #expect(plan.text.contains("updated: 2026-11-25"))
        let (content, diagnostics) = Fixtures.load([plan.path: plan.text])
        #expect(diagnostics.isEmpty)
        let offer = try #require(content?.offers.first)
        #expect(offer.title == "Elterncafé am Markt")
        #expect(offer.draft, "a new file stays unpublished until the editor has filled it in")
    }

    @Test func quotesTitlesWithColonsAndQuotes() throws {
        let draft = OfferDraft(title: "Beratung: \"Schulden\"", municipalities: ["alpha"], lifePhases: ["schule"], areas: ["bildung"])
        let plan = try draft.plan(siteConfig: siteConfig, id: id, today: Fixtures.today)
        let (content, _) = Fixtures.load([plan.path: plan.text])
        #expect(content?.offers.first?.title == "Beratung: \"Schulden\"")
    }

    @Test func unknownIDsAreReportedWithTheValidOnes() {
        let draft = OfferDraft(title: "X", municipalities: ["alfa"], lifePhases: [], areas: ["bildung"])
        #expect {
            try draft.plan(siteConfig: siteConfig, id: id, today: Fixtures.today)
        } throws: { error in
            let diagnostics = (error as? DiagnosticList)?.diagnostics ?? []
            return diagnostics.count == 2
                && diagnostics[0].hint?.contains("Meinten Sie `alpha`?") == true
                && diagnostics[1].message.contains("--phase")
        }
    }
}
