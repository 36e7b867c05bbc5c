// The home page's matrix, life phase × town: a gap is a plain "0" that
// links nowhere, so a coordinator sees it as a gap and a family is not sent
// to a page without an offer for that town.
import Foundation
import Testing
@testable import WegweiserCore

@Suite struct HomePageTests {
    @Test func aGapInTheMatrixIsAPlainZero() throws {
        let result = SiteBuilder.build(
            content: Fixtures.content(["angebote/alpha/hebammen.md": Fixtures.offer()]),
            templates: try Fixtures.projectTemplates(), options: BuildOptions(today: Fixtures.today))
        let home = try #require(result.site?.files["index.html"], "\(result.diagnostics)")
        let html = String(decoding: home, as: UTF8.self)
        let rows = html.components(separatedBy: "\n").filter { $0.hasPrefix("<tr><th scope=\"row\">") }
        let pregnancy = try #require(rows.first { $0.contains("/lebensphasen/schwangerschaft/") })
        // No town has anything in this phase: three gaps, no link but the row's own.
        #expect(pregnancy.components(separatedBy: "<td>0</td>").count - 1 == 3)
        #expect(pregnancy.components(separatedBy: "<a href=").count - 1 == 1)
        let infants = try #require(rows.first { $0.contains("/lebensphasen/0-3/") })
        #expect(infants.contains("<td><a href=\"/orte/alpha/0-3/\">1<span class=\"visually-hidden\"> in Alphastadt</span></a></td>"))
        #expect(infants.contains("<td>0</td>"))  // Beta
    }
}
