// Slugs: file names folded to the `[a-z0-9-]` that URLs are made of.
import Foundation

public enum Slug {
    /// Lower case; ä→ae, ö→oe, ü→ue, ß→ss; other accents dropped; every other
    /// run of characters becomes one `-`; no `-` at either end.
    public static func fold(_ name: String) -> String {
        foldGermanLatin(name) ?? foldUnicode(name)
    }

    /// `fold` for any text, character by character.
    static func foldUnicode(_ name: String) -> String {
        var result = ""
        var pendingDash = false
        func append(_ scalar: Unicode.Scalar) {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingDash && !result.isEmpty { result.append("-") }
                pendingDash = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        for character in name.lowercased() {
            // Most characters are ASCII: no decomposition needed (it is the
            // costly part, and sorting offers folds every title).
            if character.isASCII, let scalar = character.unicodeScalars.first {
                append(scalar)
                continue
            }
            let replacement: String
            switch character {
            case "ä": replacement = "ae"
            case "ö": replacement = "oe"
            case "ü": replacement = "ue"
            case "ß": replacement = "ss"
            default:
                // Decompose, then drop the combining marks: é → e, ł stays ł (and becomes -).
                replacement = String(String.UnicodeScalarView(
                    String(character).decomposedStringWithCanonicalMapping.unicodeScalars
                        .filter { $0.properties.generalCategory != .nonspacingMark }))
            }
            for scalar in replacement.unicodeScalars { append(scalar) }
        }
        return result
    }

    /// `fold` on the bytes, for a name of ASCII and ä, ö, ü, ß, Ä, Ö, Ü only
    /// (most titles and file names): nil for any other character, which
    /// needs Unicode's decomposition. With no combining marks in such a
    /// name, each byte or letter is a character of its own, as in `fold`.
    static func foldGermanLatin(_ name: String) -> String? {
        var utf8 = name.utf8.makeIterator()
        var result: [UInt8] = []
        result.reserveCapacity(name.utf8.count + 4)
        var pendingDash = false
        // One letter, or two for an umlaut (no variadic array per letter).
        func append(_ byte: UInt8, _ second: UInt8? = nil) {
            if pendingDash && !result.isEmpty { result.append(UInt8(ascii: "-")) }
            pendingDash = false
            result.append(byte)
            if let second { result.append(second) }
        }
        while let byte = utf8.next() {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): append(byte + 32)
            case 0xC3:
                switch utf8.next() {
                case 0xA4, 0x84: append(UInt8(ascii: "a"), UInt8(ascii: "e"))  // ä Ä
                case 0xB6, 0x96: append(UInt8(ascii: "o"), UInt8(ascii: "e"))  // ö Ö
                case 0xBC, 0x9C: append(UInt8(ascii: "u"), UInt8(ascii: "e"))  // ü Ü
                case 0x9F: append(UInt8(ascii: "s"), UInt8(ascii: "s"))  // ß
                default: return nil
                }
            case 0x80...: return nil
            default: pendingDash = true
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Whether `id` is a valid vocabulary id: `[a-z0-9-]+`.
    public static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
