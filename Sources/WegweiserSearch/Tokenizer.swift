// The tokeniser shared by the index (here) and the query (templates/assets/search.js).
// Both must produce the same tokens for the same text; the shared vectors in
// Tests/Fixtures/search/token-vectors.tsv prove it. Change one, change both.

import Foundation

public enum Tokenizer {
    /// The index terms of a text: folded, split into words, stop words and
    /// one-letter words dropped, each word stemmed.
    public static func tokens(_ text: String) -> [String] {
        keptWords(text).map(stem)
    }

    /// The folded words that become terms, before stemming.
    public static func keptWords(_ text: String) -> [String] {
        words(text).filter(isKept)
    }

    /// True for a folded word that becomes a term: two letters or more, not a stop word.
    static func isKept(_ word: String) -> Bool {
        word.unicodeScalars.count >= 2 && !stopWords.contains(word)
    }

    /// True for the folded bytes of a stop word.
    static func isStopWord(_ word: some Collection<UInt8>) -> Bool {
        word.count <= longestStopWord && stopWordTable.contains(word)
    }

    private static let longestStopWord = stopWords.map(\.utf8.count).max() ?? 0

    private static let stopWordTable: WordTable = {
        var table = WordTable(capacity: stopWords.count)
        for word in stopWords.sorted() { table.insert(word) }
        return table
    }()

    /// The stem of one folded word.
    public static func stem(_ word: String) -> String {
        Cistem.stem(word)
    }

    /// The folded words of a text before stemming: lower case, compatibility
    /// decomposition with the accents dropped, ß → ss, and ae/oe/ue → a/o/u
    /// so that "Aerztin" and "Ärztin" meet (ä has already become a by then).
    public static func words(_ text: String) -> [String] {
        markedWords(text).map(\.word)
    }

    /// The folded words of a text, each marked when it is the first part of a
    /// compound whose rest is left to a later word: a hyphen right after it,
    /// then a space, a comma or the end ("Erziehungs- und Familienberatung",
    /// "Oster-, Sommer- und Herbstferien"). Only the index uses the mark.
    static func markedWords(_ text: String) -> [(word: String, truncated: Bool)] {
        var folder = WordFolder(into: MarkedWords())
        var text = text
        text.withUTF8 { folder.fold($0) }
        return folder.output.words
    }

    /// Hyphen-minus, hyphen and non-breaking hyphen. Asked at the end of
    /// every word, so a comparison rather than a set that hashes.
    static func isHyphen(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "\u{2010}" || scalar == "\u{2011}"
    }

    /// ASCII letters and digits: the ASCII part of `[\p{L}\p{N}]`.
    static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte)
    }

    /// Letters and numbers, as JavaScript's `[\p{L}\p{N}]`.
    static func isWordCategory(_ category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// Letters that compatibility decomposition leaves alone but a German
    /// reader treats as spellings of plain Latin letters. The final sigma is
    /// here because JavaScript's toLowerCase makes it and Swift's does not.
    static let letterReplacements: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d",
        "þ": "th", "ı": "i", "ς": "σ",
    ]

    /// Function words that say nothing about an offer, in folded spelling.
    /// Dropping them keeps the index small; the query keeps a stop word that
    /// is still being typed, since "die" may become "dienst".
    public static let stopWords: Set<String> = [
        "ab", "aber", "alle", "allen", "aller", "als", "also", "am", "an", "auch", "auf", "aus",
        "bei", "beim", "bin", "bis", "bist", "da", "damit", "dann", "das", "dass", "dem", "den",
        "der", "des", "die", "dies", "diese", "diesem", "diesen", "dieser", "dieses", "dir", "doch",
        "du", "durch", "ein", "eine", "einem", "einen", "einer", "eines", "er", "es", "etwa",
        "fur", "hat", "hier", "ihr", "ihre", "ihrem", "ihren", "ihrer", "im", "in", "ins", "ist",
        "ja", "jede", "jeden", "jeder", "man", "mit", "nach", "nicht", "noch", "nur", "ob", "oder",
        "ohne", "sich", "sie", "sind", "so", "um", "und", "uns", "unser", "unsere", "vom", "von",
        "vor", "war", "was", "wer", "wie", "wir", "wird", "wo", "zu", "zum", "zur",
    ]
}
