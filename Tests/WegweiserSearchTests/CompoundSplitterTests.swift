// Compound splitting: a word inside a compound, not only at its start or end,
// becomes a term of the compound's offers, split by the corpus's own words or
// by a German word list (a small one here; the build reads Debian's wngerman).
// The word list itself never reaches the index.

import Foundation
import Testing
@testable import WegweiserSearch

@Suite struct CompoundSplitterTests {
    /// A few lines as wngerman has them: nouns with a capital, verb forms in
    /// small letters, words that are chance substrings of others.
    static let dictionary = CompoundDictionary(words: [
        "Baby", "schwimm", "Kurs", "Kurse", "alleinerziehenden", "allein", "erziehenden", "Eltern", "Treff",
        "Familie", "Familien", "Zentrum", "Erziehung", "Beratung", "Stelle", "Schule", "Kinder", "schwanger", "Wange",
        "Anger", "Schaft", "Berater", "berate", "Rinnen", "innen", "werd", "Ende", "Konten", "Akte",
        "Kontakte", "Zebra", "Garten", "Spiel", "spie", "Ecke", "lecke",
    ])

    static func parts(_ word: String, dictionary: CompoundDictionary? = dictionary, corpus: [String] = []) -> [String] {
        let folded = Tokenizer.words(word)[0]
        return CompoundSplitter.parts(of: Set([folded] + corpus), dictionary: dictionary)[folded] ?? []
    }

    @Test(arguments: [
        ("Babyschwimmkurs", ["kurs", "schwimm"]),
        ("Alleinerziehendenelterntreff", ["eltern", "erziehenden", "treff"]),
        // Linking elements: familie·n·zentrum, beratung·s·stelle.
        ("Familienzentrum", ["zentrum"]),
        ("Erziehungsberatungsstelle", ["beratung", "stelle"]),
        // A first part shortened to its stem: schul(e)·kinder.
        ("Schulkinder", ["kinder"]),
        ("Kindergarten", ["garten"]),
    ])
    func aCompoundSplitsIntoTheWordsOfTheList(_ word: String, _ expected: [String]) {
        #expect(Self.parts(word) == expected)
    }

    @Test(arguments: [
        // "wange" and "anger" lie inside, but the word is schwanger·schaft.
        ("Schwangerschaft", ["schaft"]),
        // Feminine endings are split off first: berater·innen, no berate·rinnen.
        ("Beraterinnen", []),
        // A participle ends in "-ende": no werd·ende.
        ("Werdende", []),
        // A word of the list is not split with a shortened part: no kont(en)·akte.
        ("Kontakte", []),
        // Of two splits as even, the longer first part: spiel·ecke, no spie·lecke.
        ("Spielecke", ["ecke"]),
    ])
    func chanceWordsAreNoParts(_ word: String, _ expected: [String]) {
        #expect(Self.parts(word) == expected)
    }

    @Test func withoutAListTheCorpusWordsSplit() {
        #expect(Self.parts("Alleinerziehendenelterntreff", dictionary: nil) == [])
        #expect(Self.parts("Alleinerziehendenelterntreff", dictionary: nil, corpus: ["allein", "erziehenden", "eltern", "treff"])
            == ["eltern", "erziehenden", "treff"])
    }

    @Test func theListIsFoldedAsTheTokeniserFoldsWords() {
        let list = CompoundDictionary(wordList: "Übung\nStraße\nab\nund\nKfz-Steuer\nBüro\r\nÄrztin\n")
        #expect(list.words == ["ubung", "strasse", "buro", "arztin"], "short words, stop words and lines of two words are dropped")
        #expect(list.count == 4)
        // Lines of ASCII letters and umlauts take a shorter way; it must fold alike.
        let ascii = ["Feuerwehr", "Aerztin", "KITA", "Muetter", "Poesie", "Übergänge", "GRÖSSE", "Fußball", "Äußerung", "Café", "Straße\r"]
        #expect(CompoundDictionary(words: ascii).words == Set(ascii.flatMap(Tokenizer.words)))
        #expect(list.parts(of: "Babyschwimmkurs") == [])
        #expect(Self.dictionary.parts(of: "Babyschwimmkurs und Elternkurse") == ["kurs", "schwimm", "kurse"])
    }

    @Test func aListThatIsNotUTF8IsRefused() {
        #expect(CompoundDictionary(utf8: Array("Übung\nStraße\n".utf8)) != nil)
        // A byte that starts no character, inside a line and in a line of its own.
        #expect(CompoundDictionary(utf8: Array("Übung\nStra".utf8) + [0xFF] + Array("e\nBüro\n".utf8)) == nil)
        #expect(CompoundDictionary(utf8: Array("Übung\n".utf8) + [0xC3, 0x0A]) == nil)
    }

    @Test func everyWordOfALongListIsFound() {
        // Folded and hashed in pieces on all cores, then put in one table.
        let words = (0..<5_000).map { "wort\(String($0, radix: 26))gruppe" }
        let folded = words.map { Tokenizer.words($0)[0] }
        let list = CompoundDictionary(words: words)
        let listed = list.words
        #expect(list.count == Set(folded).count && list.count > 4_900)
        #expect(folded.allSatisfy(listed.contains))
        #expect(!listed.contains("wortgruppe"))
    }

    /// A build puts only the listed words a split may ask for in its table;
    /// every split must come out as with the whole list.
    @Test func theWordsABuildLeavesOutChangeNoSplit() {
        var random = SystemRandomNumberGenerator()
        // No "e" or "n" in a stem: those come only from the endings a split
        // puts back and from the linking elements.
        let letters = Array("abdfghiklmoprstuwz")
        func word(_ length: Int) -> String { String((0..<length).map { _ in letters.randomElement(using: &random)! }) }
        let stems = (0..<200).map { _ in word(Int.random(in: 4...7, using: &random)) }
        // Stems listed only with the ending a compound drops ("schul" of "schule").
        let shortened = (0..<100).map { _ in word(Int.random(in: 4...7, using: &random)) }
        let listed = stems + shortened.flatMap { [$0 + "e", $0 + "en"] } + (0..<3_000).map { _ in word(Int.random(in: 4...12, using: &random)) }
        let joins = ["", "s", "n", "en", "e", "er"]
        let compounds = (0..<1_000).map { _ in
            (0..<Int.random(in: 2...3, using: &random)).map { _ in
                Bool.random(using: &random) ? shortened.randomElement(using: &random)! : stems.randomElement(using: &random)! + joins.randomElement(using: &random)!
            }.joined() + stems.randomElement(using: &random)!
        }
        let vocabulary = Array(Set(compounds + stems.prefix(50)))
        let dictionary = CompoundDictionary(words: listed)

        let table = dictionary.table(splitting: vocabulary)
        #expect(table.count < dictionary.count / 2, "most of the list is left out")
        let all = dictionary.words, words = Set(vocabulary)
        let whole = CompoundSplitter.KnownWords(
            isWord: { words.contains(String(decoding: $0, as: UTF8.self)) || all.contains(String(decoding: $0, as: UTF8.self)) },
            isListed: { all.contains(String(decoding: $0, as: UTF8.self)) })
        let expected = CompoundSplitter.parts(of: vocabulary, known: whole)
        #expect(expected.filter { $0.contains(where: { $0.hasSuffix("e") }) }.count > 200, "shortened parts are found")
        let found = CompoundSplitter.parts(of: vocabulary, known: CompoundSplitter.KnownWords(vocabulary: vocabulary, dictionary: dictionary))
        let differing = vocabulary.indices.filter { found[$0] != expected[$0] }
        #expect(differing.isEmpty, "\(differing.prefix(3).map { "\(vocabulary[$0]): \(found[$0]), not \(expected[$0])" })")
    }

    static let documents = [
        SearchDocument(
            url: "/angebote/schwimmen/", title: "Babyschwimmkurs", summary: "Im Wasser mit dem Baby.", topics: [],
            body: "Für Eltern mit Babys.", place: "Unna", municipalities: ["unna"], countyWide: false,
            lifePhases: [], areas: [], free: false, languages: [], accessible: nil),
        SearchDocument(
            url: "/angebote/treff/", title: "Alleinerziehendenelterntreff", summary: "Austausch bei Kaffee.", topics: [],
            body: "Kinder spielen nebenan.", place: "Kamen", municipalities: ["kamen"], countyWide: false,
            lifePhases: [], areas: [], free: false, languages: [], accessible: nil),
    ]
    static let vocabularies = SearchVocabularies(towns: [], lifePhases: [], areas: [])

    static func index(_ dictionary: CompoundDictionary?) throws -> ParsedIndex {
        try ParsedIndex(#require(SearchIndex.files(
            for: documents, vocabularies: vocabularies, dictionary: dictionary)["index.json"]))
    }

    @Test func aWordInsideACompoundFindsItsOffer() throws {
        let plain = try Self.index(nil), split = try Self.index(Self.dictionary)
        let schwimm = Tokenizer.stem("schwimm")
        #expect(plain.scores(of: schwimm).isEmpty, "no other offer says \"schwimm\"")
        #expect(Array(split.scores(of: schwimm).keys) == ["/angebote/schwimmen/"])
        // "eltern" is a word of the first offer, so it is a part of the second
        // one's compound with or without the list; the list adds "treff".
        let eltern = Tokenizer.stem("eltern")
        #expect(plain.scores(of: eltern)["/angebote/treff/"] != nil)
        #expect(split.scores(of: Tokenizer.stem("treff"))["/angebote/treff/"] != nil)
        // A part counts less than the word itself.
        let both = try #require(split.scores(of: eltern)["/angebote/treff/"])
        #expect(both < split.scores(of: Tokenizer.stem("alleinerziehendenelterntreff"))["/angebote/treff/"]!)
    }

    /// The list's words reach the index only as parts of the offers' words.
    @Test func theWordListIsNotShipped() throws {
        let split = try Self.index(Self.dictionary)
        let allowed = Set(Self.documents.flatMap { document in
            [document.title, document.summary, document.body, document.place].flatMap(Tokenizer.tokens)
        }).union(["kurs", "schwimm", "eltern", "treff", "erziehenden"].map(Tokenizer.stem))
        #expect(Set(split.terms).isSubset(of: allowed), "\(Set(split.terms).subtracting(allowed).sorted())")
        #expect(!split.terms.contains(Tokenizer.stem("zebra")))
    }

    @Test func splittingIsDeterministic() {
        let reversed = CompoundDictionary(words: Self.dictionary.words.sorted().reversed())
        let once = SearchIndex.files(for: Self.documents, vocabularies: Self.vocabularies, dictionary: Self.dictionary)
        #expect(once == SearchIndex.files(
            for: Self.documents.reversed(), vocabularies: Self.vocabularies, dictionary: reversed))
    }
}
