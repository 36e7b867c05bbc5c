import Foundation
import Testing
@testable import WegweiserCore

@Suite struct DiagnosticFormatTests {
    let diagnostics = [
        Diagnostic(file: "content/angebote/a.md", line: 5, column: 15, message: "Unbekannte Lebensphase `kita`.", hint: "Gültig: 0-3, schule."),
        Diagnostic(file: "content/angebote/b.md", line: 9, column: 1, severity: .warning, message: "Unbekannte Angabe `sumary`, 50%", hint: nil),
    ]

    @Test func text() {
        #expect(DiagnosticFormat.text.render(diagnostics) == """
            content/angebote/a.md:5:15: error: Unbekannte Lebensphase `kita`.
                Hinweis: Gültig: 0-3, schule.
            content/angebote/b.md:9:1: warning: Unbekannte Angabe `sumary`, 50%

            """)
    }

    @Test func githubAnnotations() {
        #expect(DiagnosticFormat.github.render(diagnostics) == """
            ::error file=content/angebote/a.md,line=5,col=15::Unbekannte Lebensphase `kita`.%0AHinweis: Gültig: 0-3, schule.
            ::warning file=content/angebote/b.md,line=9,col=1::Unbekannte Angabe `sumary`, 50%25

            """)
    }

    @Test func json() throws {
        let data = Data(DiagnosticFormat.json.render(diagnostics).utf8)
        let objects = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(objects.count == 2)
        #expect(objects[0]["file"] as? String == "content/angebote/a.md")
        #expect(objects[0]["line"] as? Int == 5)
        #expect(objects[0]["severity"] as? String == "error")
        #expect(objects[0]["hint"] as? String == "Gültig: 0-3, schule.")
        #expect(objects[1]["hint"] == nil)
    }
}
