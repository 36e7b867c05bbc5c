import Testing
@testable import WegweiserCore

@Suite struct MarkdownTests {
    @Test func rendersCommonMark() {
        let document = MarkdownDocument("Text mit **fett** und [Link](https://example.org).\n\n- eins\n- zwei\n")
        #expect(document.html == "<p>Text mit <strong>fett</strong> und <a href=\"https://example.org\">Link</a>.</p>\n<ul>\n<li>eins</li>\n<li>zwei</li>\n</ul>\n")
        #expect(document.plainText == "Text mit fett und Link. eins zwei")
    }

    @Test func dropsRawHTMLAndScriptLinks() {
        let document = MarkdownDocument("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <b>roh</b>\n")
        #expect(!document.html.contains("<script"))
        #expect(!document.html.contains("<b>"))
        #expect(!document.html.contains("javascript:"))
        #expect(document.notes.map(\.kind) == [.rawHTML, .unsafeLink("javascript:alert(1)"), .rawHTML, .rawHTML])
    }

    @Test func movesRootLinksBelowTheSitePath() {
        let document = MarkdownDocument("[Datenschutz](/datenschutz/) [extern](https://example.org/x) [neu](/familien/y)", linkRoot: "/familien/")
        #expect(document.html.contains("href=\"/familien/datenschutz/\""))
        #expect(document.html.contains("href=\"https://example.org/x\""))
        #expect(document.html.contains("href=\"/familien/y\""))
    }

    @Test func collapsesWhitespace() {
        #expect(MarkdownDocument.collapsingWhitespace("  a \n\n b\t c  ") == "a b c")
    }
}
