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

    /// `fold` on the bytes, for a name of ASCII, umlauts and ß, the accented
    /// letters of French and Spanish words (é, ç, ñ, …) and the dashes and
    /// quotation marks of German titles (most titles and file names): nil
    /// for any other character, which needs Unicode's decomposition. With
    /// no combining marks in such a name, each byte or letter is a
    /// character of its own, as in `fold`.
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
                switch utf8.next() ?? 0 {
                case 0xA4, 0x84: append(UInt8(ascii: "a"), UInt8(ascii: "e"))  // ä Ä
                case 0xB6, 0x96: append(UInt8(ascii: "o"), UInt8(ascii: "e"))  // ö Ö
                case 0xBC, 0x9C: append(UInt8(ascii: "u"), UInt8(ascii: "e"))  // ü Ü
                case 0x9F: append(UInt8(ascii: "s"), UInt8(ascii: "s"))  // ß
                // Letters that decompose to a plain letter and a mark: the letter.
                case 0xA0...0xA2, 0x80...0x82: append(UInt8(ascii: "a"))  // à á â
                case 0xA7, 0x87: append(UInt8(ascii: "c"))  // ç
                case 0xA8...0xAB, 0x88...0x8B: append(UInt8(ascii: "e"))  // è é ê ë
                case 0xAC...0xAF, 0x8C...0x8F: append(UInt8(ascii: "i"))  // ì í î ï
                case 0xB1, 0x91: append(UInt8(ascii: "n"))  // ñ
                case 0xB2...0xB4, 0x92...0x94: append(UInt8(ascii: "o"))  // ò ó ô
                case 0xB9...0xBB, 0x99...0x9B: append(UInt8(ascii: "u"))  // ù ú û
                default: return nil
                }
            case 0xC2:
                // No-break space, ·, « and »: separators.
                switch utf8.next() ?? 0 {
                case 0xA0, 0xB7, 0xAB, 0xBB: pendingDash = true
                default: return nil
                }
            case 0xE2:
                // Dashes, quotation marks and the ellipsis: separators.
                guard utf8.next() == 0x80 else { return nil }
                switch utf8.next() ?? 0 {
                case 0x93, 0x94, 0x98, 0x99, 0x9C, 0x9D, 0x9E, 0xA6: pendingDash = true
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
