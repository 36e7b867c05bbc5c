// HTML escaping of the text a template inserts with `{{name}}`, on the
// text's UTF-8 bytes: the characters and replacements swift-mustache used,
// so the pages stay byte for byte as they were.

enum HTML {
    /// `text` with `<`, `>`, `&`, `"` and `'` escaped, the characters (and
    /// replacements) swift-mustache escapes.
    static func appendEscaped(_ text: String, to output: inout [UInt8]) {
        var text = text
        let start = output.count
        let done = text.withUTF8 { bytes -> Bool in
            var chunk = 0
            var index = 0
            while index < bytes.count {
                if index + 8 <= bytes.count {
                    let word = ByteWords.word(bytes, at: index)
                    if !ByteWords.has(word, UInt8(ascii: "<")) && !ByteWords.has(word, UInt8(ascii: ">"))
                        && !ByteWords.has(word, UInt8(ascii: "&")) && !ByteWords.has(word, UInt8(ascii: "\""))
                        && !ByteWords.has(word, UInt8(ascii: "'")) {
                        index += 8
                        continue
                    }
                }
                defer { index += 1 }
                let replacement: StaticString
                switch bytes[index] {
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                default: continue
                }
                // swift-mustache compares whole characters: a combining mark
                // after it (or a prepended mark before it) makes the
                // character another one, which it leaves as it is.
                if index + 1 < bytes.count && bytes[index + 1] >= 0x80 || index > 0 && bytes[index - 1] >= 0x80 {
                    return false
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[chunk..<index]))
                output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                chunk = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[chunk...]))
            return true
        }
        guard !done else { return }
        output.removeLast(output.count - start)
        for character in text {
            switch character {
            case "<": output += "&lt;".utf8
            case ">": output += "&gt;".utf8
            case "&": output += "&amp;".utf8
            case "\"": output += "&quot;".utf8
            case "'": output += "&#39;".utf8
            default: output += character.utf8
            }
        }
    }
}
