// Stable identifiers for the open-data export: name-based UUIDs (RFC 9562,
// version 5), and the SHA-1 they need. Foundation on Linux has no CryptoKit,
// and a UUID needs no more than this; the digest is tested against the FIPS
// 180 vectors and the UUIDs against Python's `uuid.uuid5`.

enum SHA1 {
    static func digest(_ message: some Collection<UInt8>) -> [UInt8] {
        // The message, a 1 bit, zeros up to 8 bytes short of a block, and its length in bits.
        var bytes = Array(message)
        let bitLength = UInt64(bytes.count) * 8
        bytes.reserveCapacity(bytes.count + 72)
        bytes.append(0x80)
        while bytes.count % 64 != 56 { bytes.append(0) }
        for i in (0..<8).reversed() { bytes.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(i * 8))) }

        var (h0, h1, h2, h3, h4): (UInt32, UInt32, UInt32, UInt32, UInt32) =
            (0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0)
        // Through buffer pointers: the export makes about twenty ids per
        // service, and checking every index was half of the time.
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 80) { w in
            bytes.withUnsafeBufferPointer { bytes in
                for chunk in stride(from: 0, to: bytes.count, by: 64) {
                    for i in 0..<16 {
                        let j = chunk + i * 4
                        w[i] = UInt32(bytes[j]) << 24 | UInt32(bytes[j + 1]) << 16 | UInt32(bytes[j + 2]) << 8 | UInt32(bytes[j + 3])
                    }
                    for i in 16..<80 { w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotatedLeft(1) }
                    var (a, b, c, d, e) = (h0, h1, h2, h3, h4)
                    // Four loops, one per round function, so the inner loop has no branch.
                    for i in 0..<20 {
                        let temp = a.rotatedLeft(5) &+ ((b & c) | (~b & d)) &+ e &+ 0x5A82_7999 &+ w[i]
                        (e, d, c, b, a) = (d, c, b.rotatedLeft(30), a, temp)
                    }
                    for i in 20..<40 {
                        let temp = a.rotatedLeft(5) &+ (b ^ c ^ d) &+ e &+ 0x6ED9_EBA1 &+ w[i]
                        (e, d, c, b, a) = (d, c, b.rotatedLeft(30), a, temp)
                    }
                    for i in 40..<60 {
                        let temp = a.rotatedLeft(5) &+ ((b & c) | (b & d) | (c & d)) &+ e &+ 0x8F1B_BCDC &+ w[i]
                        (e, d, c, b, a) = (d, c, b.rotatedLeft(30), a, temp)
                    }
                    for i in 60..<80 {
                        let temp = a.rotatedLeft(5) &+ (b ^ c ^ d) &+ e &+ 0xCA62_C1D6 &+ w[i]
                        (e, d, c, b, a) = (d, c, b.rotatedLeft(30), a, temp)
                    }
                    h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d; h4 &+= e
                }
            }
        }
        var digest: [UInt8] = []
        digest.reserveCapacity(20)
        for word in [h0, h1, h2, h3, h4] {
            for shift: UInt32 in stride(from: 24, through: 0, by: -8) { digest.append(UInt8(truncatingIfNeeded: word >> shift)) }
        }
        return digest
    }
}

extension UInt32 {
    fileprivate func rotatedLeft(_ count: UInt32) -> UInt32 { self << count | self >> (32 - count) }
}

enum StableID {
    /// RFC 9562's namespace for names that are URLs.
    static let urlNamespace = "6ba7b811-9dad-11d1-80b4-00c04fd430c8"

    /// A version-5 UUID of `name` in `namespace`, lower case with hyphens.
    static func uuid5(namespace: String, name: String) -> String {
        uuid5(namespaceBytes: bytes(ofUUID: namespace), name: name)
    }

    private static let urlNamespaceBytes = bytes(ofUUID: urlNamespace)

    private static func uuid5(namespaceBytes: [UInt8], name: String) -> String {
        var message = namespaceBytes
        message.append(contentsOf: name.utf8)
        var hash = SHA1.digest(message)
        hash[6] = (hash[6] & 0x0F) | 0x50
        hash[8] = (hash[8] & 0x3F) | 0x80
        return format(hash[..<16])
    }

    /// The id of one thing of the export: the UUIDv5 (URL namespace) of
    /// `<base_url>hsds/<kind>/<key>`, so anyone can derive it again.
    static func of(_ kind: String, _ key: String, baseURL: String) -> String {
        uuid5(namespaceBytes: urlNamespaceBytes, name: "\(baseURL)hsds/\(kind)/\(key)")
    }

    private static func bytes(ofUUID uuid: String) -> [UInt8] {
        let hex = Array(uuid.lowercased().filter { $0 != "-" })
        return stride(from: 0, to: hex.count - 1, by: 2).map { UInt8(String(hex[$0...$0 + 1]), radix: 16) ?? 0 }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func format(_ bytes: ArraySlice<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
