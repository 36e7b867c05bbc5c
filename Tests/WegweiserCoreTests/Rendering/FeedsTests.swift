// XML escaping of the feeds and the sitemap: by bytes where that is the
// same as by Characters, as it was first written (kept here as the model).
import Testing
@testable import WegweiserCore

@Suite struct FeedsTests {
    @Test(arguments: [
        ("Eltern & Kinder", "Eltern &amp; Kinder"), ("<b>\"x\" 'y'</b>", "&lt;b&gt;&quot;x&quot; &apos;y&apos;&lt;/b&gt;"),
        ("Straße – kein Zeichen", "Straße – kein Zeichen"), ("", ""),
    ])
    func theFiveCharactersBecomeEntities(_ text: String, _ expected: String) {
        #expect(Feeds.escape(text) == expected)
    }

    @Test func sameAsByCharacters() {
        let alphabet = ["a", " ", "&", "<", ">", "\"", "'", "ä", "\u{301}", "\u{600}", "\u{200D}", "\r\n", "👪", "–"]
        var generator = SplitMix(seed: 3)
        for _ in 0..<2000 {
            let text = (0..<Int(generator.next() % 12)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
            #expect(Feeds.escape(text) == Self.byCharacters(text), "\(text.debugDescription)")
        }
    }

    static func byCharacters(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }
}
