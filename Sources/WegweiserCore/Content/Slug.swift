// Slugs: file names folded to the `[a-z0-9-]` that URLs are made of.
import Foundation

public enum Slug {
    /// Lower case; ä→ae, ö→oe, ü→ue, ß→ss; other accents dropped; every other
    /// run of characters becomes one `-`; no `-` at either end.
    public static func fold(_ name: String) -> String {
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

    /// Whether `id` is a valid vocabulary id: `[a-z0-9-]+`.
    public static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
