// What CI shows an editor: `check --format github` and `--format gitlab` for a
// fixture with several errors and warnings (Tests/Fixtures/check/fehlerhaft),
// compared with golden files. After an intended change, regenerate them with
// `UPDATE_GOLDEN=1 swift test --filter CheckReportTests` and review the diff.
import Foundation
import Testing
@testable import WegweiserCore

@Suite struct CheckReportTests {
    static let folder = Fixtures.root.appendingPathComponent("check/fehlerhaft")

    static func diagnostics(editing edit: ((inout ContentFiles) -> Void)? = nil) -> [Diagnostic] {
        var files = SiteFiles.readContent(at: folder, displayPrefix: "content")
        edit?(&files)
        return SiteBuilder.check(content: files, options: BuildOptions(today: Fixtures.today))
    }

    @Test(arguments: [("github", "fehlerhaft.github.txt"), ("gitlab", "fehlerhaft.gitlab.json")])
    func matchesGoldenFile(format: String, name: String) throws {
        let rendered = try #require(DiagnosticFormat(rawValue: format)).render(Self.diagnostics())
        let golden = Fixtures.root.appendingPathComponent("golden/check/\(name)")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(rendered.utf8).write(to: golden)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(rendered == expected, "\(name) differs from its golden file:\n\(GoldenPageTests.diff(expected, rendered))")
    }

    @Test func theFixtureHasSeveralErrorsAndWarnings() {
        let diagnostics = Self.diagnostics()
        #expect(diagnostics.errorCount >= 4)
        #expect(diagnostics.warningCount >= 5)
    }

    @Test func gitlabReportHasTheFieldsGitLabReads() throws {
        let data = Data(DiagnosticFormat.gitlab.render(Self.diagnostics()).utf8)
        let issues = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(issues.count == Self.diagnostics().count)
        for issue in issues {
            #expect((issue["description"] as? String)?.isEmpty == false)
            #expect((issue["check_name"] as? String)?.hasPrefix("wegweiser/") == true)
            #expect(["minor", "critical"].contains(issue["severity"] as? String ?? ""))
            let location = try #require(issue["location"] as? [String: Any])
            #expect((location["path"] as? String)?.hasPrefix("content/angebote/") == true)
            let lines = try #require(location["lines"] as? [String: Any])
            #expect((lines["begin"] as? Int ?? 0) >= 1)
            #expect((issue["fingerprint"] as? String)?.count == 32)
        }
        let fingerprints = issues.compactMap { $0["fingerprint"] as? String }
        #expect(Set(fingerprints).count == fingerprints.count, "every problem has its own fingerprint")
    }

    /// GitLab tells new problems from old ones by the fingerprint: it must not
    /// change from run to run, nor when a line is added above the problem.
    @Test func fingerprintsAreStableAcrossRunsAndMovedLines() throws {
        func fingerprints(_ diagnostics: [Diagnostic]) throws -> [String: String] {
            let data = Data(DiagnosticFormat.gitlab.render(diagnostics).utf8)
            let issues = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
            var byProblem: [String: String] = [:]
            for issue in issues {
                let location = issue["location"] as! [String: Any]
                byProblem["\(location["path"]!) \(issue["description"]!)"] = issue["fingerprint"] as? String
            }
            return byProblem
        }
        let first = try fingerprints(Self.diagnostics())
        #expect(try fingerprints(Self.diagnostics()) == first)
        let moved = Self.diagnostics { files in
            let index = files.offers.firstIndex { $0.path.hasSuffix("hebammen.md") }!
            files.offers[index].text = files.offers[index].text.replacingOccurrences(
                of: "Mehr im", with: "Ein Absatz mehr.\n\nMehr im")
        }
        let movedLines = moved.filter { $0.file.hasSuffix("hebammen.md") && $0.message.contains("Link") }.map(\.line)
        #expect(movedLines.allSatisfy { $0 > 11 })
        #expect(try fingerprints(moved) == first)
    }
}
