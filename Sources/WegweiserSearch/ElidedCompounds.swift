// Compounds that German writes in part: "Erziehungs- und Familienberatung"
// means "Erziehungsberatung und Familienberatung". The index completes the
// hyphenated first part with the last part of the compound after the
// conjunction, so the offer is found, and ranked, for the compound it names.
// The query side has no need of it: people type whole words.

enum ElidedCompounds {
    /// The words that join the parts: "und", "oder", "bzw." and "sowie".
    static let conjunctions: Set<String> = ["und", "oder", "bzw", "sowie"]

    /// The words of one text, with each truncated first part completed where
    /// the text goes on with a conjunction and a whole compound whose last
    /// part is a word of `vocabulary`: "oster- sommer- und herbstferien"
    /// becomes "osterferien sommerferien und herbstferien". A part that cannot
    /// be completed stays as written.
    static func complete(_ words: [(word: String, truncated: Bool)], vocabulary: Set<String>) -> [String] {
        complete(words, isKnown: vocabulary.contains)
    }

    /// The same, with the vocabulary as a test: true for its words.
    static func complete(_ words: [(word: String, truncated: Bool)], isKnown: (String) -> Bool) -> [String] {
        var completed = words.map(\.word)
        for index in words.indices where words[index].truncated {
            var next = index + 1
            while next < words.count, words[next].truncated { next += 1 }
            guard next + 1 < words.count, conjunctions.contains(words[next].word), !words[next + 1].truncated,
                  let tail = lastPart(of: words[next + 1].word, isKnown: isKnown) else { continue }
            completed[index] = words[index].word + tail
        }
        return completed
    }

    /// The longest word of the vocabulary that ends `compound` and begins at
    /// least `Scoring.minimumCompoundHead` letters into it, as compound parts
    /// are found: "beratungsstelle" in "familienberatungsstelle" when the text
    /// has that word, else "stelle".
    static func lastPart(of compound: String, isKnown: (String) -> Bool) -> String? {
        let letters = Array(compound.unicodeScalars)
        guard letters.count >= Scoring.minimumCompoundHead + Scoring.minimumCompoundPart else { return nil }
        for start in Scoring.minimumCompoundHead...(letters.count - Scoring.minimumCompoundPart) {
            var part = String.UnicodeScalarView()
            part.append(contentsOf: letters[start...])
            if isKnown(String(part)) { return String(part) }
        }
        return nil
    }
}
