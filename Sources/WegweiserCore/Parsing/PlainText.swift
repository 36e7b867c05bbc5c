// Plain-text fields (title, summary, provider, …): `<`, `>`, `&` and quotes
// are ordinary characters there ("Kinder < 3 Jahren & Eltern"), escaped by
// every output. Only text that looks like HTML tags or Markdown formatting
// gets a warning, because it will be shown as typed, not formatted.
import Foundation

enum PlainText {
    /// The first piece of `text` that looks like markup, or nil.
    static func markup(in text: String) -> String? {
        // Nearly every text has none of the characters markup starts with:
        // spare it the regular expressions, which a build runs per field.
        guard text.utf8.withContiguousStorageIfAvailable({ $0.contains(where: isMarkupStart) }) ?? text.utf8.contains(where: isMarkupStart)
        else { return nil }
        let utf8 = text.utf8
        for (pattern, needs) in patterns {
            // An expression runs only where the text has what a match would need ("Kinder & Eltern" has no `;`).
            guard needs.allSatisfy({ utf8.contains($0) }) else { continue }
            if let range = text.range(of: pattern, options: .regularExpression) {
                return String(text[range])
            }
        }
        return nil
    }

    /// `<`, `&`, `[`, `*`, `_` or a backtick.
    private static func isMarkupStart(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x3C, 0x26, 0x5B, 0x2A, 0x5F, 0x60: true
        default: false
        }
    }

    /// Each expression with the bytes every match of it contains.
    private static let patterns: [(String, [UInt8])] = [
        (#"</?[A-Za-z][A-Za-z0-9]*(\s[^<>]*)?/?>"#, Array("<>".utf8)),  // <b>, </p>, <br/>, <a href="…">
        (#"&(#[0-9]+|#x[0-9A-Fa-f]+|[A-Za-z]+);"#, Array("&;".utf8)),  // &amp;, &#8211;
        (#"\[[^\]]+\]\([^)]*\)"#, Array("[]()".utf8)),  // [Link](https://…)
        (#"\*\*[^*]+\*\*"#, Array("*".utf8)), (#"__[^_]+__"#, Array("_".utf8)),  // **bold**, __bold__
        (#"`[^`]+`"#, Array("`".utf8)),  // `code`
    ]
}

extension YAMLReader {
    /// A plain-text value, read like `string`, with a warning where it looks
    /// like formatting that will appear as typed.
    mutating func text(_ node: YAMLNode?, _ key: String, maxLength: Int? = nil) -> String? {
        let text = string(node, key, maxLength: maxLength)
        if let text, let found = PlainText.markup(in: text) {
            warning(node, "`\(key)` ist einfacher Text: `\(found)` erscheint auf der Website genau so, nicht als Formatierung.",
                hint: "Schreiben Sie hier nur Text. Formatierungen und Links gehören in den Text unter den Angaben.")
        }
        return text
    }

    mutating func textList(_ node: YAMLNode?, _ key: String) -> [(String, YAMLNode)]? {
        guard let items = list(node, key) else { return nil }
        return items.compactMap { item in text(item, key).map { ($0, item) } }
    }
}
