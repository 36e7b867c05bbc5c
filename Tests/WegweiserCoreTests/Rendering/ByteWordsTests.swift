import Testing
@testable import WegweiserCore

@Suite struct ByteWordsTests {
    /// Words of 8 bytes with the byte looked for (or one next to it) at every
    /// position, among bytes from the whole range: the tricks must agree
    /// with looking at each byte.
    @Test func agreesWithLookingAtEachByte() {
        var generator = SystemRandomNumberGenerator()
        let interesting: [UInt8] = [0x00, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x3B, 0x3C, 0x3D, 0x5C, 0x7F, 0x80, 0xE1, 0xE2, 0xE3, 0xFF]
        for _ in 0..<20_000 {
            let bytes = (0..<8).map { _ in Bool.random(using: &generator) ? interesting.randomElement(using: &generator)! : UInt8.random(in: 0...255, using: &generator) }
            bytes.withUnsafeBufferPointer { buffer in
                let word = ByteWords.word(buffer, at: 0)
                for target in [UInt8(0x22), 0x3C, 0x5C, 0xE2, 0x00, 0xFF] {
                    #expect(ByteWords.has(word, target) == bytes.contains(target), "\(bytes) \(target)")
                }
                for limit in [UInt8(1), 0x20, 0x80] {
                    #expect(ByteWords.hasBelow(word, limit) == bytes.contains { $0 < limit }, "\(bytes) < \(limit)")
                }
            }
        }
    }

    @Test func escapersFindASpecialByteAtEveryPosition() {
        // Long runs of plain text are skipped eight bytes at a time; a special
        // byte must be found wherever it stands in such a run.
        for length in 0..<20 {
            for position in 0..<max(length, 1) where length > 0 {
                var text = String(repeating: "a", count: length)
                for (special, json, html) in [("<", "\\u003c", "&lt;"), ("\"", "\\\"", "&quot;"), ("&", "&", "&amp;"), ("\n", "\\n", "\n")] {
                    var characters = Array(text)
                    characters[position] = Character(special)
                    text = String(characters)
                    let expectedJSON = "\"" + text.replacingOccurrences(of: special, with: json) + "\""
                    #expect(JSON.string(text).text == expectedJSON)
                    var output: [UInt8] = []
                    HTML.appendEscaped(text, to: &output)
                    #expect(String(decoding: output, as: UTF8.self) == text.replacingOccurrences(of: special, with: html))
                }
            }
        }
    }
}
