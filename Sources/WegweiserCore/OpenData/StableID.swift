// Stable identifiers for the open-data export: name-based UUIDs (RFC 9562,
// version 5), and the SHA-1 they need. Foundation on Linux has no CryptoKit,
// and a UUID needs no more than this; the digest is tested against the FIPS
// 180 vectors and the UUIDs against Python's `uuid.uuid5`.

enum SHA1 {
    static func digest(_ message: some Collection<UInt8>) -> [UInt8] {
        let message = Array(message)
        let words = digest(count: message.count) { buffer in
            _ = buffer.initialize(from: message)
        }
        return bytes(words)
    }

    /// The digest of the `count` bytes `write` puts into the buffer it is
    /// given, as five words. The message is padded in a buffer on the stack:
    /// the export makes about twenty ids per service, and making arrays for
    /// the message, its padding and the digest took longer than hashing.
    static func digest(count: Int, write: (UnsafeMutableBufferPointer<UInt8>) -> Void)
        -> (UInt32, UInt32, UInt32, UInt32, UInt32)
    {
        // The message, a 1 bit, zeros up to 8 bytes short of a block, and its length in bits.
        let padded = (count + 8) / 64 * 64 + 64
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: padded) { bytes in
            write(UnsafeMutableBufferPointer(rebasing: bytes[..<count]))
            bytes[count] = 0x80
            for index in (count + 1)..<(padded - 8) { bytes[index] = 0 }
            let bitLength = UInt64(count) * 8
            for i in 0..<8 { bytes[padded - 1 - i] = UInt8(truncatingIfNeeded: bitLength >> UInt64(i * 8)) }
            return compress(UnsafeBufferPointer(bytes))
        }
    }

    /// The five words as 20 bytes, most significant first.
    private static func bytes(_ words: (UInt32, UInt32, UInt32, UInt32, UInt32)) -> [UInt8] {
        var digest: [UInt8] = []
        digest.reserveCapacity(20)
        for word in [words.0, words.1, words.2, words.3, words.4] {
            for shift: UInt32 in stride(from: 24, through: 0, by: -8) { digest.append(UInt8(truncatingIfNeeded: word >> shift)) }
        }
        return digest
    }

    /// The blocks of a padded message, hashed.
    private static func compress(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt32, UInt32, UInt32, UInt32, UInt32) {
        var (h0, h1, h2, h3, h4): (UInt32, UInt32, UInt32, UInt32, UInt32) =
            (0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0)
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 80) { w in
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
        return (h0, h1, h2, h3, h4)
    }
}

extension UInt32 {
    fileprivate func rotatedLeft(_ count: UInt32) -> UInt32 { self << count | self >> (32 - count) }
}

enum StableID {
    /// A version-5 UUID of `name` in `namespace`, lower case with hyphens.
    static func uuid5(namespace: String, name: String) -> String {
        let namespace = bytes(ofUUID: namespace)
        return uuid5(count: namespace.count + name.utf8.count) { bytes in
            bytes.append(namespace)
            bytes.append(name)
        }
    }

    /// RFC 9562's namespace for names that are URLs,
    /// 6ba7b811-9dad-11d1-80b4-00c04fd430c8, as two words: reading a tuple
    /// retains nothing (every id of the export starts with it, on all cores).
    private static let urlNamespaceWords: (UInt64, UInt64) = (0x6BA7_B811_9DAD_11D1, 0x80B4_00C0_4FD4_30C8)

    /// The UUID of the name `write` puts, `count` bytes.
    private static func uuid5(count: Int, _ write: (inout NameBytes) -> Void) -> String {
        let words = SHA1.digest(count: count) { buffer in
            var name = NameBytes(buffer: buffer)
            write(&name)
        }
        return format(words)
    }

    /// The id of one thing of the export: the UUIDv5 (URL namespace) of
    /// `<base_url>hsds/<kind>/<key>`, so anyone can derive it again.
    static func of(_ kind: String, _ key: String, baseURL: String) -> String {
        uuid5(count: 16 + baseURL.utf8.count + 5 + kind.utf8.count + 1 + key.utf8.count) { name in
            name.appendURLPrefix(baseURL, kind)
            name.append(key)
        }
    }

    /// The id of a thing that exists only inside another: the key is
    /// `<owner>/<key>`.
    static func of(_ kind: String, owner: String, _ key: String, baseURL: String) -> String {
        uuid5(count: 16 + baseURL.utf8.count + 5 + kind.utf8.count + 1 + owner.utf8.count + 1 + key.utf8.count) { name in
            name.appendURLPrefix(baseURL, kind)
            name.append(owner)
            name.append(UInt8(ascii: "/"))
            name.append(key)
        }
    }

    /// Where a name's bytes go, one part after the other.
    private struct NameBytes {
        let buffer: UnsafeMutableBufferPointer<UInt8>
        var end = 0

        init(buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

        mutating func append(_ bytes: [UInt8]) {
            end = UnsafeMutableBufferPointer(rebasing: buffer[end...]).initialize(from: bytes).1 + end
        }

        mutating func append(_ text: String) {
            end = UnsafeMutableBufferPointer(rebasing: buffer[end...]).initialize(from: text.utf8).1 + end
        }

        mutating func append(_ byte: UInt8) {
            buffer[end] = byte
            end += 1
        }

        /// The URL namespace, then `<baseURL>hsds/<kind>/`.
        mutating func appendURLPrefix(_ baseURL: String, _ kind: String) {
            append(urlNamespaceWords.0)
            append(urlNamespaceWords.1)
            append(baseURL)
            for byte in "hsds/".utf8 { append(byte) }
            append(kind)
            append(UInt8(ascii: "/"))
        }

        /// Eight bytes, most significant first.
        mutating func append(_ word: UInt64) {
            for shift in stride(from: 56, through: 0, by: -8) {
                buffer[end] = UInt8(truncatingIfNeeded: word >> UInt64(shift))
                end += 1
            }
        }
    }

    private static func bytes(ofUUID uuid: String) -> [UInt8] {
        let hex = Array(uuid.lowercased().filter { $0 != "-" })
        return stride(from: 0, to: hex.count - 1, by: 2).map { UInt8(String(hex[$0...$0 + 1]), radix: 16) ?? 0 }
    }

    /// The first 16 bytes of the digest with the version (5) and the
    /// variant set, as `xxxxxxxx-xxxx-5xxx-yxxx-xxxxxxxxxxxx`.
    private static func format(_ words: (UInt32, UInt32, UInt32, UInt32, UInt32)) -> String {
        var value = (words.0, words.1, words.2, words.3)
        value.1 = value.1 & 0xFFFF_0FFF | 0x0000_5000
        value.2 = value.2 & 0x3FFF_FFFF | 0x8000_0000
        return String(unsafeUninitializedCapacity: 36) { text in
            var index = 0
            for word in [value.0, value.1, value.2, value.3] {
                for shift in stride(from: 28, through: 0, by: -4) {
                    // Hyphens after the 8th, 12th, 16th and 20th digit.
                    if index == 8 || index == 13 || index == 18 || index == 23 { text[index] = UInt8(ascii: "-"); index += 1 }
                    let digit = UInt8(truncatingIfNeeded: word >> UInt32(shift) & 0xF)
                    text[index] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") - 10 + digit
                    index += 1
                }
            }
            return index
        }
    }
}
