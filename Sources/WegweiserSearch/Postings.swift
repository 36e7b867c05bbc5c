// The index's terms and their postings, worked out on numbers: every word of
// the corpus is numbered once by its UTF-8 bytes (`WordTable`), each stem
// and each compound part once per word, and a document's scores are summed
// in an array, not in a dictionary of strings. The rules are `Scoring`'s.

extension Scoring {
    /// Per term, in scalar order: document id deltas and scores, interleaved.
    static func postings(
        for documents: [SearchDocument], vocabularies: SearchVocabularies, dictionary: CompoundDictionary? = nil
    ) -> [(term: String, postings: [Int])] {
        let words = CorpusWords(documents: documents, vocabularies: vocabularies)
        let terms = CorpusTerms(words: words, dictionary: dictionary)
        let fieldCount = Field.allCases.count
        let lengths = words.fields.map { $0.map { Double($0.count) } }
        let averages = (0..<fieldCount).map { field in
            documents.isEmpty ? 0 : lengths.map { $0[field] }.reduce(0, +) / Double(documents.count)
        }
        // Each document's stored weight of each of its terms; the documents on all cores.
        let scored = Array(words.fields.indices).concurrentChunks { chunk in
            var scratch = DocumentScores(termCount: terms.count, fieldCount: fieldCount)
            return chunk.map { document in
                scratch.score(
                    words.fields[document], terms: terms, lengths: lengths[document], averages: averages)
            }
        }
        // Inverted: per term, its documents in order.
        var counts = [Int](repeating: 0, count: terms.count)
        for document in scored { for term in document.terms { counts[Int(term)] += 1 } }
        var starts = [Int](repeating: 0, count: terms.count + 1)
        for term in 0..<terms.count { starts[term + 1] = starts[term] + counts[term] }
        var next = starts
        var postingDocuments = [Int32](repeating: 0, count: starts[terms.count])
        var postingScores = [Int32](repeating: 0, count: starts[terms.count])
        for (document, entry) in scored.enumerated() {
            for (term, score) in zip(entry.terms, entry.scores) {
                postingDocuments[next[Int(term)]] = Int32(document)
                postingScores[next[Int(term)]] = score
                next[Int(term)] += 1
            }
        }
        let (termCounts, termStarts, documentOf, scoreOf) = (counts, starts, postingDocuments, postingScores)
        let ordered = (0..<terms.count).filter { termCounts[$0] > 0 }
            .sorted { left, right in
                terms.table.bytes(left).withUnsafeBufferPointer { leftBytes in
                    terms.table.bytes(right).withUnsafeBufferPointer { bytesPrecede(leftBytes, $0) }
                }
            }
        return ordered.concurrentMap { term -> (term: String, postings: [Int]) in
            var postings: [Int] = []
            postings.reserveCapacity(termCounts[term] * 2)
            var previous = 0
            for index in termStarts[term]..<termStarts[term + 1] {
                let document = Int(documentOf[index])
                postings.append(document - previous)
                postings.append(Int(scoreOf[index]))
                previous = document
            }
            return (terms.table.word(term), postings)
        }
    }
}

/// The words of every document's fields that become terms, as numbers of
/// one table: folded, compounds written in part completed from the corpus's
/// words (`ElidedCompounds`), stop words dropped.
struct CorpusWords: Sendable {
    /// Every word met, completed ones included.
    var table: WordTable
    /// Per document, per field: the words in text order.
    var fields: [[[Int32]]]
    /// The words some field holds, by number.
    var used: [Bool]

    init(documents: [SearchDocument], vocabularies: SearchVocabularies) {
        // Tokenising is the bulk of the work: on all cores, results in
        // document order. A chunk of documents numbers its words in a
        // table of its own; the tables are then merged into one.
        let chunks = documents.concurrentChunks { slice -> [ChunkWords] in
            var folder = WordFolder(into: ChunkWords())
            // By index: a document is a large value, not worth copying to read.
            for index in slice.indices {
                for text in Scoring.fieldTexts(of: slice[index], vocabularies: vocabularies) {
                    var text = text
                    text.withUTF8 { folder.fold($0) }
                    folder.output.endField()
                }
                folder.output.endDocument()
            }
            return [folder.output]
        }
        var table = WordTable(capacity: 4096)
        let numbering: [[Int32]] = chunks.map { chunk in
            (0..<chunk.table.count).map { Int32(table.insert(chunk.table.bytes($0)).number) }
        }
        let local = Array(chunks.indices).concurrentMap { chunk in
            chunks[chunk].documents.map { document in
                FoldedDocument(
                    fields: document.fields.map { $0.map { numbering[chunk][Int($0)] } }, truncated: document.truncated)
            }
        }.flatMap { $0 }
        var kept = (0..<table.count).map { Self.isKept(table.bytes($0)) }
        // Truncated first parts, completed from the words that become terms.
        let known = table, keptBefore = kept
        let completions = Array(local.indices).concurrentMap { document -> [(field: Int, position: Int, word: String)] in
            var found: [(field: Int, position: Int, word: String)] = []
            for (field, marks) in local[document].truncated.enumerated() where !marks.isEmpty {
                let numbers = local[document].fields[field]
                var truncated = [Bool](repeating: false, count: numbers.count)
                for position in marks { truncated[position] = true }
                let completed = ElidedCompounds.completions(
                    count: numbers.count, word: { known.word(Int(numbers[$0])) },
                    truncated: { truncated[$0] }, isKnown: { known.number(of: $0).map { keptBefore[$0] } ?? false })
                found += completed.map { (field, $0.position, $0.word) }
            }
            return found
        }
        let replaced: [[(field: Int, position: Int, number: Int32)]] = completions.map { found in
            found.map { completion in
                let (number, inserted) = table.insert(completion.word)
                if inserted { kept.append(Self.isKept(table.bytes(number))) }
                return (completion.field, completion.position, Int32(number))
            }
        }
        let keptWords = kept
        fields = Array(local.indices).concurrentMap { document in
            var fields = local[document].fields
            for replacement in replaced[document] { fields[replacement.field][replacement.position] = replacement.number }
            return fields.map { $0.filter { keptWords[Int($0)] } }
        }
        var used = [Bool](repeating: false, count: table.count)
        for document in fields { for field in document { for word in field { used[Int(word)] = true } } }
        self.table = table
        self.used = used
    }

    /// Two letters or more, not a stop word (`Tokenizer.isKept`, on bytes).
    static func isKept(_ word: ArraySlice<UInt8>) -> Bool {
        var scalars = 0
        for byte in word where byte & 0xC0 != 0x80 { scalars += 1 }
        return scalars >= 2 && !Tokenizer.isStopWord(word)
    }
}

/// The words of a chunk of documents as the folder gives them: numbered
/// within the chunk, document by document and field by field, with where the
/// first parts written alone are.
struct ChunkWords: FoldedWords, Sendable {
    var table = WordTable(capacity: 4096)
    var documents: [FoldedDocument] = []
    private var fields: [[Int32]] = [], truncated: [[Int]] = []
    private var field: [Int32] = [], marks: [Int] = []

    mutating func add(_ word: UnsafeBufferPointer<UInt8>, truncated: Bool) {
        if truncated { marks.append(field.count) }
        field.append(Int32(table.insert(word).number))
    }

    mutating func endField() {
        fields.append(field)
        truncated.append(marks)
        field = []
        marks = []
    }

    mutating func endDocument() {
        documents.append(FoldedDocument(fields: fields, truncated: truncated))
        fields = []
        truncated = []
    }
}

/// One document's words, field by field, and the positions of its truncated first parts.
struct FoldedDocument: Sendable {
    var fields: [[Int32]]
    var truncated: [[Int]]
}

/// The terms: the stems of the corpus's words and of their compound parts,
/// numbered; per word its stem and the stems of its parts.
struct CorpusTerms: Sendable {
    var table: WordTable
    /// By word number: its stem's term, -1 for a word no field holds.
    var stem: [Int32]
    /// By word number: the terms of its parts, its own stem left out.
    var parts: [[Int32]]

    var count: Int { table.count }

    init(words: CorpusWords, dictionary: CompoundDictionary?) {
        let usedNumbers = words.used.indices.filter { words.used[$0] }
        let usedWords = usedNumbers.map { words.table.word($0) }
        let stems = usedWords.concurrentMap(Tokenizer.stem)
        var table = WordTable(capacity: usedNumbers.count)
        var stem = [Int32](repeating: -1, count: words.table.count)
        for (number, text) in zip(usedNumbers, stems) { stem[number] = Int32(table.insert(text).number) }

        let inside = Self.wordsInside(usedNumbers, of: words)
        let split = CompoundSplitter.parts(of: usedWords, known: CompoundSplitter.KnownWords(vocabulary: usedWords, dictionary: dictionary))
        // Parts from the dictionary alone are stemmed once each.
        var stemOfListed: [String: Int32] = [:]
        var parts = [[Int32]](repeating: [], count: words.table.count)
        for (index, number) in usedNumbers.enumerated() where !inside[index].isEmpty || !split[index].isEmpty {
            var terms = Set(inside[index].map { stem[$0] })
            for part in split[index] {
                if let word = words.table.number(of: part), words.used[word] {
                    terms.insert(stem[word])
                } else if let term = stemOfListed[part] {
                    terms.insert(term)
                } else {
                    let term = Int32(table.insert(Tokenizer.stem(part)).number)
                    stemOfListed[part] = term
                    terms.insert(term)
                }
            }
            terms.remove(stem[number])
            parts[number] = terms.sorted()
        }
        self.table = table
        self.stem = stem
        self.parts = parts
    }

    /// For each word, the other words of the text it contains from
    /// `minimumCompoundHead` letters in: "erziehungsberatung" contains
    /// "beratung"; "jugendgesundheitsdienst" contains "gesundheit" and
    /// "dienst". Found among whole words, not stems, because a stem depends on
    /// the word's length ("dienst" → "dien", but "…gesundheitsdienst" → "…gesundheitsdie").
    static func wordsInside(_ numbers: [Int], of words: CorpusWords) -> [[Int]] {
        let lengths = numbers.map { number in words.table.bytes(number).reduce(0) { $1 & 0xC0 != 0x80 ? $0 + 1 : $0 } }
        let longestPart = lengths.max() ?? 0
        var isPartLength = [Bool](repeating: false, count: longestPart + 1)
        for length in lengths where length >= Scoring.minimumCompoundPart { isPartLength[length] = true }
        guard longestPart >= Scoring.minimumCompoundPart else { return numbers.map { _ in [] } }
        let partLengths = isPartLength
        let head = Scoring.minimumCompoundHead, minimum = Scoring.minimumCompoundPart
        return Array(zip(numbers, lengths)).concurrentMap { number, count -> [Int] in
            guard count >= head + minimum else { return [] }
            let bytes = words.table.bytes(number)
            // Where each letter starts, and the end.
            var offsets: [Int] = []
            offsets.reserveCapacity(count + 1)
            for index in bytes.indices where bytes[index] & 0xC0 != 0x80 { offsets.append(index) }
            offsets.append(bytes.endIndex)
            var found = Set<Int>()
            for start in head...(count - minimum) {
                for length in minimum...min(longestPart, count - start) where partLengths[length] {
                    if let part = words.table.number(of: bytes[offsets[start]..<offsets[start + length]]), words.used[part] {
                        found.insert(part)
                    }
                }
            }
            return found.sorted()
        }
    }
}

/// Scratch space for one document's term weights, kept for the documents of
/// a chunk: a slot per term of the corpus, reset after each document.
struct DocumentScores {
    private var slot: [Int32]
    private var frequencies: [Double] = []
    private let fieldCount: Int
    private static let weights = Scoring.Field.allCases.map(\.weight)
    private static let normalisations = Scoring.Field.allCases.map(\.lengthNormalisation)

    init(termCount: Int, fieldCount: Int) {
        slot = Array(repeating: -1, count: termCount)
        self.fieldCount = fieldCount
    }

    /// The document's terms, in the order met, and each one's stored weight:
    /// BM25F's saturated weight of its field frequencies (a part of a
    /// compound counting `compoundPartWeight`), times `scoreScale`, at least 1.
    mutating func score(
        _ fields: [[Int32]], terms: CorpusTerms, lengths: [Double], averages: [Double]
    ) -> (terms: [Int32], scores: [Int32]) {
        var met: [Int32] = []
        frequencies.removeAll(keepingCapacity: true)
        for (field, words) in fields.enumerated() {
            for word in words {
                let stem = terms.stem[Int(word)]
                add(stem, field, 1, to: &met)
                // Most words are no compound: their empty list is not iterated (nor retained).
                guard !terms.parts[Int(word)].isEmpty else { continue }
                for part in terms.parts[Int(word)] { add(part, field, Scoring.compoundPartWeight, to: &met) }
            }
        }
        var scores: [Int32] = []
        scores.reserveCapacity(met.count)
        // Per field, once per document rather than once per term.
        let weights = Self.weights
        let normalised = (0..<fieldCount).map { field in
            let b = Self.normalisations[field]
            return averages[field] > 0 ? 1 - b + b * lengths[field] / averages[field] : 1
        }
        for (entry, term) in met.enumerated() {
            var weighted = 0.0
            for field in 0..<fieldCount {
                let tf = frequencies[entry * fieldCount + field]
                guard tf > 0 else { continue }
                weighted += weights[field] * tf / normalised[field]
            }
            let saturated = weighted * (Scoring.k1 + 1) / (Scoring.k1 + weighted)
            scores.append(Int32(max(1, Int((saturated * Scoring.scoreScale).rounded()))))
            slot[Int(term)] = -1
        }
        return (met, scores)
    }

    private mutating func add(_ term: Int32, _ field: Int, _ weight: Double, to met: inout [Int32]) {
        var index = Int(slot[Int(term)])
        if index < 0 {
            index = met.count
            slot[Int(term)] = Int32(index)
            met.append(term)
            frequencies.append(contentsOf: repeatElement(0, count: fieldCount))
        }
        frequencies[index * fieldCount + field] += weight
    }
}
