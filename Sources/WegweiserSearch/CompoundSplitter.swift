// Splitting German compounds into the words they are made of, so that a word
// typed by a family is found inside a compound, not only at its start:
// "schwimm" in "Babyschwimmkurs", "eltern" in "Alleinerziehendenelterntreff".
// The parts come from the corpus's own words and, when the build is given one,
// a German word list (Debian's wngerman). The word list stays in the build:
// only the parts it finds become index terms.

/// A German word list, folded as the tokeniser folds words: "Schwimmkurs"
/// becomes "schwimmkurs", "Übung" "ubung". Only words that can be a part of a
/// compound are kept (at least `Scoring.minimumCompoundPart` letters, not a
/// stop word). Capitals are dropped: wngerman writes a word that is both a
/// noun and a verb form once, in small letters ("stelle"), so they cannot
/// tell the nouns.
public struct CompoundDictionary: Sendable, Equatable {
    var words: Set<String>

    /// The words of a word list with one word a line, as
    /// `/usr/share/dict/ngerman` has them. Lines that fold to more than one
    /// word (none in wngerman) or to none are skipped.
    public init(wordList: String) {
        var words = Set<String>()
        words.reserveCapacity(wordList.utf8.count / 10)
        // Lines split by bytes: splitting 4 MB by Characters (grapheme
        // clusters) costs more than all the rest.
        for line in wordList.utf8.split(separator: 0x0A) {
            if let word = Self.fold(line) { words.insert(word) }
        }
        self.words = words
    }

    public init(words: some Sequence<String>) {
        self.init(wordList: words.joined(separator: "\n"))
    }

    /// How many words the list has after folding.
    public var count: Int { words.count }

    func contains(_ word: String) -> Bool { words.contains(word) }

    /// The parts the index adds for one word of a text, the first part left
    /// out, split with this list alone: "Babyschwimmkurs" → "kurs", "schwimm".
    /// For looking at splits by eye (`wegweiser-search-index split`).
    public func parts(of text: String) -> [String] {
        Tokenizer.words(text).flatMap { word in
            CompoundSplitter.parts(of: [word], dictionary: self)[word] ?? []
        }
    }

    /// The folded word of one line, or nil when it is no possible part. Most
    /// lines are ASCII letters and umlauts; they are folded byte by byte, as
    /// the tokeniser would fold them, which makes reading wngerman's 350,000
    /// lines several times faster than Unicode normalisation. Other lines go
    /// through the tokeniser.
    private static func fold(_ line: Substring.UTF8View) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(line.count + 2)
        var index = line.startIndex, plain = true
        while index < line.endIndex {
            let byte = line[index]
            line.formIndex(after: &index)
            switch byte {
            case 0x61...0x7A: bytes.append(byte)
            case 0x41...0x5A: bytes.append(byte | 0x20)
            case 0x0D where index == line.endIndex: break
            case 0xC3 where index < line.endIndex:
                let next = line[index]
                line.formIndex(after: &index)
                switch next {
                case 0xA4, 0x84: bytes.append(0x61) // ä Ä
                case 0xB6, 0x96: bytes.append(0x6F) // ö Ö
                case 0xBC, 0x9C: bytes.append(0x75) // ü Ü
                case 0x9F: bytes += [0x73, 0x73] // ß
                default: plain = false
                }
            default: plain = false
            }
            if !plain { break }
        }
        let word: String
        if plain {
            word = Tokenizer.joinUmlautSpellings(String(decoding: bytes, as: UTF8.self))
        } else {
            let words = Tokenizer.words(String(decoding: line, as: UTF8.self))
            guard words.count == 1 else { return nil }
            word = words[0]
        }
        guard word.unicodeScalars.count >= Scoring.minimumCompoundPart, Tokenizer.isKept(word) else { return nil }
        return word
    }
}

/// Splits a folded word into known words, the way German joins them: with a
/// linking element between two parts ("beratung·s·stelle", "familie·n·zentrum")
/// or with a first part shortened to its stem ("schul·kinder" from "Schule",
/// "sprech·stunde" from "sprechen"). Known words are those of the corpus and
/// of the dictionary. A split must cover the whole word, which keeps chance
/// words out: "schwangerschaft" holds "wange", but no split of it uses that.
/// Endings that look like words are not parts: "innen" in "beraterinnen" (the
/// word is split as "berater"), "ende" in "werdende".
enum CompoundSplitter {
    /// Linking elements (Fugenelemente), in the order they are tried.
    static let linkingElements: [[Unicode.Scalar]] = ["s", "es", "n", "en", "e", "er", "ens"].map { Array($0.unicodeScalars) }
    /// Endings a first part drops: "schul" for "schule", "sprech" for
    /// "sprechen"; "e" last, so that it wins a tie ("schule", not "schulen").
    /// Not in a word of the dictionary: "kontakte" is no "kont(en)·akte",
    /// "kleidung" no "klei(e)·dung".
    static let droppedEndings = ["en", "e"]
    /// Feminine endings, split off before the word is split: "beraterinnen"
    /// is split as "berater", which is no "berate·rinnen".
    static let feminineEndings: [[Unicode.Scalar]] = ["innen", "in"].map { Array($0.unicodeScalars) }
    /// Endings of present participles that are words of their own ("ende",
    /// "enden"): never the last part ("werdende", "alleinerziehenden").
    static let participleEndings: Set<String> = ["ende", "endem", "enden", "ender", "endes"]

    /// The words a part may be (the corpus's and the dictionary's), and those
    /// of the dictionary alone.
    struct KnownWords {
        var isWord: (String) -> Bool
        var isListed: (String) -> Bool
    }

    /// One part of a split: where it starts in the compound, and the known
    /// word it stands for ("sprechen" for the "sprech" of "sprechstunde").
    struct Part: Equatable {
        var offset: Int
        var word: String
    }

    /// For each word of `vocabulary` that splits, its parts except the first
    /// (which a typed prefix finds anyway), the parts of long parts included:
    /// "babyschwimmkurs" → "kurs", "schwimm" (with wngerman, which knows the
    /// imperative "schwimm"). Sorted; words that do not split are left out.
    static func parts(of vocabulary: Set<String>, dictionary: CompoundDictionary?) -> [String: [String]] {
        let known = KnownWords(
            isWord: { vocabulary.contains($0) || dictionary?.contains($0) == true },
            isListed: { dictionary?.contains($0) == true })
        var parts: [String: [String]] = [:]
        for word in vocabulary {
            let found = Set(allParts(of: Array(word.unicodeScalars), known: known).filter { $0.offset > 0 }.map(\.word))
                .subtracting([word])
            if !found.isEmpty { parts[word] = found.sorted(by: scalarOrder) }
        }
        return parts
    }

    /// The parts of the best split of `letters`, and of the best splits of its
    /// parts, with offsets into `letters`.
    static func allParts(of letters: [Unicode.Scalar], known: KnownWords) -> [Part] {
        guard let split = split(withoutFeminineEnding(letters, isWord: known.isWord), known: known) else { return [] }
        var all = split
        for part in split {
            // A part's own parts: "erziehungsberatungsstelle" is
            // "erziehung·s·beratungsstelle", and "beratungsstelle" has "stelle".
            let inner = allParts(of: Array(part.word.unicodeScalars), known: known)
            all += inner.map { Part(offset: part.offset + $0.offset, word: $0.word) }
        }
        return all
    }

    /// "berater" for "beraterinnen" and "beraterin" when "berater" is a
    /// known word; else the letters as they are.
    static func withoutFeminineEnding(_ letters: [Unicode.Scalar], isWord: (String) -> Bool) -> [Unicode.Scalar] {
        for ending in feminineEndings where letters.count > ending.count + Scoring.minimumCompoundPart
            && Array(letters.suffix(ending.count)) == ending {
            let base = Array(letters.dropLast(ending.count))
            if isWord(text(base[...])) { return base }
        }
        return letters
    }

    /// The best split into two or more known words: fewest parts; then parts
    /// of even length (the largest product of their lengths: "anlauf·stelle",
    /// not "anlaufst·elle"); then fewest linking elements and shortened parts;
    /// then the longest first part ("spiel·ecke", not "spie·lecke"). The same
    /// word always gets the same split. Nil when the word does not split.
    static func split(_ letters: [Unicode.Scalar], known: KnownWords) -> [Part]? {
        let isWord = known.isWord
        let count = letters.count, minimum = Scoring.minimumCompoundPart
        guard count >= 2 * minimum else { return nil }
        let mayShorten = !known.isListed(text(letters[...]))
        // best[i]: the best split of letters[i...] into one or more parts.
        typealias Candidate = (parts: Int, evenness: Int, joins: Int, split: [Part])
        var best = [Candidate?](repeating: nil, count: count + 1)
        best[count] = (0, 1, 0, [])
        for start in stride(from: count - minimum, through: 0, by: -1) {
            var result: Candidate?
            // Later candidates have longer first parts and win ties.
            func consider(_ first: Part, length: Int, next: Int, joins: Int) {
                guard let rest = best[next] else { return }
                let candidate = (
                    parts: rest.parts + 1, evenness: rest.evenness * length, joins: rest.joins + joins,
                    split: [first] + rest.split)
                if let current = result,
                   (current.parts, -current.evenness, current.joins) < (candidate.parts, -candidate.evenness, candidate.joins) {
                    return
                }
                result = candidate
            }
            for end in (start + minimum)...count {
                // The whole word is no split of itself.
                if start == 0 && end == count { break }
                let piece = text(letters[start..<end]), length = end - start
                if end == count {
                    if isWord(piece) && !participleEndings.contains(piece) {
                        consider(Part(offset: start, word: piece), length: length, next: end, joins: 0)
                    }
                    continue
                }
                if isWord(piece) {
                    consider(Part(offset: start, word: piece), length: length, next: end, joins: 0)
                    for link in linkingElements where end + link.count < count
                        && Array(letters[end..<end + link.count]) == link {
                        consider(Part(offset: start, word: piece), length: length, next: end + link.count, joins: 1)
                    }
                }
                for ending in droppedEndings where mayShorten && isWord(piece + ending) {
                    consider(Part(offset: start, word: piece + ending), length: length, next: end, joins: 1)
                }
            }
            best[start] = result
        }
        guard let split = best[0]?.split, split.count >= 2 else { return nil }
        return split
    }

    private static func text(_ letters: ArraySlice<Unicode.Scalar>) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: letters)
        return String(scalars)
    }
}
