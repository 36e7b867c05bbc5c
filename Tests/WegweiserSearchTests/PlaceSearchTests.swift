// Places: the names, districts and cities of an offer's places are terms of
// their own field, so a family finds an offer by the district it is held in
// ("Königsborn", "Rünthe") without the offer's text naming it.

import Foundation
import Testing
@testable import WegweiserSearch

@Suite struct PlaceSearchTests {
    static func document(_ slug: String, title: String, body: String = "Wir sind für Sie da.", locations: [String]) -> SearchDocument {
        var document = SearchDocument(
            url: "/angebote/\(slug)/", title: title, summary: "Beratung und Begleitung.", topics: ["Beratung"],
            body: body, place: "Unna", municipalities: ["unna"], countyWide: false, lifePhases: [], areas: [],
            free: true, languages: [], accessible: nil)
        document.locations = locations
        return document
    }

    static let documents = [
        document("koenigsborn", title: "Familienzentrum am Park", locations: ["Familienzentrum am Park, Königsborn, Unna"]),
        document("massen", title: "Elterncafé", locations: ["Kita Sonnenschein, Massen, Unna", "Rathaus, Mitte, Unna"]),
        document("ruenthe", title: "Hebammensprechstunde", locations: ["Familienzentrum, Rünthe, Bergkamen"]),
        document("erwaehnt", title: "Stillgruppe", body: "Auch Mütter aus Königsborn kommen gern.", locations: []),
        document("benannt", title: "Spielgruppe Königsborn", locations: []),
    ]

    static func index() throws -> ParsedIndex {
        try ParsedIndex(#require(SearchIndex.files(
            for: documents, vocabularies: SearchVocabularies(towns: [], lifePhases: [], areas: []))["index.json"]))
    }

    @Test func aDistrictFindsTheOffersHeldThere() throws {
        let index = try Self.index()
        #expect(Set(index.scores(of: Tokenizer.tokens("Rünthe")[0]).keys) == ["/angebote/ruenthe/"])
        // Families type it without the umlaut, too.
        #expect(Tokenizer.tokens("Ruenthe") == Tokenizer.tokens("Rünthe"))
        #expect(Set(index.scores(of: Tokenizer.tokens("Massen")[0]).keys) == ["/angebote/massen/"])
        // Every place counts, not only the first.
        #expect(index.scores(of: Tokenizer.tokens("Rathaus")[0]).keys.contains("/angebote/massen/"))
        // The place's name and city are terms as well.
        #expect(index.scores(of: Tokenizer.tokens("Bergkamen")[0]).keys.contains("/angebote/ruenthe/"))
    }

    /// Where an offer is held weighs more than a mention in its text, less
    /// than its title.
    @Test func aPlaceWeighsBetweenTitleAndBody() throws {
        let scores = try Self.index().scores(of: Tokenizer.tokens("Königsborn")[0])
        let title = try #require(scores["/angebote/benannt/"])
        let place = try #require(scores["/angebote/koenigsborn/"])
        let body = try #require(scores["/angebote/erwaehnt/"])
        #expect(title > place && place > body, "\(title) \(place) \(body)")
    }
}
