// The project's own content (content/): it is what families see, so its
// promises are tested like code.
import Foundation
import Testing
@testable import WegweiserCore

@Suite struct ProjectContentTests {
    static let loaded: (Content?, [Diagnostic]) = {
        let files = SiteFiles.readContent(at: Fixtures.repository.appendingPathComponent("content"), displayPrefix: "content")
        return ContentLoader.load(files, options: ContentOptions(today: Fixtures.today, reportReviews: true))
    }()

    @Test func buildsWithoutAnyWarning() {
        #expect(Self.loaded.1.isEmpty, "\(DiagnosticFormat.text.render(Self.loaded.1))")
    }

    @Test func holdsAtLeastEightyOffers() throws {
        let model = SiteModel(content: try #require(Self.loaded.0))
        #expect(model.offers.count >= 80)
    }

    @Test func everyTownPageHasOffersInAtLeastFourLifePhases() throws {
        let model = SiteModel(content: try #require(Self.loaded.0))
        for town in model.site.towns {
            let own = model.offers.filter { $0.municipalities.contains(town.id) }
            let phases = Set(own.flatMap(\.lifePhases))
            #expect(phases.count >= 4, "\(town.name) has its own offers in only \(phases.count) life phases")
        }
    }

    @Test func everyLifePhaseAndAreaHasOffers() throws {
        let model = SiteModel(content: try #require(Self.loaded.0))
        for phase in model.site.lifePhases { #expect(!model.offers(phase: phase).isEmpty, "\(phase.name)") }
        for area in model.site.areas { #expect(!model.offers(area: area).isEmpty, "\(area.name)") }
    }

    @Test func hasTheRequiredPlainPages() throws {
        let content = try #require(Self.loaded.0)
        let slugs = Set(content.pages.map(\.slug))
        for slug in ["ueber-das-projekt", "impressum", "datenschutz", "barrierefreiheit", "leichte-sprache"] {
            #expect(slugs.contains(slug), "missing page \(slug)")
        }
        #expect(content.pages.filter { $0.menu == .footer }.count >= 3)
    }

    @Test func contactDataAreVisiblyPlaceholders() throws {
        let content = try #require(Self.loaded.0)
        for offer in content.offers {
            if let email = offer.contact?.email {
                #expect(email.hasSuffix("example.org") || email.hasSuffix("example.com") || email.hasSuffix("example.net"), "\(offer.sourcePath): \(email)")
            }
            if let website = offer.contact?.website {
                #expect(website.contains("example."), "\(offer.sourcePath): \(website)")
            }
            if let phone = offer.contact?.phone {
                #expect(phone.contains("000"), "\(offer.sourcePath): \(phone) does not look like a placeholder")
            }
        }
        #expect(content.site.notice?.contains("Beispiel") == true)
    }

    @Test func theWomensShelterKeepsItsAddressSecret() throws {
        let content = try #require(Self.loaded.0)
        let confidential = content.offers.flatMap(\.locations).filter(\.confidential)
        #expect(!confidential.isEmpty)
        for location in confidential.map(\.published) {
            #expect(location.street == nil && location.latitude == nil && location.postalCode == nil)
        }
    }
}
