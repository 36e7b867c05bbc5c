// One folder per invalid case under Tests/Fixtures/invalid/, each with the
// diagnostics it must produce (expected.txt, in `wegweiser check` text form).
import Foundation
import Testing
@testable import WegweiserCore

@Suite struct InvalidSiteTests {
    static let cases = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.root.appendingPathComponent("invalid").path))?.sorted() ?? []

    @Test func thereAreCases() { #expect(Self.cases.count >= 6) }

    @Test(arguments: cases)
    func reportsTheExpectedDiagnostics(name: String) throws {
        let folder = Fixtures.root.appendingPathComponent("invalid/\(name)")
        let siteYAML = try String(contentsOf: Fixtures.site("sample").appendingPathComponent("site.yml"), encoding: .utf8)
        let offers = try SiteFiles.files(below: folder, in: "angebote").map { path in
            SourceFile(path: path, displayPath: "content/\(path)", text: try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8))
        }
        let files = ContentFiles(siteConfig: SourceFile(path: "site.yml", displayPath: "content/site.yml", text: siteYAML), offers: offers, pages: [])
        let strict = FileManager.default.fileExists(atPath: folder.appendingPathComponent("strict").path)
        let result = SiteBuilder.build(
            content: files, templates: try Fixtures.projectTemplates(),
            options: BuildOptions(strict: strict, today: Fixtures.today))
        #expect(result.site == nil)
        let reported = result.diagnostics.map { "\($0.location): \($0.severity.rawValue): \($0.message)" }
        let expected = try String(contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(reported == expected)
        #expect(result.diagnostics.allSatisfy { $0.hint != nil }, "every diagnostic says how to fix it")
    }
}
