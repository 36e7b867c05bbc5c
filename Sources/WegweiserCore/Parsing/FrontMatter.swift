// Splits a Markdown file into its YAML front matter and its body, keeping
// track of lines so messages point into the file the editor wrote.
import Foundation

/// A text file of the content folder.
public struct SourceFile: Sendable, Equatable {
    /// Path relative to the content folder, with `/`: `angebote/unna/hebamme.md`.
    public var path: String
    /// The path as messages show it, e.g. `content/angebote/unna/hebamme.md`.
    public var displayPath: String
    public var text: String

    public init(path: String, displayPath: String? = nil, text: String) {
        self.path = path
        self.displayPath = displayPath ?? path
        self.text = text
    }
}

public struct FrontMatterDocument: Sendable, Equatable {
    public var yaml: String
    /// Line in the file where the YAML starts (the line after the opening `---`).
    public var yamlLine: Int
    public var body: String
    /// Line in the file where the body starts.
    public var bodyLine: Int
}

public enum FrontMatter {
    /// Accepts a UTF-8 byte-order mark and CRLF line ends (a lone CR ends a line too).
    public static func normalize(_ text: String) -> String {
        var contiguous = text
        return contiguous.withUTF8 { bytes in
            let hasMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
            let start = hasMark ? 3 : 0
            let rest = UnsafeBufferPointer(rebasing: bytes[start...])
            guard let base = rest.baseAddress, memchr(base, 0x0D, rest.count) != nil else {
                return hasMark ? String(decoding: rest, as: UTF8.self) : text
            }
            var lines: [UInt8] = []
            lines.reserveCapacity(rest.count)
            var index = 0
            while index < rest.count {
                let byte = rest[index]
                if byte == 0x0D {
                    lines.append(0x0A)
                    if index + 1 < rest.count, rest[index + 1] == 0x0A { index += 1 }
                } else {
                    lines.append(byte)
                }
                index += 1
            }
            return String(decoding: lines, as: UTF8.self)
        }
    }

    public static func split(_ file: SourceFile) -> Result<FrontMatterDocument, Diagnostic> {
        var text = normalize(file.text)
        let parts = text.withUTF8 { bytes -> Parts in
            let firstEnd = lineEnd(in: bytes, from: 0)
            guard isFence(bytes, 0..<firstEnd) else { return .noOpeningFence }
            // Line by line after the opening fence; `line` counts from 1.
            var start = firstEnd + 1
            var line = 2
            while start <= bytes.count {
                let end = lineEnd(in: bytes, from: start)
                if isFence(bytes, start..<end) {
                    return .fences(
                        yaml: (firstEnd + 1)..<max(start - 1, firstEnd + 1), body: min(end + 1, bytes.count)..<bytes.count,
                        bodyLine: line + 1)
                }
                start = end + 1
                line += 1
            }
            return .noClosingFence
        }
        switch parts {
        case .fences(let yaml, let body, let bodyLine):
            // Cut at line ends, the parts are valid text: copied, not decoded again.
            func part(_ range: Range<Int>) -> String {
                let utf8 = text.utf8
                let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
                return String(text[start..<utf8.index(start, offsetBy: range.count)])
            }
            return .success(FrontMatterDocument(yaml: part(yaml), yamlLine: 2, body: part(body), bodyLine: bodyLine))
        case .noOpeningFence:
            return .failure(Diagnostic(
                file: file.displayPath, line: 1, column: 1,
                message: "Die Datei beginnt nicht mit den Angaben (Front Matter).",
                hint: "Schreiben Sie in die erste Zeile `---`, darunter die Angaben wie `title: …`, dann wieder eine Zeile `---` und danach den Text."))
        case .noClosingFence:
            return .failure(Diagnostic(
                file: file.displayPath, line: 1, column: 1,
                message: "Die Angaben am Anfang der Datei werden nicht mit `---` abgeschlossen.",
                hint: "Setzen Sie nach der letzten Angabe eine Zeile, die nur `---` enthält."))
        }
    }

    private enum Parts {
        /// Byte ranges of the YAML and the body; the body's first line.
        case fences(yaml: Range<Int>, body: Range<Int>, bodyLine: Int)
        case noOpeningFence, noClosingFence
    }

    /// Where the line starting at `start` ends: its `\n`, or the end of the text.
    private static func lineEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard start < bytes.count else { return bytes.count }
        return bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
    }

    /// `---`, maybe followed by white space.
    private static func isFence(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard range.count >= 3, bytes[range.lowerBound] == 0x2D, bytes[range.lowerBound + 1] == 0x2D,
            bytes[range.lowerBound + 2] == 0x2D
        else { return false }
        var hasOtherText = false
        for byte in bytes[(range.lowerBound + 3)..<range.upperBound] where byte != 0x20 && !(0x09...0x0D).contains(byte) {
            // Beyond ASCII, Unicode decides what is white space (a no-break space is).
            guard byte < 0x80 else {
                let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
                return line.trimmingTrailingWhitespace() == "---"
            }
            hasOtherText = true
        }
        return !hasOtherText
    }
}
extension String {
    /// Whether the text's UTF-8 holds `byte`; memchr, not a loop over the view.
    func containsUTF8(_ byte: UInt8) -> Bool {
        var text = self
        return text.withUTF8 { bytes in bytes.baseAddress.map { memchr($0, Int32(byte), bytes.count) != nil } ?? false }
    }
}

extension StringProtocol {
    func trimmingTrailingWhitespace() -> SubSequence {
        var end = endIndex
        while end > startIndex, self[index(before: end)].isWhitespace { end = index(before: end) }
        return self[startIndex..<end]
    }
}
