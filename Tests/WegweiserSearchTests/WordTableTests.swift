// The byte word table: numbers in the order words are added, one number per
// word, lookups by whole words and by pieces of other words, and the same
// answers after the table has grown.
import Testing
@testable import WegweiserSearch

@Suite struct WordTableTests {
    @Test func wordsAreNumberedInTheOrderAdded() {
        var table = WordTable(capacity: 2)
        #expect(table.insert("hebamme").number == 0)
        #expect(table.insert("zentrum") == (1, true))
        #expect(table.insert("hebamme") == (0, false))
        #expect(table.count == 2)
        #expect(table.word(1) == "zentrum")
        #expect(Array(table.bytes(0)) == Array("hebamme".utf8))
    }

    @Test func aPieceOfAWordIsLookedUpByItsBytes() {
        var table = WordTable()
        table.insert("beratung")
        let compound = Array("erziehungsberatung".utf8)
        #expect(table.contains(compound[10...]))
        #expect(!table.contains(compound[9...]))
        #expect(table.number(of: "") == nil)
        table.insert("")
        #expect(table.number(of: "") == 1)
    }

    @Test func growingKeepsEveryWordAndNumber() {
        var table = WordTable(capacity: 1)
        let words = (0..<5000).map { "wort\($0)" } + ["straße", "ǆ", "👪", "σ"]
        for (index, word) in words.enumerated() { #expect(table.insert(word) == (index, true)) }
        for (index, word) in words.enumerated() {
            #expect(table.number(of: word) == index)
            #expect(table.word(index) == word)
        }
        #expect(!table.contains("wort5000"))
    }

    @Test func wordsAddedManyAtOnceAreAsAddedOneByOne() {
        let words = ["kita", "kurs", "kita", "eltern", "", "kurs", "familie"]
        var one = WordTable(), many = WordTable(capacity: 2)
        for word in words { one.insert(word) }
        var bytes: [UInt8] = [], ends: [Int] = []
        for word in words {
            bytes += Array(word.utf8)
            ends.append(bytes.count)
        }
        many.insert(bytes: bytes, ends: ends)
        #expect(one.count == many.count)
        for number in 0..<one.count { #expect(one.word(number) == many.word(number)) }
    }
}
