// The word list as a build keeps it: folded words one after the other, and
// the runs of four letters of a vocabulary that decide which of them a
// build puts in a table (`CompoundDictionary.table(splitting:)`).

/// Words one after the other in `bytes`; word n ends at `ends[n]` and starts
/// where word n - 1 ends.
struct ListedWords: Sendable {
    var bytes: [UInt8] = []
    var ends: [Int32] = []

    var count: Int { ends.count }

    mutating func append(_ word: String) {
        bytes += word.utf8
        ends.append(Int32(bytes.count))
    }

    /// Word n as text.
    func word(_ number: Int) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range(of: number)]), as: UTF8.self) }
    }

    /// The words `isKept` keeps, in their order.
    func filter(_ isKept: (UnsafeBufferPointer<UInt8>) -> Bool) -> ListedWords {
        var kept = ListedWords()
        bytes.withUnsafeBufferPointer { bytes in
            for number in 0..<count {
                let word = UnsafeBufferPointer(rebasing: bytes[range(of: number)])
                if isKept(word) {
                    kept.bytes.append(contentsOf: word)
                    kept.ends.append(Int32(kept.bytes.count))
                }
            }
        }
        return kept
    }

    private func range(of number: Int) -> Range<Int> { (number == 0 ? 0 : Int(ends[number - 1]))..<Int(ends[number]) }
}

/// Which four bytes in a row occur in the words of a vocabulary. A run is
/// one of 2^20 bits, made of the low five bits of each byte (all of a small
/// letter's): two runs that share a bit only let a word through that did
/// not need to be.
struct LetterRuns {
    private var bits = [UInt64](repeating: 0, count: (1 << 20) / 64)

    init(_ words: [String]) {
        for var word in words {
            word.withUTF8 { bytes in
                guard bytes.count >= 4 else { return }
                for start in 0...(bytes.count - 4) {
                    let bit = Self.bit(bytes[start], bytes[start + 1], bytes[start + 2], bytes[start + 3])
                    bits[bit >> 6] |= 1 << UInt64(bit & 63)
                }
            }
        }
    }

    /// Whether `word` may be a piece of a word of the vocabulary with "e"s
    /// and "n"s after it: false when its letters before those hold a run
    /// of four that no word of the vocabulary holds.
    func mayHold(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = word.count
        while end > 0 && (word[end - 1] == UInt8(ascii: "e") || word[end - 1] == UInt8(ascii: "n")) { end -= 1 }
        guard end >= 4 else { return true }
        for start in 0...(end - 4) {
            let bit = Self.bit(word[start], word[start + 1], word[start + 2], word[start + 3])
            if bits[bit >> 6] & (1 << UInt64(bit & 63)) == 0 { return false }
        }
        return true
    }

    private static func bit(_ first: UInt8, _ second: UInt8, _ third: UInt8, _ fourth: UInt8) -> Int {
        Int(first & 31) << 15 | Int(second & 31) << 10 | Int(third & 31) << 5 | Int(fourth & 31)
    }
}
