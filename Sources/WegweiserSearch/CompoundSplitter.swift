// Splitting German compounds into the words they are made of, so that a word
// typed by a family is found inside a compound, not only at its start:
// "schwimm" in "Babyschwimmkurs", "eltern" in "Alleinerziehendenelterntreff".
// The parts come from the corpus's own words and, when the build is given one,
// a German word list (Debian's wngerman). The word list stays in the build:
// only the parts it finds become index terms.

import Foundation

/// A German word list, folded as the tokeniser folds words: "Schwimmkurs"
/// becomes "schwimmkurs", "Übung" "ubung". Only words that can be a part of a
/// compound are kept (at least `Scoring.minimumCompoundPart` letters, not a
/// stop word). Capitals are dropped: wngerman writes a word that is both a
/// noun and a verb form once, in small letters ("stelle"), so they cannot
/// tell the nouns.
///
/// The list is kept folded, not in a table: a build puts into a table only
/// the words its splits can ask for (`table(splitting:)`), a few thousand of
/// wngerman's 350,000 for a county's offers.
public struct CompoundDictionary: Sendable, Equatable {
    /// The folded words, in pieces as the cores read them.
    private var pieces: [ListedWords]

    /// The words of a word list with one word a line, as
    /// `/usr/share/dict/ngerman` has them. Lines that fold to more than one
    /// word (none in wngerman) or to none are skipped.
    public init(wordList: String) {
        self.init(utf8: Array(wordList.utf8))!
    }

    /// The same from the list's bytes; nil when they are not UTF-8.
    public init?(utf8 bytes: [UInt8]) {
        guard let pieces = Self.read(bytes) else { return nil }
        self.pieces = pieces
    }

    public init(words: some Sequence<String>) {
        self.init(wordList: words.joined(separator: "\n"))
    }

    /// How many words the list has after folding.
    public var count: Int { words.count }

    /// The words, for tests and tools.
    var words: Set<String> { Set(pieces.flatMap { piece in (0..<piece.count).map(piece.word) }) }

    public static func == (left: CompoundDictionary, right: CompoundDictionary) -> Bool {
        left.words == right.words
    }

    /// The parts the index adds for one word of a text, the first part left
    /// out, split with this list alone: "Babyschwimmkurs" → "kurs", "schwimm".
    /// For looking at splits by eye (`wegweiser-search-index split`).
    public func parts(of text: String) -> [String] {
        Tokenizer.words(text).flatMap { word in
            CompoundSplitter.parts(of: [word], dictionary: self)[word] ?? []
        }
    }

    /// The words of the list that splitting `vocabulary`'s words can look
    /// up, in a table; a few more may come along. Every word a split asks
    /// for is a piece of the word split with "e" and "n" (of the endings
    /// "e", "en" put back) after it (`CompoundSplitter.split`), so a listed
    /// word whose letters up to such an ending hold four letters in a row
    /// that no word of `vocabulary` holds is never asked for. Looking a word
    /// up in this table answers as the whole list would.
    func table(splitting vocabulary: [String]) -> WordTable {
        let runs = LetterRuns(vocabulary)
        let kept = pieces.concurrentMap { piece in piece.filter { runs.mayHold($0) } }
        var table = WordTable(capacity: kept.map(\.count).reduce(0, +), bytes: kept.map(\.bytes.count).reduce(0, +))
        for piece in kept { table.insert(bytes: piece.bytes, ends: piece.ends.map(Int.init)) }
        return table
    }

    /// Pieces of whole lines, one per core, folded and checked to be UTF-8
    /// at the same time (so the list is never made a String first). Nil when
    /// a line is not UTF-8.
    private static func read(_ text: [UInt8]) -> [ListedWords]? {
        let parts = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var bounds = [0]
        for part in 1..<max(parts, 1) {
            var cut = max(bounds.last!, text.count * part / parts)
            while cut > 0 && cut < text.count && text[cut - 1] != 0x0A { cut += 1 }
            bounds.append(cut)
        }
        bounds.append(text.count)
        let folded = (0..<parts).map { bounds[$0]..<bounds[$0 + 1] }.concurrentMap { foldLines(text, $0) }
        guard folded.allSatisfy({ $0 != nil }) else { return nil }
        return folded.flatMap { [$0!.plain, $0!.other] }
    }

    /// The folded words of the lines in `range`: those of plain letters
    /// folded straight into one buffer, the few others (folded by the
    /// tokeniser) apart. Nil when a line is not UTF-8.
    private static func foldLines(_ text: [UInt8], _ range: Range<Int>) -> (plain: ListedWords, other: ListedWords)? {
        var other = ListedWords()
        var ends: [Int32] = []
        ends.reserveCapacity(range.count / 8)
        // A line folded byte by byte is UTF-8 (ASCII and umlauts); any other
        // is checked. A line break is never inside a character, so checking
        // line by line checks the list.
        var valid = true
        // A plain line never folds longer than it is, so the plain words
        // fit in as many bytes as the lines.
        let bytes = [UInt8](unsafeUninitializedCapacity: range.count) { folded, written in
            text.withUnsafeBufferPointer { text in
                var lineStart = range.lowerBound
                while lineStart < range.upperBound {
                    let lineEnd = memchr(text.baseAddress! + lineStart, 0x0A, range.upperBound - lineStart)
                        .map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - text.baseAddress! } ?? range.upperBound
                    if lineEnd > lineStart {
                        let line = UnsafeBufferPointer(rebasing: text[lineStart..<lineEnd])
                        switch fold(line, into: UnsafeMutableBufferPointer(rebasing: folded[written...])) {
                        case .plain(let count):
                            let word = UnsafeBufferPointer(rebasing: folded[written..<written + count])
                            if count >= Scoring.minimumCompoundPart && !Tokenizer.isStopWord(word) {
                                written += count
                                ends.append(Int32(written))
                            }
                        case .other:
                            guard String(validating: line, as: UTF8.self) != nil else {
                                valid = false
                                return
                            }
                            if let word = foldOther(line) { other.append(word) }
                        }
                    }
                    lineStart = lineEnd + 1
                }
            }
        }
        guard valid else { return nil }
        return (ListedWords(bytes: bytes, ends: ends), other)
    }

    /// Lines longer than this go through the tokeniser (no German word is).
    private static let maximumPlainLine = 256

    private enum FoldedLine {
        /// ASCII letters and umlauts, folded into this many bytes of the buffer.
        case plain(Int)
        /// Anything else: for the tokeniser.
        case other
    }

    /// Folds a line of ASCII letters and umlauts byte by byte, as the
    /// tokeniser would fold it (ae, oe, ue joined on the way); most lines
    /// are such.
    private static func fold(_ line: UnsafeBufferPointer<UInt8>, into folded: UnsafeMutableBufferPointer<UInt8>) -> FoldedLine {
        // A folded line is never longer than the line: an umlaut becomes
        // one byte, ß two ("ss"), an ASCII letter one.
        guard line.count <= min(folded.count, maximumPlainLine) else { return .other }
        var index = 0, count = 0, afterVowel = false
        func add(_ letter: UInt8) {
            if letter == UInt8(ascii: "e") && afterVowel {
                afterVowel = false
                return
            }
            folded[count] = letter
            count += 1
            afterVowel = letter == UInt8(ascii: "a") || letter == UInt8(ascii: "o") || letter == UInt8(ascii: "u")
        }
        while index < line.count {
            let byte = line[index]
            index += 1
            switch byte {
            case 0x61...0x7A: add(byte)
            case 0x41...0x5A: add(byte | 0x20)
            case 0x0D where index == line.count: break
            case 0xC3 where index < line.count:
                let next = line[index]
                index += 1
                switch next {
                case 0xA4, 0x84: add(0x61) // ä Ä
                case 0xB6, 0x96: add(0x6F) // ö Ö
                case 0xBC, 0x9C: add(0x75) // ü Ü
                case 0x9F: add(0x73); add(0x73) // ß
                default: return .other
                }
            default:
                return .other
            }
        }
        return .plain(count)
    }

    /// A line that is not plain letters, folded by the tokeniser: its one
    /// word, or nil when it is no possible part.
    private static func foldOther(_ line: UnsafeBufferPointer<UInt8>) -> String? {
        let words = Tokenizer.words(String(decoding: line, as: UTF8.self))
        guard words.count == 1, words[0].unicodeScalars.count >= Scoring.minimumCompoundPart, Tokenizer.isKept(words[0]) else {
            return nil
        }
        return words[0]
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
    private static let droppedEndingBytes = droppedEndings.map { Array($0.utf8) }
    /// Feminine endings, split off before the word is split: "beraterinnen"
    /// is split as "berater", which is no "berate·rinnen".
    static let feminineEndings: [[Unicode.Scalar]] = ["innen", "in"].map { Array($0.unicodeScalars) }
    /// Endings of present participles that are words of their own ("ende",
    /// "enden"): never the last part ("werdende", "alleinerziehenden").
    static let participleEndings: Set<String> = ["ende", "endem", "enden", "ender", "endes"]
    private static let participleEndingBytes = participleEndings.sorted().map { Array($0.utf8) }

    /// The words a part may be (the corpus's and the dictionary's), and those
    /// of the dictionary alone, looked up by their UTF-8 bytes.
    struct KnownWords: Sendable {
        var isWord: @Sendable (ArraySlice<UInt8>) -> Bool
        var isListed: @Sendable (ArraySlice<UInt8>) -> Bool

        /// The words of `vocabulary`, which are split, and those of
        /// `dictionary` their splits can ask for, in one table: the listed
        /// words first, so a word's number tells whether it is listed, and
        /// one look-up answers both questions.
        init(vocabulary: [String], dictionary: CompoundDictionary?) {
            var table = dictionary?.table(splitting: vocabulary) ?? WordTable(capacity: vocabulary.count)
            let listed = table.count
            for word in vocabulary { table.insert(word) }
            let known = table
            isWord = { known.contains($0) }
            isListed = { (known.number(of: $0) ?? listed) < listed }
        }

        init(isWord: @escaping @Sendable (ArraySlice<UInt8>) -> Bool, isListed: @escaping @Sendable (ArraySlice<UInt8>) -> Bool) {
            self.isWord = isWord
            self.isListed = isListed
        }
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
        let words = Array(vocabulary)
        let known = KnownWords(vocabulary: words, dictionary: dictionary)
        var partsOfWord: [String: [String]] = [:]
        for (word, found) in zip(words, parts(of: words, known: known)) where !found.isEmpty {
            partsOfWord[word] = found
        }
        return partsOfWord
    }

    /// The parts of each word, as above, in the order of `words`; empty for
    /// a word that does not split. On all cores.
    static func parts(of words: [String], known: KnownWords) -> [[String]] {
        words.concurrentMap { word in
            let found = Set(allParts(of: Letters(word), known: known).filter { $0.offset > 0 }.map(\.word)).subtracting([word])
            return found.sorted(by: scalarOrder)
        }
    }

    /// The parts of the best split of `letters`, and of the best splits of its
    /// parts, with offsets into `letters`.
    static func allParts(of letters: Letters, known: KnownWords) -> [Part] {
        guard let split = split(withoutFeminineEnding(letters, isWord: known.isWord), known: known) else { return [] }
        var all = split
        for part in split {
            // A part's own parts: "erziehungsberatungsstelle" is
            // "erziehung·s·beratungsstelle", and "beratungsstelle" has "stelle".
            let inner = allParts(of: Letters(part.word), known: known)
            all += inner.map { Part(offset: part.offset + $0.offset, word: $0.word) }
        }
        return all
    }

    /// "berater" for "beraterinnen" and "beraterin" when "berater" is a
    /// known word; else the letters as they are.
    static func withoutFeminineEnding(_ letters: Letters, isWord: (ArraySlice<UInt8>) -> Bool) -> Letters {
        for ending in feminineEndings where letters.count > ending.count + Scoring.minimumCompoundPart
            && letters.scalars.suffix(ending.count).elementsEqual(ending) {
            let base = letters.prefix(letters.count - ending.count)
            if isWord(base.bytes[...]) { return base }
        }
        return letters
    }

    /// The best split into two or more known words: fewest parts; then parts
    /// of even length (the largest product of their lengths: "anlauf·stelle",
    /// not "anlaufst·elle"); then fewest linking elements and shortened parts;
    /// then the longest first part ("spiel·ecke", not "spie·lecke"). The same
    /// word always gets the same split. Nil when the word does not split.
    static func split(_ letters: Letters, known: KnownWords) -> [Part]? {
        let isWord = known.isWord
        let count = letters.count, minimum = Scoring.minimumCompoundPart
        guard count >= 2 * minimum else { return nil }
        let mayShorten = !known.isListed(letters.bytes[...])
        // best[i]: the best split of letters[i...] into one or more parts,
        // as its first part (letters start..<end, maybe with a dropped
        // ending put back) and where the rest starts.
        struct Candidate {
            var parts: Int, evenness: Int, joins: Int
            var end: Int, ending: Int?, next: Int
        }
        var best = [Candidate?](repeating: nil, count: count + 1)
        best[count] = Candidate(parts: 0, evenness: 1, joins: 0, end: count, ending: nil, next: count)
        var extended: [UInt8] = []
        for start in stride(from: count - minimum, through: 0, by: -1) {
            var result: Candidate?
            // Later candidates have longer first parts and win ties.
            func consider(end: Int, ending: Int?, next: Int, joins: Int) {
                guard let rest = best[next] else { return }
                let candidate = Candidate(
                    parts: rest.parts + 1, evenness: rest.evenness * (end - start), joins: rest.joins + joins,
                    end: end, ending: ending, next: next)
                if let current = result,
                   (current.parts, -current.evenness, current.joins) < (candidate.parts, -candidate.evenness, candidate.joins) {
                    return
                }
                result = candidate
            }
            for end in (start + minimum)...count {
                // The whole word is no split of itself.
                if start == 0 && end == count { break }
                let piece = letters.bytes(start..<end)
                if end == count {
                    if isWord(piece) && !participleEndingBytes.contains(where: { $0.elementsEqual(piece) }) {
                        consider(end: end, ending: nil, next: end, joins: 0)
                    }
                    continue
                }
                if isWord(piece) {
                    consider(end: end, ending: nil, next: end, joins: 0)
                    for link in linkingElements where end + link.count < count
                        && letters.scalars[end..<end + link.count].elementsEqual(link) {
                        consider(end: end, ending: nil, next: end + link.count, joins: 1)
                    }
                }
                guard mayShorten else { continue }
                for (number, ending) in droppedEndingBytes.enumerated() {
                    extended.removeAll(keepingCapacity: true)
                    extended.append(contentsOf: piece)
                    extended.append(contentsOf: ending)
                    if isWord(extended[...]) { consider(end: end, ending: number, next: end, joins: 1) }
                }
            }
            best[start] = result
        }
        guard let first = best[0], first.parts >= 2 else { return nil }
        var parts: [Part] = []
        var start = 0
        while start < count, let candidate = best[start] {
            let word = letters.text(start..<candidate.end) + (candidate.ending.map { droppedEndings[$0] } ?? "")
            parts.append(Part(offset: start, word: word))
            start = candidate.next
        }
        return parts
    }
}

/// A folded word as the splitter counts it, by Unicode scalars, with its
/// UTF-8 bytes to look its pieces up by.
struct Letters {
    var scalars: [Unicode.Scalar]
    var bytes: [UInt8]
    /// Where each scalar starts in `bytes`, and the end; nil when every scalar is one byte.
    private var offsets: [Int]?

    init(_ word: String) {
        scalars = Array(word.unicodeScalars)
        bytes = Array(word.utf8)
        if bytes.count != scalars.count {
            var offsets: [Int] = [0]
            for scalar in scalars { offsets.append(offsets.last! + UTF8.width(scalar)) }
            self.offsets = offsets
        }
    }

    private init(scalars: [Unicode.Scalar], bytes: [UInt8], offsets: [Int]?) {
        self.scalars = scalars
        self.bytes = bytes
        self.offsets = offsets
    }

    var count: Int { scalars.count }

    /// The bytes of the scalars in `range`.
    func bytes(_ range: Range<Int>) -> ArraySlice<UInt8> {
        guard let offsets else { return bytes[range] }
        return bytes[offsets[range.lowerBound]..<offsets[range.upperBound]]
    }

    func text(_ range: Range<Int>) -> String { String(decoding: bytes(range), as: UTF8.self) }

    /// The first `length` scalars.
    func prefix(_ length: Int) -> Letters {
        let end = offsets?[length] ?? length
        return Letters(scalars: Array(scalars.prefix(length)), bytes: Array(bytes.prefix(end)), offsets: offsets.map { Array($0.prefix(length + 1)) })
    }
}
