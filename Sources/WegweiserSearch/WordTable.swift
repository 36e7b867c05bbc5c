// A set of words kept as UTF-8 bytes, each with a number in the order it was
// added: all bytes in one buffer, an open-addressing table of numbers and a
// hash of our own (FNV-1a), so that a word is looked up, or a part of one,
// without making a String. The word list (350,000 lines) and the index's
// vocabulary live in it. The one place of this module with raw pointers.

import Foundation

struct WordTable: Sendable {
    /// The words' bytes, one after the other.
    private var storage: [UInt8] = []
    /// Where word n ends in `storage`; it starts where word n - 1 ends.
    private var ends: [Int32] = []
    /// By hash: the word's number + 1 in the low 32 bits (0 where empty),
    /// the hash's high 32 bits above, so that a probe rarely looks at a word
    /// that is not the one. A power of two long, at most three quarters full.
    private var slots: [UInt64]

    /// Room for `capacity` words of `bytes` bytes in all without growing.
    init(capacity: Int = 16, bytes: Int? = nil) {
        var size = 16
        while size * 3 < capacity * 4 { size *= 2 }
        slots = Array(repeating: 0, count: size)
        ends.reserveCapacity(capacity)
        storage.reserveCapacity(bytes ?? capacity * 10)
    }

    var count: Int { ends.count }

    /// Adds a word; its number, and whether it is new.
    @discardableResult
    mutating func insert(_ word: some Collection<UInt8>) -> (number: Int, inserted: Bool) {
        if let contiguous = word.withContiguousStorageIfAvailable({ insert(buffer: $0) }) { return contiguous }
        return Array(word).withUnsafeBufferPointer { insert(buffer: $0) }
    }

    @discardableResult
    mutating func insert(_ word: String) -> (number: Int, inserted: Bool) {
        var word = word
        return word.withUTF8 { insert(buffer: $0) }
    }

    /// Adds many words, given one after the other in `bytes`, word n ending
    /// at `ends[n]`. Their slots are read first, all of them, so that the
    /// memory fetches overlap instead of waiting one after the other: a
    /// table of 350,000 words does not fit in a cache.
    /// `hashes`, when given, are `hash(_:)` of each word, made beforehand.
    mutating func insert(bytes: [UInt8], ends wordEnds: [Int], hashes known: [UInt64]? = nil) {
        bytes.withUnsafeBufferPointer { buffer in
            var batchStart = 0
            var hashes = [UInt64](repeating: 0, count: 32)
            while batchStart < wordEnds.count {
                let batch = batchStart..<min(wordEnds.count, batchStart + 32)
                var touched: UInt64 = 0
                let mask = slots.count - 1
                for number in batch {
                    let start = number == 0 ? 0 : wordEnds[number - 1]
                    let hash = known?[number] ?? Self.hash(UnsafeBufferPointer(rebasing: buffer[start..<wordEnds[number]]))
                    hashes[number - batchStart] = hash
                    touched |= slots[Int(truncatingIfNeeded: hash) & mask]
                }
                // Keeps the reads above from being left out.
                if touched == 1 { slots[0] = slots[0] }
                for number in batch {
                    let start = number == 0 ? 0 : wordEnds[number - 1]
                    insert(buffer: UnsafeBufferPointer(rebasing: buffer[start..<wordEnds[number]]), hash: hashes[number - batchStart])
                }
                batchStart = batch.upperBound
            }
        }
    }

    /// The number of a word, nil when it is not in the table.
    func number(of word: some Collection<UInt8>) -> Int? {
        if let contiguous = word.withContiguousStorageIfAvailable({ number(buffer: $0) }) { return contiguous }
        return Array(word).withUnsafeBufferPointer { number(buffer: $0) }
    }

    func number(of word: String) -> Int? {
        var word = word
        return word.withUTF8 { number(buffer: $0) }
    }

    func contains(_ word: some Collection<UInt8>) -> Bool { number(of: word) != nil }
    func contains(_ word: String) -> Bool { number(of: word) != nil }

    /// Word n as text.
    func word(_ number: Int) -> String {
        storage.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range(of: number)]), as: UTF8.self) }
    }

    /// Word n's bytes.
    func bytes(_ number: Int) -> ArraySlice<UInt8> { storage[range(of: number)] }

    private func range(of number: Int) -> Range<Int> { (number == 0 ? 0 : Int(ends[number - 1]))..<Int(ends[number]) }

    private mutating func insert(buffer word: UnsafeBufferPointer<UInt8>) -> (number: Int, inserted: Bool) {
        insert(buffer: word, hash: Self.hash(word))
    }

    @discardableResult
    private mutating func insert(buffer word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (number: Int, inserted: Bool) {
        let tag = hash & 0xFFFF_FFFF_0000_0000
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let number = Int(entry & 0xFFFF_FFFF) - 1
                if equals(number, word) { return (number, false) }
            }
            slot = (slot + 1) & mask
        }
        let number = ends.count
        storage.append(contentsOf: word)
        ends.append(Int32(storage.count))
        slots[slot] = tag | UInt64(number + 1)
        if ends.count * 4 > slots.count * 3 { grow() }
        return (number, true)
    }

    private func number(buffer word: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(word), tag = hash & 0xFFFF_FFFF_0000_0000
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let number = Int(entry & 0xFFFF_FFFF) - 1
                if equals(number, word) { return number }
            }
            slot = (slot + 1) & mask
        }
    }

    private func equals(_ number: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let range = range(of: number)
        guard range.count == word.count else { return false }
        guard let other = word.baseAddress, !range.isEmpty else { return true }
        return storage.withUnsafeBufferPointer { memcmp($0.baseAddress! + range.lowerBound, other, range.count) == 0 }
    }

    /// Twice the slots; the hashes are made again from the words.
    private mutating func grow() {
        var larger = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = larger.count - 1
        storage.withUnsafeBufferPointer { buffer in
            for number in 0..<ends.count {
                let hash = Self.hash(UnsafeBufferPointer(rebasing: buffer[range(of: number)]))
                var slot = Int(truncatingIfNeeded: hash) & mask
                while larger[slot] != 0 { slot = (slot + 1) & mask }
                larger[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(number + 1)
            }
        }
        slots = larger
    }

    /// The hash a word is kept by, for `insert(bytes:ends:hashes:)`.
    static func hash(_ word: ArraySlice<UInt8>) -> UInt64 {
        word.withUnsafeBufferPointer { hash($0) }
    }

    /// FNV-1a, then mixed so that the low bits (the slot) depend on every byte.
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in word {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        hash ^= hash >> 32
        hash &*= 0x9E37_79B9_7F4A_7C15
        return hash ^ (hash >> 29)
    }
}
