// The index build's parallel map gives what `map` gives, in order, for any count.
import Testing
@testable import WegweiserSearch

@Suite struct ParallelTests {
    @Test(arguments: [0, 1, 2, 7, 10, 33, 1000, 4097])
    func concurrentMapKeepsTheOrder(count: Int) {
        let items = Array(0..<count)
        #expect(items.concurrentMap { $0 * 3 + 1 } == items.map { $0 * 3 + 1 })
    }
}

@Suite struct TokenizerASCIITests {
    /// The ASCII fast path of the tokeniser splits words where the general
    /// path (Unicode general categories) does, for every ASCII character.
    @Test func everyASCIICharacterIsClassifiedAsByItsCategory() {
        for value in UInt32(0)..<0x80 {
            let scalar = Unicode.Scalar(value)!
            let lowered = String(Character(scalar)).lowercased()
            let isWord = lowered.unicodeScalars.allSatisfy {
                switch $0.properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                     .decimalNumber, .letterNumber, .otherNumber: true
                default: false
                }
            }
            let expected = isWord ? ["ab" + lowered + "cd"] : ["ab", "cd"]
            #expect(Tokenizer.words("ab" + String(Character(scalar)) + "cd") == expected, "U+\(String(value, radix: 16))")
        }
    }
}
