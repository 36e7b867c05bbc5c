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
    /// Links to a path on this site (`/angebote/…/`), as published (below
    /// `linkRoot`), with 1-based lines in the body: checked against the site's pages.
    public let siteLinks: [SiteLink]

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

    /// `linkRoot`: the site's path prefix (`/familien/`); links written as
    /// `/datenschutz/` are moved below it, so a site can live in a subfolder.
    public init(_ source: String, linkRoot: String = "/") {
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        let root = source.withCString { cmark_parse_document($0, source.utf8.count, options) }!
        defer { cmark_node_free(root) }
        if linkRoot != "/" { Self.prefixRootLinks(of: root, with: linkRoot) }

        let rendered = cmark_render_html(root, options)!
        html = String(cString: rendered)
        free(rendered)

        var text = CollapsedText(capacity: source.utf8.count)
        var notes: [Note] = []
        var siteLinks: [SiteLink] = []
        let iterator = cmark_iter_new(root)!
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            let node = cmark_iter_get_node(iterator)!
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_ENTER {
                switch type {
                case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                    text.append(cmark_node_get_literal(node))
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                    text.appendSpace()
                case CMARK_NODE_CODE_BLOCK:
                    text.append(cmark_node_get_literal(node))
                    text.appendSpace()
                case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                    notes.append(Note(kind: .rawHTML, line: Self.line(of: node), column: Self.column(of: node)))
                case CMARK_NODE_HEADING where cmark_node_get_heading_level(node) == 1:
                    notes.append(Note(kind: .topLevelHeading, line: Self.line(of: node), column: Self.column(of: node)))
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                    let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                    if !Self.isSafe(url: url) {
                        notes.append(Note(kind: .unsafeLink(url), line: Self.line(of: node), column: Self.column(of: node)))
                    } else if url.hasPrefix("/"), !url.hasPrefix("//") {
                        siteLinks.append(SiteLink(url: url, line: Self.line(of: node), column: Self.column(of: node)))
                    }
                default:
                    break
                }
            } else if event == CMARK_EVENT_EXIT, Self.isBlock(type) {
                text.appendSpace()
            }
        }
        plainText = text.string
        self.notes = notes
        self.siteLinks = siteLinks
    }

    /// Runs of white space become one space, none at either end.
    static func collapsingWhitespace(_ text: String) -> String {
        var collapsed = CollapsedText(capacity: text.utf8.count)
        var text = text
        text.withUTF8 { collapsed.append($0) }
        return collapsed.string
    }

    private static func line(of node: OpaquePointer) -> Int { Int(cmark_node_get_start_line(node)) }
    private static func column(of node: OpaquePointer) -> Int { Int(cmark_node_get_start_column(node)) }

    private static func prefixRootLinks(of root: OpaquePointer, with prefix: String) {
        let iterator = cmark_iter_new(root)!
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            let node = cmark_iter_get_node(iterator)!
            let type = cmark_node_get_type(node)
            guard event == CMARK_EVENT_ENTER, type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE,
                let url = cmark_node_get_url(node).map({ String(cString: $0) }),
                url.hasPrefix("/"), !url.hasPrefix("//"), !url.hasPrefix(prefix)
            else { continue }
            _ = cmark_node_set_url(node, prefix + url.dropFirst())
        }
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

/// Plain text built on UTF-8 bytes as cmark hands out its literals: runs of
/// spaces, tabs and line ends become one space, with none at either end.
private struct CollapsedText: ~Copyable {
    private var buffer: UnsafeMutableBufferPointer<UInt8>
    private var count = 0
    private var pendingSpace = false

    init(capacity: Int) { buffer = .allocate(capacity: max(capacity, 64)) }

    deinit { buffer.deallocate() }

    mutating func append(_ literal: UnsafePointer<CChar>?) {
        guard let literal else { return }
        let length = strlen(literal)
        literal.withMemoryRebound(to: UInt8.self, capacity: length) { append(UnsafeBufferPointer(start: $0, count: length)) }
    }

    mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
        // Each space written stands for white space read, or for the one pending: room for all.
        reserve(text.count + 1)
        guard let output = buffer.baseAddress else { return }
        var end = count
        for byte in text {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                pendingSpace = end > 0
            } else {
                if pendingSpace {
                    output[end] = 0x20
                    end += 1
                    pendingSpace = false
                }
                output[end] = byte
                end += 1
            }
        }
        count = end
    }

    mutating func appendSpace() {
        pendingSpace = count > 0
    }

    private mutating func reserve(_ extra: Int) {
        guard count + extra > buffer.count else { return }
        let larger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(buffer.count * 2, count + extra))
        _ = larger.initialize(fromContentsOf: buffer[..<count])
        buffer.deallocate()
        buffer = larger
    }

    /// cmark's literals are valid UTF-8 (it validates its input), so nothing is repaired here.
    var string: String { String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self) }
}

/// A link in a body to a page of the site itself.
public struct SiteLink: Sendable, Equatable {
    /// As published: starts with the site's root path.
    public var url: String
    /// 1-based; in the body while parsing, in the file once an offer or page holds it.
    public var line: Int
    public var column: Int
}

extension MarkdownDocument {
    /// The site links with lines counted in the whole file.
    func siteLinks(inFileFrom bodyLine: Int) -> [SiteLink] {
        siteLinks.map { SiteLink(url: $0.url, line: bodyLine + $0.line - 1, column: $0.column) }
    }
}
