// What every page carries for safety: a Content-Security-Policy that allows
// only the site itself (the inline search script by its hash), a referrer
// policy, and plain text escaped right in every kind of output.
import Foundation
import Testing
@testable import WegweiserCore

@Suite struct SafeOutputTests {
    static func render(_ offers: [String: String]) throws -> [String: Data] {
        let result = SiteRenderer.render(Fixtures.model(offers), templates: try Fixtures.projectTemplates(), templatesPath: "templates")
        guard case .success(let site) = result else { throw SearchPageTests.RenderFailure() }
        return site.files
    }

    static func text(_ files: [String: Data], _ path: String) throws -> String {
        String(decoding: try #require(files[path], "no \(path)"), as: UTF8.self)
    }

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (String(repeating: "a", count: 1000), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
    ])
    func sha256MatchesTheStandardsVectors(input: String, hex: String) {
        #expect(SHA256.digest(Array(input.utf8)).map { String(format: "%02x", $0) }.joined() == hex)
    }

    @Test func everyPageAllowsOnlyTheSiteItselfAndTheSearchScriptByItsHash() throws {
        let files = try Self.render(SearchPageTests.offers)
        let pages = files.keys.filter { $0.hasSuffix(".html") }.sorted()
        #expect(pages.count > 10)
        for path in pages {
            let html = try Self.text(files, path)
            let policy = try #require(html.firstMatch(of: /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/), "\(path) has no CSP")
                .output.1.replacingOccurrences(of: "&#39;", with: "'")
            #expect(policy.hasPrefix("default-src 'self'; script-src 'self'"), "\(path): \(policy)")
            #expect(policy.contains("object-src 'none'") && policy.contains("base-uri 'self'") && policy.contains("form-action 'self'"))
            #expect(!policy.contains("unsafe-inline") && !policy.contains("http"), "\(path): \(policy)")
            #expect(html.contains(#"<meta name="referrer" content="strict-origin-when-cross-origin">"#), "\(path)")
            // The policy comes before anything it governs.
            #expect(html.range(of: "Content-Security-Policy")!.lowerBound < html.range(of: "<link")!.lowerBound)

            let inline = html.matches(of: /<script(?: type="module" async)?>(.*?)<\/script>/.dotMatchesNewlines()).map { String($0.output.1) }
            let hashes = policy.matches(of: /'sha256-([^']+)'/).map { String($0.output.1) }
            #expect(hashes == inline.map { Data(SHA256.digest(Array($0.utf8))).base64EncodedString() }, "\(path)")
            if path == "suche/index.html" { #expect(inline.count == 1 && inline[0].contains("search-results")) }
        }
    }

    @Test func plainTextWithAngleBracketsAndAmpersandsIsEscapedInEveryOutput() throws {
        let offer = Fixtures.offer(title: "'Mini & Maxi <3'", towns: "[alpha]")
            .replacingOccurrences(of: "Hebammen helfen nach der Geburt.", with: "'Für Kinder < 3 Jahren & \"ihre\" Eltern'")
            .replacingOccurrences(of: "provider: Hebammen e. V.", with: "provider: \"Caritas & Diakonie <Unna>\"")
        let files = try Self.render(["angebote/mini.md": offer])

        let page = try Self.text(files, "angebote/mini/index.html")
        #expect(page.contains("<h1>Mini &amp; Maxi &lt;3</h1>") || page.contains("Mini &amp; Maxi &lt;3</h1>"))
        #expect(page.contains(#"<meta name="description" content="Für Kinder &lt; 3 Jahren &amp; &quot;ihre&quot; Eltern">"#))
        #expect(page.contains("Caritas &amp; Diakonie &lt;Unna&gt;"))
        #expect(!page.contains("<3") && !page.contains("<Unna>") && !page.contains("< 3"))
        let jsonLD = try #require(page.firstMatch(of: /<script type="application\/ld\+json">(.*?)<\/script>/)).output.1
        #expect(!jsonLD.contains("<"))
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(jsonLD.utf8)) as? [String: Any])
        #expect(decoded["name"] as? String == "Mini & Maxi <3")
        #expect(decoded["description"] as? String == "Für Kinder < 3 Jahren & \"ihre\" Eltern")

        for listing in ["orte/alpha/index.html", "lebensphasen/0-3/index.html", "themen/gesundheit/index.html"] {
            let html = try Self.text(files, listing)
            #expect(html.contains("Mini &amp; Maxi &lt;3") && !html.contains("<3"), "\(listing)")
        }

        let feed = try Self.text(files, "feed.xml")
        #expect(feed.contains("Mini &amp; Maxi &lt;3") && !feed.contains("<3"))
        #expect(feed.contains("Für Kinder &lt; 3 Jahren &amp;"))

        // The index holds the text itself: JSON decoding gives it back as written.
        let indexData = try #require(files["suche/index.json"])
        let index = try JSONSerialization.jsonObject(with: indexData)
        let decodedIndex = String(decoding: try JSONSerialization.data(withJSONObject: index), as: UTF8.self)
        #expect(decodedIndex.contains("Mini & Maxi <3"))
    }
}
