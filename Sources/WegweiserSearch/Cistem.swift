// CISTEM, the German stemmer of Weissweiler & Fraser (2017), in its
// case-insensitive form and without the rule that strips a leading "ge":
// that rule would make "gesundheit" and its prefix "gesu" stem apart.
// Mirrored in templates/assets/search.js; works on Unicode scalars there and
// here (code points in JavaScript) so that lengths agree.

enum Cistem {
    // Placeholders for the letter groups the suffix rules must not split.
    private static let sch: Unicode.Scalar = "\u{E000}"
    private static let ei: Unicode.Scalar = "\u{E001}"
    private static let ie: Unicode.Scalar = "\u{E002}"
    private static let repeated: Unicode.Scalar = "*"

    /// Stems a folded word (lower case, umlauts already plain vowels).
    static func stem(_ word: String) -> String {
        var letters = Array(word.unicodeScalars)
        letters = replace(["s", "c", "h"], with: sch, in: letters)
        letters = replace(["e", "i"], with: ei, in: letters)
        letters = replace(["i", "e"], with: ie, in: letters)
        letters = markDoubles(letters)
        while letters.count > 3 {
            if letters.count > 5 {
                if letters.hasSuffix("e", "m") || letters.hasSuffix("e", "r") || letters.hasSuffix("n", "d") {
                    letters.removeLast(2)
                    continue
                }
            }
            if let last = letters.last, last == "t" || last == "e" || last == "s" || last == "n" {
                letters.removeLast()
                continue
            }
            break
        }
        // Undo the markers in the paper's order: doubles first, then the groups.
        var undoubled: [Unicode.Scalar] = []
        for letter in letters {
            if letter == repeated, let previous = undoubled.last {
                undoubled.append(previous)
            } else {
                undoubled.append(letter)
            }
        }
        var out = String.UnicodeScalarView()
        for letter in undoubled {
            switch letter {
            case sch: out.append(contentsOf: "sch".unicodeScalars)
            case ei: out.append(contentsOf: "ei".unicodeScalars)
            case ie: out.append(contentsOf: "ie".unicodeScalars)
            default: out.append(letter)
            }
        }
        return String(out)
    }

    /// Replaces every occurrence of `pattern`, left to right, not overlapping.
    private static func replace(
        _ pattern: [Unicode.Scalar], with placeholder: Unicode.Scalar, in letters: [Unicode.Scalar]
    ) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        var index = 0
        while index < letters.count {
            if index + pattern.count <= letters.count,
               Array(letters[index..<index + pattern.count]) == pattern {
                out.append(placeholder)
                index += pattern.count
            } else {
                out.append(letters[index])
                index += 1
            }
        }
        return out
    }

    /// A letter written twice becomes the letter and `*`, so that suffix rules
    /// see "mm" in "hebamme" as one letter.
    private static func markDoubles(_ letters: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        var index = 0
        while index < letters.count {
            out.append(letters[index])
            if index + 1 < letters.count, letters[index + 1] == letters[index] {
                out.append(repeated)
                index += 2
            } else {
                index += 1
            }
        }
        return out
    }
}

private extension Array where Element == Unicode.Scalar {
    func hasSuffix(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Bool {
        count >= 2 && self[count - 2] == first && self[count - 1] == second
    }
}
