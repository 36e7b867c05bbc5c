// The one place that talks to libcmark: parse CommonMark, render safe HTML,
// extract plain text, and report what the editor should know about.
import CCmark
import Foundation

/// A parsed CommonMark document. cmark's default options keep it safe: raw
/// HTML is replaced by a comment and `javascript:` links are dropped.
public struct MarkdownDocument: Sendable {
    public let html: String
    /// Text without markup, for the search index and descriptions.
    public let plainText: String
    /// Things cmark will not publish as written, with 1-based lines in the body.
    public let notes: [Note]

    public struct Note: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            case rawHTML
            case topLevelHeading
            case unsafeLink(String)
        }

        public var kind: Kind
        public var line: Int
        public var column: Int
    }

    public init(_ source: String) {
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        let root = source.withCString { cmark_parse_document($0, source.utf8.count, options) }!
        defer { cmark_node_free(root) }

        let rendered = cmark_render_html(root, options)!
        html = String(cString: rendered)
        free(rendered)

        var text = ""
        var notes: [Note] = []
        let iterator = cmark_iter_new(root)!
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            let node = cmark_iter_get_node(iterator)!
            let type = cmark_node_get_type(node)
            let line = Int(cmark_node_get_start_line(node))
            let column = Int(cmark_node_get_start_column(node))
            if event == CMARK_EVENT_ENTER {
                switch type {
                case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                    text += Self.literal(of: node)
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                    text += " "
                case CMARK_NODE_CODE_BLOCK:
                    text += Self.literal(of: node) + " "
                case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                    notes.append(Note(kind: .rawHTML, line: line, column: column))
                case CMARK_NODE_HEADING where cmark_node_get_heading_level(node) == 1:
                    notes.append(Note(kind: .topLevelHeading, line: line, column: column))
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                    let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                    if !Self.isSafe(url: url) {
                        notes.append(Note(kind: .unsafeLink(url), line: line, column: column))
                    }
                default:
                    break
                }
            } else if event == CMARK_EVENT_EXIT, Self.isBlock(type) {
                text += " "
            }
        }
        plainText = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        self.notes = notes
    }

    private static func literal(of node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    private static func isBlock(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_ITEM, CMARK_NODE_BLOCK_QUOTE,
            CMARK_NODE_LIST, CMARK_NODE_CODE_BLOCK, CMARK_NODE_THEMATIC_BREAK:
            true
        default:
            false
        }
    }

    /// Mirrors cmark's own rule (it drops javascript:, vbscript:, file: and
    /// most data: URLs), so the editor hears about a link that vanished.
    static func isSafe(url: String) -> Bool {
        let lowered = url.lowercased()
        for scheme in ["javascript:", "vbscript:", "file:"] where lowered.hasPrefix(scheme) {
            return false
        }
        if lowered.hasPrefix("data:") {
            return ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
                .contains { lowered.hasPrefix($0) }
        }
        return true
    }
}
