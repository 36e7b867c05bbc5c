// The index builder: the committed fixture index (read by the search.js tests)
// stays what the builder writes, same input gives same bytes, scores rank the
// fields, facets carry the filters, and nothing leaves a document but its
// record and its terms.

import Foundation
import Testing
@testable import WegweiserSearch

struct FixtureCorpus: Decodable {
    var vocabularies: SearchVocabularies
    var documents: [SearchDocument]

    static let shared: FixtureCorpus = {
        let data = (try? Data(contentsOf: Fixtures.url("corpus.json"))) ?? Data()
        return (try? JSONDecoder().decode(FixtureCorpus.self, from: data))
            ?? FixtureCorpus(vocabularies: SearchVocabularies(towns: [], lifePhases: [], areas: []), documents: [])
    }()

    func files(_ layout: SearchIndexLayout = SearchIndexLayout()) -> [String: Data] {
        SearchIndex.files(for: documents, vocabularies: vocabularies, layout: layout)
    }
}

/// The parsed single-file index.
struct ParsedIndex {
    var json: [String: Any]
    init(_ data: Data) throws {
        json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
    var terms: [String] { json["t"] as? [String] ?? [] }
    var records: [[String]] { json["r"] as? [[String]] ?? [] }

    /// Score per document URL for a term.
    func scores(of term: String) -> [String: Int] {
        guard let index = terms.firstIndex(of: term), let lists = json["p"] as? [[Int]] else { return [:] }
        var scores: [String: Int] = [:]
        var id = 0
        for pair in stride(from: 0, to: lists[index].count, by: 2) {
            id += lists[index][pair]
            scores[records[id][0]] = lists[index][pair + 1]
        }
        return scores
    }

    /// The URLs of the documents that have a facet value.
    func documents(withFacet key: String, value: String) -> [String] {
        guard let facets = json["f"] as? [[Any]],
              let facet = facets.first(where: { $0[0] as? String == key }),
              let values = facet[1] as? [[String]], let bits = facet[2] as? String,
              let index = values.firstIndex(where: { $0[0] == value }) else { return [] }
        let width = (values.count + 5) / 6
        let alphabet = Array(FacetColumns.alphabet)
        let characters = Array(bits)
        return records.indices.filter { document in
            let group = alphabet.firstIndex(of: characters[document * width + index / 6])!
            return group >> (index % 6) & 1 == 1
        }.map { records[$0][0] }
    }
}

@Suite struct SearchIndexTests {
    static let layouts: [(String, SearchIndexLayout)] = [
        ("index-single", SearchIndexLayout()),
        ("index-sharded", SearchIndexLayout(maxSingleFileBytes: 0)),
    ]

    /// Run with UPDATE_SEARCH_FIXTURES=1 to rewrite the fixture index after a
    /// deliberate change of the format; the node tests read these files.
    @Test(arguments: layouts)
    func committedFixtureIndexIsWhatTheBuilderWrites(_ folder: String, _ layout: SearchIndexLayout) throws {
        let files = FixtureCorpus.shared.files(layout)
        let directory = Fixtures.url(folder)
        if ProcessInfo.processInfo.environment["UPDATE_SEARCH_FIXTURES"] == "1" {
            try? FileManager.default.removeItem(at: directory)
            for (path, data) in files {
                let url = directory.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
        }
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        var committed: [String: Data] = [:]
        while let url = enumerator?.nextObject() as? URL {
            guard !url.hasDirectoryPath else { continue }
            let path = String(url.standardizedFileURL.path.dropFirst(directory.standardizedFileURL.path.count + 1))
            committed[path] = try Data(contentsOf: url)
        }
        #expect(committed.keys.sorted() == files.keys.sorted())
        for path in files.keys.sorted() where committed[path] != files[path] {
            Issue.record("\(folder)/\(path) differs from what the builder writes; rerun with UPDATE_SEARCH_FIXTURES=1 if intended")
        }
    }

    @Test func sameDocumentsInAnyOrderGiveTheSameBytes() {
        let corpus = FixtureCorpus.shared
        let shuffled = corpus.documents.reversed() + []
        for (_, layout) in Self.layouts {
            let once = corpus.files(layout)
            #expect(once == corpus.files(layout))
            #expect(once == SearchIndex.files(for: shuffled, vocabularies: corpus.vocabularies, layout: layout))
        }
    }

    @Test func titleRanksAboveTopicsAboveSummaryAboveBody() throws {
        let index = try ParsedIndex(#require(FixtureCorpus.shared.files()["index.json"]))
        let scores = index.scores(of: Tokenizer.stem("trommelkurs"))
        let order = ["trommelkurs-werne", "musikgarten-werne", "rhythmus-holzwickede", "bewegung-froendenberg"]
            .map { scores["/angebote/\($0)/"] ?? 0 }
        #expect(order == order.sorted(by: >) && Set(order).count == 4 && order.last! > 0, "\(order)")
    }

    /// The script weighs a query word by how many offers it matches, prefixes
    /// included; the index holds only how well each offer matches a term.
    @Test func storedWeightsDoNotDependOnHowManyOffersHaveTheTerm() throws {
        let corpus = FixtureCorpus.shared
        let offer = corpus.documents[0]
        var twin = offer
        twin.url = "/angebote/zwilling/"
        let alone = try ParsedIndex(#require(
            SearchIndex.files(for: [offer], vocabularies: corpus.vocabularies)["index.json"]))
        let twice = try ParsedIndex(#require(
            SearchIndex.files(for: [offer, twin], vocabularies: corpus.vocabularies)["index.json"]))
        #expect(!alone.terms.isEmpty && alone.terms == twice.terms)
        for term in alone.terms {
            #expect(alone.scores(of: term)[offer.url] == twice.scores(of: term)[offer.url], "\(term)")
        }
        let ceiling = Int(((Scoring.k1 + 1) * Scoring.scoreScale).rounded())
        let all = try ParsedIndex(#require(corpus.files()["index.json"]))
        for term in all.terms {
            #expect(all.scores(of: term).values.allSatisfy { (1...ceiling).contains($0) }, "\(term)")
        }
    }

    /// Title and topics are normalised for length less than running text: an
    /// offer whose long title names the word ranks above one that lists it
    /// among its topics and mentions it in summary and body.
    @Test func aLongTitleStillSaysWhatTheOfferIs() throws {
        let corpus = FixtureCorpus.shared
        var named = corpus.documents[0]
        named.url = "/angebote/griffbereit/"
        named.title = "Griffbereit und Rucksack – Sprachförderung mit Eltern in Kita und Familienzentrum"
        named.topics = ["Sprachförderung", "Deutsch lernen", "Mehrsprachigkeit", "Familiensprache", "Integration"]
        named.summary = "In Eltern-Kind-Gruppen lernen Kinder spielerisch Deutsch und ihre Familiensprache."
        let visit = " Kommen Sie einfach vorbei, die Gruppe trifft sich jede Woche am Vormittag im Familienzentrum."
        named.body = "Eltern treffen andere Eltern und bekommen Ideen für zu Hause." + visit
        var mentioning = named
        mentioning.url = "/angebote/familienzentrum/"
        mentioning.title = "Familienzentrum Kunterbunt"
        mentioning.topics = ["Familienzentrum", "Kita", "Elterncafé", "Krabbelgruppe", "Sprachförderung"]
        mentioning.summary = "Kita und Familienzentrum mit Elterncafé, Beratung und Sprachförderung."
        mentioning.body = "Sprachförderung: Die Kinder lernen im Alltag Deutsch." + visit
        let index = try ParsedIndex(#require(SearchIndex.files(
            for: corpus.documents + [named, mentioning], vocabularies: corpus.vocabularies)["index.json"]))
        let weights = index.scores(of: Tokenizer.stem("sprachforderung"))
        #expect(weights[named.url]! > weights[mentioning.url]!, "\(weights)")
    }

    @Test func partsOfCompoundsFindTheirCompounds() throws {
        let index = try ParsedIndex(#require(FixtureCorpus.shared.files()["index.json"]))
        let beratung = index.scores(of: "beratung")
        #expect(beratung["/angebote/erziehungsberatung-kamen/"] != nil)
        #expect(beratung["/angebote/schuldnerberatung-kreis/"] != nil)
        // A part counts less than the word itself.
        let gesundheit = index.scores(of: "gesundhei")
        #expect(gesundheit["/angebote/kinder-jugendgesundheitsdienst/"] != nil)
    }

    /// "Schuldner- und Insolvenzberatung" names the Schuldnerberatung in its title.
    @Test func compoundsWrittenInPartAreIndexedWhole() throws {
        let index = try ParsedIndex(#require(FixtureCorpus.shared.files()["index.json"]))
        let whole = index.scores(of: Tokenizer.stem("schuldnerberatung"))
        #expect(whole.keys.sorted() == ["/angebote/schuldnerberatung-kreis/"])
        #expect(index.scores(of: "schuldn").isEmpty, "the first part is not left over")
    }

    @Test func documentsAreListedByTitle() throws {
        let index = try ParsedIndex(#require(FixtureCorpus.shared.files()["index.json"]))
        let titles = index.records.map { Tokenizer.words($0[1]).joined(separator: " ") }
        #expect(titles == titles.sorted())
    }

    @Test func countyWideOffersCountForEveryTown() throws {
        let index = try ParsedIndex(#require(FixtureCorpus.shared.files()["index.json"]))
        for town in FixtureCorpus.shared.vocabularies.towns {
            let offers = index.documents(withFacet: "ort", value: town.id)
            #expect(offers.contains("/angebote/schuldnerberatung-kreis/"))
            #expect(offers.contains("/angebote/kinder-jugendgesundheitsdienst/"))
        }
        #expect(index.documents(withFacet: "ort", value: "bergkamen").count == 3)
    }

    @Test func facetsCarryEveryFilter() throws {
        let index = try ParsedIndex(#require(FixtureCorpus.shared.files()["index.json"]))
        let documents = FixtureCorpus.shared.documents
        #expect(Set(index.documents(withFacet: "kosten", value: "frei")) == Set(documents.filter(\.free).map(\.url)))
        #expect(Set(index.documents(withFacet: "phase", value: "0-3"))
            == Set(documents.filter { $0.lifePhases.contains("0-3") }.map(\.url)))
        #expect(Set(index.documents(withFacet: "thema", value: "bildung"))
            == Set(documents.filter { $0.areas.contains("bildung") }.map(\.url)))
        #expect(index.documents(withFacet: "sprache", value: "uk") == ["/angebote/jugendberufsagentur-boenen/"])
        #expect(Set(index.documents(withFacet: "zugang", value: "yes"))
            == Set(documents.filter { $0.accessible == "yes" }.map(\.url)))
        #expect(Set(index.documents(withFacet: "zugang", value: "partly"))
            == Set(documents.filter { $0.accessible != nil && $0.accessible != "no" }.map(\.url)))
    }

    /// Drafts, inactive offers and confidential addresses are the generator's
    /// to keep out; the builder's part is to emit nothing but a document's
    /// record (url, title, place, summary), the vocabularies and terms made
    /// from the document's own text.
    @Test(arguments: layouts)
    func theIndexHoldsNothingBeyondTheDocumentsFields(_ folder: String, _ layout: SearchIndexLayout) throws {
        let corpus = FixtureCorpus.shared
        var allowed = Set<String>()
        // Compounds written in part are completed from the documents' own words.
        let words = Set(corpus.documents.flatMap { document in
            ([document.title, document.summary, document.body] + document.topics + document.locations)
                .flatMap(Tokenizer.keptWords)
        })
        for document in corpus.documents {
            allowed.formUnion([document.url, document.title, document.place, document.summary])
            for text in [document.title, document.summary, document.body, document.place] + document.topics
                + document.locations {
                allowed.formUnion(Tokenizer.tokens(text))
                allowed.formUnion(ElidedCompounds.complete(Tokenizer.markedWords(text), vocabulary: words)
                    .map(Tokenizer.stem))
            }
        }
        let vocabulary = corpus.vocabularies.towns + corpus.vocabularies.lifePhases + corpus.vocabularies.areas
            + FacetColumns.accessValues + [SearchFacetValue(id: "frei", name: "kostenlos")]
            + FacetColumns.languageNames.map { SearchFacetValue(id: $0.key, name: $0.value) }
        for value in vocabulary {
            allowed.formUnion([value.id, value.name] + Tokenizer.tokens(value.name))
        }
        allowed.formUnion(["ort", "phase", "thema", "kosten", "sprache", "zugang"])
        for (path, data) in corpus.files(layout) {
            let json = try JSONSerialization.jsonObject(with: data)
            var strings: [String] = []
            collectStrings(json, into: &strings, facetBits: true)
            for string in strings where !allowed.contains(string) {
                Issue.record("\(folder)/\(path) holds \"\(string)\", which no document field explains")
            }
            let text = String(decoding: data, as: UTF8.self)
            for document in corpus.documents {
                #expect(!text.contains(document.body), "the body is indexed, never stored")
            }
        }
    }

    @Test func aSplitIndexHasEveryTermInTheShardOfItsPrefix() throws {
        let files = FixtureCorpus.shared.files(SearchIndexLayout(maxSingleFileBytes: 0))
        let single = try ParsedIndex(#require(FixtureCorpus.shared.files()["index.json"]))
        var terms: [String] = []
        for (path, data) in files where path.hasPrefix("t/") {
            let shard = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let shardTerms = try #require(shard["t"] as? [String])
            for term in shardTerms {
                #expect(path == "t/\(searchShardName(String(String.UnicodeScalarView(term.unicodeScalars.prefix(2))))).json")
            }
            terms += shardTerms
        }
        #expect(terms.sorted() == single.terms.sorted())
        var records: [[String]] = []
        for number in 0..<files.keys.filter({ $0.hasPrefix("r/") }).count {
            let chunk = try #require(files["r/\(number).json"])
            records += try #require(try JSONSerialization.jsonObject(with: chunk) as? [[String]])
        }
        #expect(records == single.records)
    }

    @Test func shardNamesAreSafeFileNames() {
        #expect(searchShardName("he") == "he")
        #expect(searchShardName("мa") == "_43c_a")
    }

    @Test func jsonStringsAreEscaped() {
        #expect(IndexJSON.string("a\"b\\c\n\u{1}/ü") == "\"a\\\"b\\\\c\\n\\u0001/ü\"")
    }
}

/// Every string in a parsed JSON value; facet bit columns (the third element
/// of a facet) are skipped, as they are not text.
private func collectStrings(_ value: Any, into strings: inout [String], facetBits: Bool) {
    switch value {
    case let string as String: strings.append(string)
    case let array as [Any]:
        if facetBits, array.count == 3, array[0] is String, array[1] is [Any], array[2] is String {
            collectStrings(array[1], into: &strings, facetBits: false)
        } else {
            for element in array { collectStrings(element, into: &strings, facetBits: facetBits) }
        }
    case let object as [String: Any]:
        for (_, element) in object { collectStrings(element, into: &strings, facetBits: facetBits) }
    default: break
    }
}
