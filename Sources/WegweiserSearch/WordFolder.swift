// The tokeniser's folding on UTF-8 bytes: what `Tokenizer.markedWords`
// means by "lower case, compatibility decomposition (NFKD), accents and
// invisible characters dropped, ß → ss, ae/oe/ue → a/o/u, split at every
// character that is no letter or number" — done byte by byte for ASCII, most
// of a German text, and by a table for the other characters.
//
// Why a character at a time is the same as the whole text at once (which is
// how search.js does it, and how this file did it before): lower-casing maps
// each scalar on its own, and NFKD decomposes each scalar on its own and then
// only reorders neighbouring combining marks. A mark is dropped or ends a
// word wherever it stands, so the order of marks changes no word.

import Foundation

/// Where the folded words go, in text order.
protocol FoldedWords {
    /// `word` is valid only during the call.
    mutating func add(_ word: UnsafeBufferPointer<UInt8>, truncated: Bool)
}

/// The words as text, as `Tokenizer.markedWords` returns them.
struct MarkedWords: FoldedWords {
    var words: [(word: String, truncated: Bool)] = []
    mutating func add(_ word: UnsafeBufferPointer<UInt8>, truncated: Bool) {
        words.append((String(decoding: word, as: UTF8.self), truncated))
    }
}

/// The bytes of the word being folded: appended to once per byte of every
/// text the index holds, so without an array's checks of its storage.
private final class WordBuffer {
    private(set) var start: UnsafeMutablePointer<UInt8>
    private var capacity = 64
    var count = 0

    init() { start = .allocate(capacity: capacity) }
    deinit { start.deallocate() }

    var isEmpty: Bool { count == 0 }
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }

    @inline(__always)
    func append(_ byte: UInt8) {
        if count == capacity { grow() }
        start[count] = byte
        count += 1
    }

    private func grow() {
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
        larger.initialize(from: start, count: count)
        start.deallocate()
        start = larger
        capacity *= 2
    }
}

struct WordFolder<Output: FoldedWords> {
    var output: Output
    /// The current word's folded UTF-8 (a folder is never copied: a copy
    /// would share it).
    private let current = WordBuffer()
    /// The last letter added was a, o or u, so an "e" right after it is
    /// dropped: the left-to-right ae/oe/ue → a/o/u of the folded word.
    private var afterVowel = false

    init(into output: Output) {
        self.output = output
    }

    mutating func fold(_ text: UnsafeBufferPointer<UInt8>) {
        let count = text.count
        var index = 0
        while index < count {
            let byte = text[index]
            if byte < 0x80 {
                if Tokenizer.isASCIIWordByte(byte) {
                    appendASCII(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                } else if !current.isEmpty {
                    endWord(at: Unicode.Scalar(byte)) { Self.firstFolded(text, at: index + 1) }
                }
                index += 1
                continue
            }
            // A letter of two bytes (umlauts, é) whose folding ends no word:
            // what it adds, from a table.
            if byte >= 0xC2, byte < 0xE0, index + 1 < count {
                let continuation = ScalarFolding.continuation(ofTwoByte: UInt32(byte & 0x1F) << 6 | UInt32(text[index + 1] & 0x3F))
                if continuation.count >= 0 {
                    for position in 0..<Int(continuation.count) { append(continuation.scalar(position)) }
                    index += 2
                    continue
                }
            }
            let (scalar, length) = Self.decode(text, at: index)
            if let folded = ScalarFolding.folded(scalar) {
                add(folded, nextAt: index + length, in: text)
                index += length
            } else {
                // Characters the table does not hold, folded together (a word
                // of Chinese, say): one call instead of one per character.
                var end = index + length
                while end < count, text[end] >= 0x80 {
                    let (next, nextLength) = Self.decode(text, at: end)
                    guard ScalarFolding.folded(next) == nil else { break }
                    end += nextLength
                }
                add(ScalarFolding.fold(String(decoding: UnsafeBufferPointer(rebasing: text[index..<end]), as: UTF8.self)),
                    nextAt: end, in: text)
                index = end
            }
        }
        if !current.isEmpty { finishWord(truncated: false) }
    }

    /// The folded scalars of one or more characters; `nextAt` is where the
    /// text goes on after them.
    private mutating func add(_ folded: [Unicode.Scalar], nextAt: Int, in text: UnsafeBufferPointer<UInt8>) {
        for (position, scalar) in folded.enumerated() {
            if ScalarFolding.letters(of: scalar, { append($0) }) { continue }
            guard !current.isEmpty else { continue }
            endWord(at: scalar) {
                position + 1 < folded.count ? folded[position + 1] : Self.firstFolded(text, at: nextAt)
            }
        }
    }

    private mutating func append(_ scalar: Unicode.Scalar) {
        if scalar.isASCII {
            appendASCII(UInt8(scalar.value))
        } else {
            for byte in UTF8.encode(scalar)! { current.append(byte) }
            afterVowel = false
        }
    }

    private mutating func appendASCII(_ byte: UInt8) {
        if byte == UInt8(ascii: "e") && afterVowel {
            afterVowel = false
            return
        }
        current.append(byte)
        afterVowel = byte == UInt8(ascii: "a") || byte == UInt8(ascii: "o") || byte == UInt8(ascii: "u")
    }

    /// A character that is no letter ends the current word; a hyphen before
    /// the end, a space or a comma marks it as the first part of a compound.
    private mutating func endWord(at separator: Unicode.Scalar, next: () -> Unicode.Scalar?) {
        var truncated = false
        if Tokenizer.isHyphen(separator) {
            let following = next()
            truncated = following == nil || following == "," || following!.properties.isWhitespace
        }
        finishWord(truncated: truncated)
    }

    private mutating func finishWord(truncated: Bool) {
        output.add(current.bytes, truncated: truncated)
        current.count = 0
        afterVowel = false
    }

    /// The first folded scalar of the text from `index`, nil at its end.
    private static func firstFolded(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Unicode.Scalar? {
        guard index < text.count else { return nil }
        let byte = text[index]
        if byte < 0x80 { return Unicode.Scalar(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
        let (scalar, _) = decode(text, at: index)
        return (ScalarFolding.folded(scalar) ?? ScalarFolding.fold(String(Character(scalar)))).first
    }

    /// The scalar that starts at `index` (valid UTF-8, as every String is) and its length in bytes.
    private static func decode(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(text[index])
        let value: UInt32, length: Int
        if lead < 0xE0 {
            value = (lead & 0x1F) << 6 | UInt32(text[index + 1] & 0x3F)
            length = 2
        } else if lead < 0xF0 {
            value = (lead & 0x0F) << 12 | UInt32(text[index + 1] & 0x3F) << 6 | UInt32(text[index + 2] & 0x3F)
            length = 3
        } else {
            value = (lead & 0x07) << 18 | UInt32(text[index + 1] & 0x3F) << 12 | UInt32(text[index + 2] & 0x3F) << 6
                | UInt32(text[index + 3] & 0x3F)
            length = 4
        }
        return (Unicode.Scalar(value)!, length)
    }
}

/// Lower case and NFKD of single characters, for those a German text is made
/// of beyond ASCII: Latin, Greek, Cyrillic, Hebrew, Arabic (U+0080–U+07FF)
/// and general punctuation (U+2000–U+206F). Made once, with one call.
enum ScalarFolding {
    private static let twoByteRange: Range<UInt32> = 0x80..<0x800
    private static let punctuationRange: Range<UInt32> = 0x2000..<0x2070

    private static let table: [[Unicode.Scalar]] = {
        // One text, a line per character: a line break folds to itself and
        // no mark is reordered across it.
        var text = String.UnicodeScalarView()
        for value in Array(twoByteRange) + Array(punctuationRange) {
            text.append(Unicode.Scalar(value)!)
            text.append("\n")
        }
        let lines = fold(String(text)).split(separator: "\n", omittingEmptySubsequences: false)
        return lines.dropLast().map(Array.init)
    }()

    /// The folded scalars of one character of the table; nil for others.
    static func folded(_ scalar: Unicode.Scalar) -> [Unicode.Scalar]? {
        let value = scalar.value
        if twoByteRange.contains(value) { return table[Int(value - twoByteRange.lowerBound)] }
        if punctuationRange.contains(value) { return table[twoByteRange.count + Int(value - punctuationRange.lowerBound)] }
        return nil
    }

    /// What one folded scalar adds to a word: its letters, given to `add`
    /// (none for an accent or an invisible format character such as the
    /// soft hyphen; `Tokenizer.letterReplacements` applied); false, with
    /// nothing given, for a scalar that ends the word.
    static func letters(of scalar: Unicode.Scalar, _ add: (Unicode.Scalar) -> Void) -> Bool {
        if scalar.isASCII {
            guard Tokenizer.isASCIIWordByte(UInt8(scalar.value)) else { return false }
            add(scalar)
            return true
        }
        let category = scalar.properties.generalCategory
        if category == .nonspacingMark || category == .format { return true }
        if let replacement = Tokenizer.letterReplacements[scalar] {
            for letter in replacement.unicodeScalars { add(letter) }
            return true
        }
        guard Tokenizer.isWordCategory(category) else { return false }
        add(scalar)
        return true
    }

    /// What a character of U+0080–U+07FF adds to the word being folded,
    /// when its folding ends no word: the `letters(of:)` of its folded
    /// scalars, at most four; `count` is -1 for a character that ends a
    /// word (or adds more), which takes the long way.
    struct Continuation {
        var count: Int8 = 0
        private var scalars: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)

        init(_ folded: [Unicode.Scalar]) {
            var kept: [Unicode.Scalar] = []
            guard folded.allSatisfy({ ScalarFolding.letters(of: $0) { kept.append($0) } }), kept.count <= 4 else {
                count = -1
                return
            }
            count = Int8(kept.count)
            withUnsafeMutableBytes(of: &scalars) { words in
                for (position, scalar) in kept.enumerated() { words.storeBytes(of: scalar.value, toByteOffset: position * 4, as: UInt32.self) }
            }
        }

        func scalar(_ position: Int) -> Unicode.Scalar {
            let value = withUnsafeBytes(of: scalars) { $0.load(fromByteOffset: position * 4, as: UInt32.self) }
            return Unicode.Scalar(value)!
        }
    }

    private static let continuations: [Continuation] = twoByteRange.map { Continuation(table[Int($0 - twoByteRange.lowerBound)]) }

    /// `value`: a scalar of U+0080–U+07FF.
    static func continuation(ofTwoByte value: UInt32) -> Continuation {
        continuations[Int(value - twoByteRange.lowerBound)]
    }

    /// Lower case, then compatibility decomposition: the definition.
    static func fold(_ text: String) -> [Unicode.Scalar] {
        Array(text.lowercased().decomposedStringWithCompatibilityMapping.unicodeScalars)
    }
}
