// What the search index learns of an offer's places as words: name, district
// and city of each, confidential ones included; never a street, and nothing
// of a confidential place's address in any form.
import Foundation
import Testing
@testable import WegweiserCore
import WegweiserSearch

@Suite struct SearchPlacesTests {
    @Test func aPlacesWordsLeaveOutSpacesAtTheirEndsAndEmptyParts() {
        let place = Location(name: " Treff\t", city: "Unna", district: "\u{00A0}")
        #expect(place.searchText == "Treff, Unna")
        #expect(Location(name: "Familienzentrum Kunterbunt", city: "Bergkamen", district: "Oberaden").searchText
            == "Familienzentrum Kunterbunt, Oberaden, Bergkamen")
    }

    static let offers = [
        "angebote/schutz.md": Fixtures.offer(title: "Schutzwohnung", towns: "[alpha]", extra: """
            locations:
              - {name: Frauenhaus, street: Geheimweg 7, postal_code: "59423", city: Alphastadt, district: Königsborn, lat: 51.5371, lon: 7.6892, confidential: true}
            """, body: "Die Adresse ist geheim."),
        "angebote/treff.md": Fixtures.offer(title: "Elterntreff", towns: "[beta]", extra: """
            locations:
              - {name: Familienzentrum Regenbogen, street: Lindenweg 12, postal_code: "59192", city: Beta, district: Rünthe, lat: 51.6452, lon: 7.6478}
              - {name: Rathaus, city: Beta}
            """, body: "Kommen Sie vorbei."),
    ]

    static func index() throws -> (text: String, terms: [String]) {
        let result = SiteRenderer.render(Fixtures.model(offers), templates: try Fixtures.projectTemplates(), templatesPath: "templates")
        guard case .success(let site) = result else { throw SearchPageTests.RenderFailure() }
        let data = try #require(site.files["suche/index.json"])
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return (String(decoding: data, as: UTF8.self), try #require(json["t"] as? [String]))
    }

    @Test func theDocumentHoldsNameDistrictAndCityOfEachPlace() {
        let model = Fixtures.model(Self.offers)
        let views = ViewModels(model: model)
        let documents = Dictionary(uniqueKeysWithValues: model.offers.map {
            ($0.title, SiteRenderer.searchDocument($0, views: views).locations)
        })
        #expect(documents["Schutzwohnung"] == ["Frauenhaus, Königsborn, Alphastadt"])
        #expect(documents["Elterntreff"] == ["Familienzentrum Regenbogen, Rünthe, Beta", "Rathaus, Beta"])
    }

    @Test func districtsAndNamesAreTermsAndConfidentialAddressesAreNot() throws {
        let (text, terms) = try Self.index()
        for word in ["Königsborn", "Rünthe", "Frauenhaus", "Regenbogen", "Rathaus"] {
            #expect(terms.contains(Tokenizer.tokens(word)[0]), "\(word)")
        }
        // Nothing of a confidential place's address, in no form.
        for secret in ["geheimweg", "Geheimweg", "59423", "51.5371", "5371", "7.6892", "6892"] {
            #expect(!text.contains(secret), "the index holds \(secret)")
        }
        // A public place's street is no term either; its postal code and
        // coordinates serve "near me" (the `k` and `g` tables), never the words.
        #expect(!text.contains("lindenweg") && !text.contains("Lindenweg"))
        #expect(!terms.contains { $0.allSatisfy(\.isNumber) }, "no house number, postal code or coordinate as a term")
    }
}
