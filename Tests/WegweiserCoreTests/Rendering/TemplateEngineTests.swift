// The template engine (Rendering/Templates/): every kind of tag, the
// whitespace of standalone lines, partials and `{{<parent}}` blocks, the
// context stack, escaping, and each syntax error with its line and column.
// The expected outputs are swift-mustache's for the same templates and data
// (the engine replaced it and must render the pages byte for byte as it did).
import Foundation
import Testing
@testable import WegweiserCore

/// A view model made of a dictionary, for tests.
struct TestView: TemplateData {
    var values: [TemplateKey: TemplateValue]

    init(_ values: [TemplateKey: TemplateValue] = [:]) {
        self.values = values
    }

    func value(_ key: TemplateKey) -> TemplateValue { values[key] ?? .absent }
}

enum Engine {
    /// The data most tests render.
    static var data: TestView {
        TestView([
            .title: .text("Kita <Sonne> & \"Mond\" 'x'"), .name: .text("Unna"), .count: .number(0), .current: .bool(true),
            .empty: .bool(false), .text: .text(""), .url: .text("/root/"),
            .items: .list([TestView([.name: .text("A"), .url: .text("/a/")]), TestView([.name: .text("B")])]),
            .offers: .list([TestView]()),
            .offer: .object(TestView([.title: .text("Inner"), .page: .object(TestView())])),
            .page: .object(TestView([.title: .text("P")])),
        ])
    }

    static func render(_ template: String, _ view: TestView = data, partials: [String: String] = [:]) -> String {
        let library = TemplateLibrary(partials.merging(["page": template]) { $1 })
        #expect(library.problems.isEmpty, "\(library.problems)")
        return String(decoding: library.render("page", view) ?? [], as: UTF8.self)
    }

    static func problem(_ template: String, partials: [String: String] = [:]) -> TemplateLibrary.Problem? {
        TemplateLibrary(partials.merging(["page": template]) { $1 }).problems.first
    }
}

@Suite struct TemplateTagTests {
    @Test(arguments: [
        ("{{title}}", "Kita &lt;Sonne&gt; &amp; &quot;Mond&quot; &#39;x&#39;"),
        ("{{{title}}}", "Kita <Sonne> & \"Mond\" 'x'"),
        ("{{& title}}", "Kita <Sonne> & \"Mond\" 'x'"),
        ("{{ name }}", "Unna"),
        ("{{count}}|{{current}}|{{empty}}", "0|true|false"),
        ("[{{noun}}][{{no-such-name}}]", "[][]"),
        ("{{page.title}}", "P"),
        ("{{#offer}}{{.title}}|{{.name}}{{/offer}}", "Inner|"),
        ("a{{! a comment }}b", "ab"),
        ("{{=<% %>=}}<% name %>{{name}}<%={{ }}=%>{{name}}", "Unna{{name}}Unna"),
    ])
    func variablesAndComments(template: String, expected: String) {
        #expect(Engine.render(template) == expected)
    }

    @Test(arguments: [
        // A list repeats, an empty one is false; a text is true even when
        // empty, a number even when 0; both become the current object.
        ("{{#items}}{{name}};{{/items}}", "A;B;"),
        ("{{#offers}}x{{/offers}}", ""),
        ("{{#text}}[{{.}}]{{/text}}{{#count}}<{{.}}>{{/count}}", "[]<0>"),
        ("{{#current}}yes{{/current}}{{#empty}}no{{/empty}}{{#noun}}no{{/noun}}", "yes"),
        ("{{#offer}}{{title}}{{/offer}}", "Inner"),
        ("{{^offers}}none{{/offers}}{{^items}}no{{/items}}", "none"),
        ("{{^empty}}E{{/empty}}{{^noun}}A{{/noun}}{{^current}}no{{/current}}{{^text}}no{{/text}}", "EA"),
    ])
    func sections(template: String, expected: String) {
        #expect(Engine.render(template) == expected)
    }

    @Test func aNameMissingInTheCurrentObjectIsLookedUpInTheEnclosingOnes() {
        #expect(Engine.render("{{#items}}{{name}}:{{url}};{{/items}}") == "A:/a/;B:/root/;")
        // Only the first part of a dotted name climbs: `page` is found in
        // `offer`, which has no title, so the outer page's title is not used.
        #expect(Engine.render("{{#offer}}{{page.title}}|{{title}}|{{name}}{{/offer}}") == "|Inner|Unna")
    }

    @Test(arguments: [
        ("a<b>c", "a&lt;b&gt;c"),
        ("Mütter & Väter", "Mütter &amp; Väter"),
        // Next to other characters: compared as whole characters, as swift-mustache does.
        ("é&ü", "é&amp;ü"),
        ("<\u{301}b", "<\u{301}b"),
        ("", ""),
    ])
    func escapingIsSwiftMustaches(text: String, escaped: String) {
        #expect(Engine.render("{{title}}", TestView([.title: .text(text)])) == escaped)
        var bytes: [UInt8] = []
        HTML.appendEscaped(text, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == escaped)
    }
}

@Suite struct TemplateWhitespaceTests {
    @Test(arguments: [
        // A tag alone on its line takes the line with it.
        ("a\n{{#current}}\nb\n{{/current}}\nc", "a\nb\nc"),
        ("a\r\n  {{#current}}  \r\nb\r\n  {{/current}}\r\nc", "a\r\nb\r\nc"),
        ("a\n  {{! note }}\nb", "a\nb"),
        ("{{#items}}\n  - {{name}}\n{{/items}}\n", "  - A\n  - B\n"),
        // Not alone: the whitespace stays.
        ("  {{#current}}b{{/current}}\n", "  b\n"),
        ("a {{! note }} b\n", "a  b\n"),
        ("  {{title}}\n", "  Kita &lt;Sonne&gt; &amp; &quot;Mond&quot; &#39;x&#39;\n"),
    ])
    func standaloneLines(template: String, expected: String) {
        #expect(Engine.render(template) == expected)
    }

    @Test func aStandalonePartialIsIndentedLineByLine() {
        #expect(Engine.render("x\n  {{>p}}\ny", partials: ["p": "a\nb\n"]) == "x\n  a\n  b\ny")
        #expect(Engine.render("x {{>p}} y", partials: ["p": "a\nb\n"]) == "x a\nb\n y")
        #expect(Engine.render("{{>partials/card}}", partials: ["partials/card": "[{{name}}]"]) == "[Unna]")
    }
}

@Suite struct TemplateInheritanceTests {
    static let layout = "<main>\n{{$main}}\ndefault\n{{/main}}\n</main>\n"

    @Test func aChildReplacesTheParentsBlocksAndKeepsTheRest() {
        #expect(Engine.render("{{<layout}}{{/layout}}", partials: ["layout": Self.layout]) == "<main>\ndefault\n</main>\n")
        #expect(Engine.render("{{<layout}}\n{{$main}}\nmine\n{{/main}}\n{{/layout}}\n", partials: ["layout": Self.layout])
            == "<main>\nmine\n</main>\n")
        // Text and comments between the blocks are not output.
        #expect(Engine.render("{{<layout}}\ntext between\n{{$main}}M{{/main}}\n{{! c }}\n{{/layout}}", partials: ["layout": "[{{$main}}{{/main}}]"])
            == "[M]")
    }

    @Test func theOutermostOverrideWins() {
        let partials = ["child": "{{<layout}}{{$main}}inner{{/main}}{{/layout}}", "layout": "[{{$main}}{{/main}}]"]
        #expect(Engine.render("{{<child}}{{$main}}outer{{/main}}{{/child}}", partials: partials) == "[outer]")
        #expect(Engine.render("{{>child}}", partials: partials) == "[inner]")
    }

    @Test func aBlocksIndentationIsTakenFromItsFirstLine() {
        let partials = ["layout": "<main>\n  {{$main}}default{{/main}}\n</main>\n"]
        #expect(Engine.render("{{<layout}}\n{{$main}}\n  inner\n    deeper\n{{/main}}\n{{/layout}}\n", partials: partials)
            == "<main>\n  inner\n    deeper\n\n</main>\n")
    }

    @Test func aBlockSeesTheDataWhereItIsExpanded() {
        #expect(Engine.render("{{<layout}}{{$main}}{{name}}{{/main}}{{/layout}}", partials: ["layout": "{{#offer}}{{$main}}{{/main}}{{/offer}}"])
            == "Unna")
    }
}

@Suite struct TemplateSyntaxErrorTests {
    @Test(arguments: [
        ("<p>\n{{#offers}}\n<li>", 2, 1, "`{{#offers}}` wird nicht geschlossen"),
        ("{{^offers}}", 1, 1, "`{{^offers}}` wird nicht geschlossen"),
        ("<p>\n  {{#offers}}x{{/items}}", 2, 15, "`{{/items}}` schließt nicht `{{#offers}}` aus Zeile 2"),
        ("ab\n{{/offers}}", 2, 1, "`{{/offers}}` schließt keinen offenen Abschnitt"),
        ("{{>partials/nope}}", 1, 1, "die Teilvorlage `partials/nope` gibt es nicht"),
        ("x\n{{<nope}}{{/nope}}", 2, 1, "die Teilvorlage `nope` gibt es nicht"),
        ("<p>{{offer title}}</p>", 1, 4, "im Tag steht `t`, wo `}}` kommen sollte"),
        ("<p>{{Straße}}</p>", 1, 4, "im Tag steht `ß`, wo `}}` kommen sollte"),
        ("Ä {{title", 1, 3, "das Tag wird nicht mit `}}` geschlossen"),
        ("x{{", 1, 2, "das Tag wird nicht mit `}}` geschlossen"),
        ("{{{title}}", 1, 1, "`{{{title` wird nicht mit `}}}` geschlossen"),
        ("{{}}", 1, 1, "im Tag fehlt der Name"),
        ("a {{! never closed", 1, 3, "der Kommentar wird nicht mit `}}` geschlossen"),
        ("{{title(x)}}", 1, 1, "Funktionen wie `title(…)` werden nicht unterstützt"),
        ("{{%CONTENT_TYPE: TEXT}}", 1, 1, "Einstellungen wie `{{%…}}` werden nicht unterstützt"),
        ("{{>*dynamic}}", 1, 1, "Teilvorlagen mit wechselndem Namen (`{{>*name}}`) werden nicht unterstützt"),
        ("{{=<% %>}}", 1, 1, "das Tag zum Wechseln der Klammern ist ungültig"),
        ("{{<layout}}\n{{title}}\n{{/layout}}", 2, 1, "zwischen `{{<layout}}` und `{{/layout}}` dürfen nur Blöcke `{{$name}}…{{/name}}` stehen"),
    ])
    func aSyntaxErrorSaysWhereAndWhy(template: String, line: Int, column: Int, reason: String) throws {
        let problem = try #require(Engine.problem(template, partials: ["layout": "{{$main}}{{/main}}"]))
        #expect(problem.template == "page")
        #expect(problem.error.reason == reason)
        #expect(problem.error.position == TemplatePosition(line: line, column: column))
        #expect(!problem.error.hint.isEmpty)
    }

    @Test func aBrokenTemplateIsADiagnosticInGerman() throws {
        var templates = try Fixtures.projectTemplates()
        templates.templates["partials/offer-card"] = "<li>\n{{#title}}{{title}}\n</li>\n"
        let model = Fixtures.model([:])
        guard case .failure(let list) = SiteRenderer.plan(model, templates: templates, templatesPath: "templates") else {
            Issue.record("a broken template was accepted")
            return
        }
        let diagnostic = try #require(list.diagnostics.first)
        #expect(diagnostic.file == "templates/partials/offer-card.mustache")
        #expect((diagnostic.line, diagnostic.column) == (2, 1))
        #expect(diagnostic.message == "Die Vorlage lässt sich nicht lesen: `{{#title}}` wird nicht geschlossen.")
        #expect(diagnostic.hint == "Schließen Sie den Abschnitt mit `{{/title}}`.")
    }
}

@Suite struct ProjectTemplateTests {
    /// Every name the project's templates use is one a view model answers:
    /// a misspelt name would otherwise be an empty spot on the page.
    @Test func everyNameIsKnown() throws {
        let templates = try Fixtures.projectTemplates().templates
        let tag = try Regex(#"\{\{[#^&{]?\s*([A-Za-z0-9_.?*-]+)\s*\}?\}\}"#)
        for (name, source) in templates {
            for match in source.matches(of: tag) {
                let path = String(match.output[1].substring ?? "")
                for part in path.split(separator: ".") {
                    #expect(TemplateKey(rawValue: String(part)) != nil, "\(name).mustache: `\(path)`")
                }
            }
        }
    }

    @Test func theProjectsTemplatesCompile() throws {
        #expect(TemplateLibrary(try Fixtures.projectTemplates().templates).problems.isEmpty)
    }
}
