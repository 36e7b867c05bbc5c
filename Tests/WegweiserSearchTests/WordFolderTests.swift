// The byte tokeniser folds as the whole-text definition does (lower case and
// NFKD of the whole text, then a Unicode scalar at a time), which is kept here
// as the model: on the fixture corpus, on every character of the table's
// ranges, and on random texts mixing ASCII, umlauts, marks and other scripts.
import Foundation
import Testing
@testable import WegweiserSearch

@Suite struct WordFolderTests {
    @Test func theFixtureCorpusFoldsAsByTheDefinition() {
        let documents = FixtureCorpus.shared.documents
        #expect(!documents.isEmpty)
        for document in documents {
            for text in [document.title, document.summary, document.body, document.place] + document.topics + document.locations {
                #expect(Tokenizer.markedWords(text).map(Pair.init) == ReferenceTokenizer.markedWords(text).map(Pair.init))
            }
        }
    }

    @Test func everyCharacterUpToU07FFAndThePunctuationBlock() {
        for value in Array(UInt32(0)..<0x800) + Array(UInt32(0x2000)..<0x2070) + [0x20AC, 0x212A, 0x2163, 0xFB01, 0xFF21, 0x1F46A] {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in ["ab" + String(Character(scalar)) + "cd", String(Character(scalar)) + "e- x", "Kinder-" + String(Character(scalar))] {
                #expect(Tokenizer.markedWords(text).map(Pair.init) == ReferenceTokenizer.markedWords(text).map(Pair.init),
                        "U+\(String(value, radix: 16))")
            }
        }
    }

    @Test func randomTexts() {
        let alphabet: [String] = [
            "a", "e", "o", "u", "A", "E", "U", "x", "Z", "0", "9", " ", "-", ",", ".", "\n", "\t", "ä", "Ä", "ö", "ü", "Ü",
            "ß", "ẞ", "é", "e\u{301}", "\u{301}", "\u{308}", "\u{AD}", "\u{200B}", "\u{2010}", "\u{2011}", "–", "„", "“",
            "æ", "Œ", "ø", "ł", "ı", "İ", "ς", "Σ", "ﬁ", "½", "²", "Ⅳ", "ｆ", "K", "Å", "ğ", "ş", "я", "Ж", "ع", "ש", "中",
            "文", "👪", "🇩🇪", "\u{1D165}\u{1D16D}", "\u{0F71}\u{0F72}", "ǅ", "ʰ",
        ]
        var generator = SplitMix(seed: 17)
        for _ in 0..<2000 {
            let length = Int(generator.next() % 24)
            let text = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
            #expect(Tokenizer.markedWords(text).map(Pair.init) == ReferenceTokenizer.markedWords(text).map(Pair.init),
                    "\(text.debugDescription)")
        }
    }

    /// A word and its mark, comparable.
    struct Pair: Equatable {
        var word: String
        var truncated: Bool
        init(_ marked: (word: String, truncated: Bool)) {
            word = marked.word
            truncated = marked.truncated
        }
    }
}

/// A small deterministic random number generator for the tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The tokeniser's folding as it was written before it worked on bytes:
/// the whole text lower-cased and decomposed, then one scalar at a time.
enum ReferenceTokenizer {
    static func markedWords(_ text: String) -> [(word: String, truncated: Bool)] {
        var words: [(word: String, truncated: Bool)] = []
        var current = String.UnicodeScalarView()
        let scalars = Array(text.lowercased().decomposedStringWithCompatibilityMapping.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let category = scalar.properties.generalCategory
            if category == .nonspacingMark || category == .format { continue }
            if let replacement = Tokenizer.letterReplacements[scalar] {
                current.append(contentsOf: replacement.unicodeScalars)
                continue
            } else if Tokenizer.isWordCategory(category) {
                current.append(scalar)
                continue
            }
            if !current.isEmpty {
                let next = index + 1 < scalars.count ? scalars[index + 1] : nil
                let truncated = Tokenizer.isHyphen(scalar)
                    && (next == nil || next == "," || next!.properties.isWhitespace)
                words.append((joinUmlautSpellings(String(current)), truncated))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append((joinUmlautSpellings(String(current)), false)) }
        return words
    }

    static func joinUmlautSpellings(_ word: String) -> String {
        let scalars = Array(word.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            out.append(scalar)
            if index + 1 < scalars.count, scalars[index + 1] == "e",
               scalar == "a" || scalar == "o" || scalar == "u" {
                index += 2
            } else {
                index += 1
            }
        }
        return String(out)
    }
}
