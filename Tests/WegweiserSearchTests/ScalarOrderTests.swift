// Byte order of strings, as the JSON writer and the search index sort keys
// and terms: the fast path agrees with the plain walk.
import Testing
@testable import WegweiserSearch

@Suite struct ScalarOrderTests {
    /// The memcmp path orders as the byte-by-byte walk does: prefixes first,
    /// umlauts and other scalars above ASCII by code point, small and large strings.
    @Test(arguments: [
        ("", ""), ("", "a"), ("a", ""), ("id", "identifier"), ("identifier", "id"), ("Zoo", "apfel"),
        ("ärger", "zebra"), ("über", "ähnlich"), ("a\u{2028}", "a\u{1F600}"), ("name", "name"),
        ("organization_id", "organization"), (String(repeating: "x", count: 40) + "b", String(repeating: "x", count: 40) + "a"),
    ])
    func agreesWithTheUTF8Walk(left: String, right: String) {
        #expect(scalarOrder(left, right) == left.utf8.lexicographicallyPrecedes(right.utf8))
        let viaBytes = Array(left.utf8).withUnsafeBufferPointer { l in Array(right.utf8).withUnsafeBufferPointer { bytesPrecede(l, $0) } }
        #expect(viaBytes == left.utf8.lexicographicallyPrecedes(right.utf8))
    }
}
