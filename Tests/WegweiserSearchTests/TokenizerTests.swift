// The Swift tokeniser: the vectors shared with search.js, and the steps one by one.

import Foundation
import Testing
@testable import WegweiserSearch

struct TokenVector: Sendable, CustomTestStringConvertible {
    var text: String
    var tokens: [String]
    var testDescription: String { text }

    /// Tests/Fixtures/search/token-vectors.tsv: `text<TAB>tokens`, `#` comments.
    static let all: [TokenVector] = {
        let text = (try? String(contentsOf: Fixtures.url("token-vectors.tsv"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: true).compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            let tokens = parts.count > 1 ? parts[1].split(separator: " ").map(String.init) : []
            return TokenVector(text: String(parts[0]), tokens: tokens)
        }
    }()
}

/// Tests/Fixtures/search/, found from this file.
enum Fixtures {
    static func url(_ path: String) -> URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/search").appendingPathComponent(path)
    }
}

@Suite struct TokenizerTests {
    @Test func theSharedVectorsAreThere() {
        #expect(TokenVector.all.count >= 300)
    }

    @Test(arguments: TokenVector.all)
    func sharedVector(_ vector: TokenVector) {
        #expect(Tokenizer.tokens(vector.text) == vector.tokens)
    }

    @Test(arguments: [
        ("Hebamme", "HEBAMMEN"), ("Straße", "STRASSE"), ("Fröndenberg", "Froendenberg"),
        ("Ärztin", "Aerztin"), ("Übergang", "Uebergang"), ("Bönen", "Boenen"), ("Café", "cafe"),
        ("Frühförderung", "Fruehfoerderung"), ("Familien\u{AD}zentrum", "Familienzentrum"),
    ])
    func spellingsMeet(_ one: String, _ other: String) {
        #expect(Tokenizer.tokens(one) == Tokenizer.tokens(other))
    }

    @Test func foldingKeepsWordsApartAtPunctuationAndHyphens() {
        #expect(Tokenizer.words("Kinder- und Jugendgesundheitsdienst, Öffnungszeiten: 9–12 Uhr")
            == ["kinder", "und", "jugendgesundheitsdienst", "offnungszeiten", "9", "12", "uhr"])
    }

    @Test func aHyphenBeforeASpaceOrCommaMarksAFirstPartWrittenAlone() {
        let marked = Tokenizer.markedWords("Oster-, Sommer- und Herbstferien; Eltern-Kind-Gruppe - offen, Kinder-")
        #expect(marked.map(\.word) == ["oster", "sommer", "und", "herbstferien", "eltern", "kind", "gruppe", "offen", "kinder"])
        #expect(marked.filter(\.truncated).map(\.word) == ["oster", "sommer", "kinder"])
    }

    @Test(arguments: [
        ("Erziehungs- und Familienberatung", ["erziehungsberatung", "und", "familienberatung"]),
        ("Oster-, Sommer- und Herbstferien", ["osterferien", "sommerferien", "und", "herbstferien"]),
        ("Schuldner- oder Insolvenzberatung", ["schuldnerberatung", "oder", "insolvenzberatung"]),
        // The longest known word ends the compound: "beratungsstelle", not "stelle".
        ("Erziehungs- und Familienberatungsstelle", ["erziehungsberatungsstelle", "und", "familienberatungsstelle"]),
        // No conjunction, or no known last part: left as written.
        ("Erziehungs- Familienberatung", ["erziehungs", "familienberatung"]),
        ("Grund- und weiterführende Schulen", ["grund", "und", "weiterfuhrende", "schulen"]),
    ])
    func compoundsWrittenInPartAreCompleted(_ text: String, _ words: [String]) {
        let vocabulary: Set<String> = ["beratung", "beratungsstelle", "stelle", "ferien", "schulen"]
        #expect(ElidedCompounds.complete(Tokenizer.markedWords(text), vocabulary: vocabulary) == words)
    }

    @Test func stopWordsAndSingleLettersAreDropped() {
        #expect(Tokenizer.tokens("Die Hilfe für die Familie in 3 Schritten") == ["hilf", "familie", "schritt"])
    }

    @Test(arguments: [
        ("hebamme", "hebamm"), ("hebammen", "hebamm"), ("kinder", "kind"), ("beratungen", "beratung"),
        ("schwanger", "schwang"), ("dienst", "dien"), ("gesundheit", "gesundhei"), ("eltern", "elter"),
        ("wochenende", "woch"), ("strasse", "strass"),
        // No "ge-" rule: a prefix and its word keep their first letters.
        ("gesundheitsamt", "gesundheitsam"), ("geburt", "gebur"),
    ])
    func cistem(_ word: String, _ stem: String) {
        #expect(Tokenizer.stem(word) == stem)
    }

    @Test func cistemRestoresDoubledLettersAndLetterGroups() {
        #expect(Tokenizer.stem("schschule") == "schschul")
        #expect(Tokenizer.stem("kleiderkammer") == "kleiderkamm")
        #expect(Tokenizer.stem("familie") == "familie")
    }
}
