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
        for completion in completions(
            count: words.count, word: { words[$0].word }, truncated: { words[$0].truncated }, isKnown: isKnown) {
            completed[completion.position] = completion.word
        }
        return completed
    }

    /// The completed first parts of a text of `count` words, by position;
    /// the words are asked for only around a truncated one.
    static func completions(
        count: Int, word: (Int) -> String, truncated: (Int) -> Bool, isKnown: (String) -> Bool
    ) -> [(position: Int, word: String)] {
        var found: [(position: Int, word: String)] = []
        for index in 0..<count where truncated(index) {
            var next = index + 1
            while next < count, truncated(next) { next += 1 }
            guard next + 1 < count, conjunctions.contains(word(next)), !truncated(next + 1),
                  let tail = lastPart(of: word(next + 1), isKnown: isKnown) else { continue }
            found.append((index, word(index) + tail))
        }
        return found
    }

    /// The longest word of the vocabulary that ends `compound` and begins at
    /// least `Scoring.minimumCompoundHead` letters into it, as compound parts
    /// are found: "beratungsstelle" in "familienberatungsstelle" when the text
    /// has that word, else "stelle".
    static func lastPart(of compound: String, isKnown: (String) -> Bool) -> String? {
        // Where each letter starts in the UTF-8; a part is made from the bytes
        // (a short one without allocating), not letter by letter.
        let bytes = Array(compound.utf8)
        let starts = bytes.indices.filter { bytes[$0] & 0xC0 != 0x80 }
        guard starts.count >= Scoring.minimumCompoundHead + Scoring.minimumCompoundPart else { return nil }
        for start in Scoring.minimumCompoundHead...(starts.count - Scoring.minimumCompoundPart) {
            let part = String(decoding: bytes[starts[start]...], as: UTF8.self)
            if isKnown(part) { return part }
        }
        return nil
    }
}
