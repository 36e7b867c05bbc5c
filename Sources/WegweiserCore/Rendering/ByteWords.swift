// Eight bytes at a time: whether a word of text holds a byte that needs
// escaping, so the escapers skip the long runs of plain text (most of a
// page or a record) without looking at each byte. The bit tricks are the
// classic ones ("Bit Twiddling Hacks": determine if a word has a zero byte,
// or a byte less than n); they are exact about whether such a byte exists.

enum ByteWords {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The 8 bytes at `offset` of `bytes` (which must hold them), in memory order.
    @inline(__always)
    static func word(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self)
    }

    /// Whether a byte of `word` is `byte`.
    @inline(__always)
    static func has(_ word: UInt64, _ byte: UInt8) -> Bool {
        let match = word ^ (ones &* UInt64(byte))
        return (match &- ones) & ~match & highs != 0
    }

    /// Whether a byte of `word` is below `limit` (at most 128).
    @inline(__always)
    static func hasBelow(_ word: UInt64, _ limit: UInt8) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highs != 0
    }
}
