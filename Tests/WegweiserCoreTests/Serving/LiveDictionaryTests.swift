// serve and build split compounds with the same word list alike: the live
// site's search index is the full build's, byte for byte, parts included.
import Foundation
import Testing
@testable import WegweiserCore
import WegweiserSearch

@Suite struct LiveDictionaryTests {
    @Test func theLiveSitesIndexIsTheBuildsWithTheWordList() throws {
        let content = SiteFiles.readContent(at: Fixtures.site("sample"), displayPrefix: "content")
        let templates = try Fixtures.projectTemplates()
        let options = BuildOptions(includeDrafts: true, today: Fixtures.today)
        // "Hebammenzentrum" in the sample splits into hebammen·zentrum.
        let dictionary = CompoundDictionary(words: ["Hebammen", "Zentrum"])
        let full = try #require(SiteBuilder.build(
            content: content, templates: templates, options: options, dictionary: dictionary).site?.files)
        let plain = try #require(SiteBuilder.build(content: content, templates: templates, options: options).site?.files)
        let live = try #require(SiteBuilder.live(
            content: content, templates: templates, options: options, cache: OfferParseCache(), dictionary: dictionary).site)
        let index = try #require(full["suche/index.json"])
        #expect(live.file("suche/index.json") == index)
        #expect(index != plain["suche/index.json"], "the word list changes the index")
        let terms = try #require((try JSONSerialization.jsonObject(with: index) as? [String: Any])?["t"] as? [String])
        #expect(terms.contains("zentrum"))
    }
}
