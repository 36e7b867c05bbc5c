import Testing
@testable import WegweiserCore

@Suite struct StableIDTests {
    private func hex(_ bytes: [UInt8]) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// FIPS 180-2's examples, and a message whose padding needs a second block.
    @Test(arguments: [
        ("", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        ("abc", "a9993e364706816aba3e25717850c26c9cd0d89d"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "84983e441c3bd26ebaae4aa1f95129e5e54670f1"),
        ("The quick brown fox jumps over the lazy dog", "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12"),
    ])
    func sha1MatchesTheStandardVectors(message: String, digest: String) {
        #expect(hex(SHA1.digest(Array(message.utf8))) == digest)
    }

    @Test func sha1OfAMillionAs() {
        #expect(hex(SHA1.digest([UInt8](repeating: 0x61, count: 1_000_000))) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
    }

    /// The same values as Python's `uuid.uuid5`.
    @Test func uuid5MatchesPython() {
        // uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
        #expect(StableID.uuid5(namespace: "6ba7b810-9dad-11d1-80b4-00c04fd430c8", name: "python.org")
            == "886313e1-3b8a-5372-9b90-0c9aee199e5d")
        // uuid.uuid5(uuid.NAMESPACE_URL, "https://test.example.org/hsds/service/frauenhaus")
        #expect(StableID.of("service", "frauenhaus", baseURL: "https://test.example.org/")
            == "8530c4a4-9d42-5925-bed4-640972c35ae7")
    }

    @Test func idsDependOnKindKeyAndSite() {
        let base = StableID.of("service", "a", baseURL: "https://a.example/")
        #expect(base == StableID.of("service", "a", baseURL: "https://a.example/"))
        #expect(base != StableID.of("service", "b", baseURL: "https://a.example/"))
        #expect(base != StableID.of("organization", "a", baseURL: "https://a.example/"))
        #expect(base != StableID.of("service", "a", baseURL: "https://b.example/"))
        // A record inside another is keyed by `<owner>/<key>`.
        #expect(StableID.of("phone", owner: base, "contact", baseURL: "https://a.example/")
            == StableID.of("phone", "\(base)/contact", baseURL: "https://a.example/"))
    }
}
