import Foundation
import Testing
@testable import WegweiserCore

@Suite struct DevSiteTests {
    let site = RenderedSite(
        files: [
            "index.html": Data("<html><body>Start</body></html>".utf8),
            "orte/unna/index.html": Data("<html><body>Unna</body></html>".utf8),
            "assets/site.css": Data("body{}".utf8),
            "404.html": Data("<html><body>Fehlt</body></html>".utf8),
        ], pageCount: 3)

    private func text(_ response: DevSite.Response) -> String { String(decoding: response.body, as: UTF8.self) }

    @Test func servesPagesWithTheReloadScript() {
        let dev = DevSite(state: .built(site), version: 7)
        let page = dev.respond(to: "/orte/unna/")
        #expect(page.status == 200)
        #expect(page.contentType == "text/html; charset=utf-8")
        #expect(text(page).contains("Unna"))
        #expect(text(page).contains("<script src=\"/__wegweiser/reload.js?v=7\"></script>\n</body>"))
        // The script is a file of its own, so the pages' CSP (script-src 'self') lets it run.
        let script = dev.respond(to: DevSite.reloadScriptPath + "?v=7")
        #expect(script.contentType == "text/javascript; charset=utf-8")
        #expect(text(script).contains(DevSite.versionPath) && text(script).contains("location.reload()"))
        #expect(dev.respond(to: "/orte/unna").status == 200)
        #expect(dev.respond(to: "/?q=x").status == 200)
    }

    @Test func servesAssetsUnchanged() {
        let css = DevSite(state: .built(site)).respond(to: "/assets/site.css")
        #expect(css.contentType == "text/css; charset=utf-8")
        #expect(text(css) == "body{}")
    }

    @Test func unknownPathsGetThe404Page() {
        let response = DevSite(state: .built(site)).respond(to: "/gibt/es/nicht/")
        #expect(response.status == 404)
        #expect(text(response).contains("Fehlt"))
        #expect(DevSite(state: .built(site)).respond(to: "/../etc/passwd").status == 404)
    }

    @Test func answersTheBuildVersion() {
        #expect(text(DevSite(state: .built(site), version: 3).respond(to: DevSite.versionPath)) == "3")
    }

    @Test func aFailedBuildShowsItsErrorsInThePage() {
        let diagnostic = Diagnostic(file: "content/angebote/x.md", line: 4, column: 2, message: "Unbekannte Lebensphase `<kita>`.", hint: "Gültig: 0-3.")
        let dev = DevSite(state: .failed([diagnostic], lastGood: site), version: 2)
        let page = dev.respond(to: "/orte/unna/")
        #expect(page.status == 500)
        #expect(text(page).contains("content/angebote/x.md:4:2"))
        #expect(text(page).contains("`&lt;kita&gt;`"))
        #expect(text(page).contains("Gültig: 0-3."))
        #expect(text(page).contains("reload.js?v=2"))
        // Assets still come from the last good build, so the page keeps its look.
        #expect(dev.respond(to: "/assets/site.css").status == 200)
    }
}
