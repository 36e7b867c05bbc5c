// What `wegweiser serve` answers: the last good build, a page listing the
// content errors while a build fails, and a tiny script that reloads the
// browser when a new build is ready. Pure: the HTTP server lives in the CLI.
import Foundation

public struct DevSite: Sendable {
    public enum State: Sendable {
        case built(any SiteContents)
        case failed([Diagnostic], lastGood: (any SiteContents)?)
    }

    public struct Response: Sendable, Equatable {
        public var status: Int
        public var contentType: String
        public var body: Data
    }

    /// Path the injected script polls; answers the current build number.
    public static let versionPath = "/__wegweiser/version"
    /// The reload script itself: a file, not inline, so that the pages'
    /// Content-Security-Policy (`script-src 'self'`) lets it run.
    public static let reloadScriptPath = "/__wegweiser/reload.js"

    public var state: State
    /// Counts builds, so the browser knows when to reload.
    public var version: Int
    /// The site's root path (`/` or `/familien/`).
    public var root: String

    public init(state: State, version: Int = 1, root: String = "/") {
        self.state = state
        self.version = version
        self.root = root
    }

    public func respond(to requestPath: String) -> Response {
        let path = requestPath.split(separator: "?", maxSplits: 1).first.map(String.init) ?? requestPath
        if path == Self.versionPath {
            return Response(status: 200, contentType: "text/plain; charset=utf-8", body: Data("\(version)".utf8))
        }
        if path == Self.reloadScriptPath {
            return Response(status: 200, contentType: "text/javascript; charset=utf-8", body: Data(reloadScript.utf8))
        }
        switch state {
        case .failed(let diagnostics, let lastGood):
            // A page is a folder or `.html`; anything else with a dot (site.css) is a file.
            let lastPart = path.split(separator: "/").last ?? ""
            let wantsPage = path.hasSuffix("/") || path.hasSuffix(".html") || !lastPart.contains(".")
            if wantsPage || lastGood == nil {
                return Response(status: 500, contentType: "text/html; charset=utf-8", body: Data(errorPage(diagnostics).utf8))
            }
            return file(path, in: lastGood!)
        case .built(let site):
            return file(path, in: site)
        }
    }

    private func file(_ path: String, in site: any SiteContents) -> Response {
        let decoded = path.removingPercentEncoding ?? path
        guard decoded.hasPrefix(root) || decoded + "/" == root else { return notFound(site) }
        var relative = String(decoded.dropFirst(min(root.count, decoded.count)))
        if relative.isEmpty || relative.hasSuffix("/") { relative += "index.html" }
        guard !relative.split(separator: "/").contains("..") else { return notFound(site) }
        // `/orte/unna` (as some clients send it) is the folder's page; asking
        // for the page first spares a lazy site from looking among its other files.
        let lastPart = relative.split(separator: "/").last ?? ""
        if !lastPart.contains("."), let page = site.file(relative + "/index.html") {
            return Response(status: 200, contentType: Self.contentType(of: "index.html"), body: withReload(page, "index.html"))
        }
        guard let data = site.file(relative) else { return notFound(site) }
        return Response(status: 200, contentType: Self.contentType(of: relative), body: withReload(data, relative))
    }

    private func notFound(_ site: any SiteContents) -> Response {
        let data = site.file("404.html") ?? Data("Nicht gefunden".utf8)
        return Response(status: 404, contentType: "text/html; charset=utf-8", body: withReload(data, "404.html"))
    }

    /// HTML gets the reload script before `</body>`.
    private func withReload(_ data: Data, _ path: String) -> Data {
        guard path.hasSuffix(".html") else { return data }
        let html = String(decoding: data, as: UTF8.self)
        guard let end = html.range(of: "</body>", options: .backwards) else { return data }
        return Data(html.replacingCharacters(in: end, with: reloadElement + "</body>").utf8)
    }

    /// The page's build number travels in the URL, so the script knows which
    /// build the page shows.
    private var reloadElement: String {
        "<script src=\"\(Self.reloadScriptPath)?v=\(version)\"></script>\n"
    }

    private var reloadScript: String {
        """
        (function(){var s=document.currentScript,v=new URL(s.src).searchParams.get("v");setInterval(function(){fetch("\(Self.versionPath)").then(function(r){return r.text()}).then(function(t){if(t!==v)location.reload()}).catch(function(){})},1000)})();

        """
    }

    func errorPage(_ diagnostics: [Diagnostic]) -> String {
        let items = diagnostics.map { diagnostic -> String in
            var item = "<li><code>\(Feeds.escape(diagnostic.location))</code> <strong>\(diagnostic.severity == .error ? "Fehler" : "Warnung"):</strong> \(Feeds.escape(diagnostic.message))"
            if let hint = diagnostic.hint { item += "<br><em>Hinweis: \(Feeds.escape(hint))</em>" }
            return item + "</li>"
        }.joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html lang="de">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Fehler in den Inhalten</title>
            <style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;line-height:1.5}li{margin:0 0 1rem}code{background:#f3f3f3;padding:0 .25rem}</style></head>
            <body>
            <h1>Die Website kann gerade nicht gebaut werden</h1>
            <p>Bitte beheben Sie diese \(diagnostics.errorCount == 1 ? "Stelle" : "Stellen"). Sobald Sie die Datei speichern, lädt diese Seite neu.</p>
            <ol>
            \(items)
            </ol>
            \(reloadElement)</body>
            </html>
            """
    }

    static func contentType(of path: String) -> String {
        switch path.split(separator: ".").last.map(String.init) ?? "" {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js", "mjs": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "xml": path.hasSuffix("feed.xml") ? "application/atom+xml" : "application/xml"
        case "txt": "text/plain; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "webp": "image/webp"
        case "ico": "image/x-icon"
        case "woff2": "font/woff2"
        default: "application/octet-stream"
        }
    }
}

/// A cheap fingerprint of the content and templates folders: paths and
/// each file's stamp (size, times to the nanosecond, inode). A different
/// fingerprint means: build again. The same one proves nothing while a
/// stamp is fresh (`isSettled`): a second save of the same size within one
/// step of the kernel's file clock keeps the stamp of the first.
public struct SourceFingerprint: Sendable, Equatable {
    private var entries: [Entry] = []

    /// Whether every file's stamp is older than the clock's steps, so that
    /// a save since would have moved it. `now`: seconds since 1970.
    public func isSettled(now: Int = Int(Date().timeIntervalSince1970)) -> Bool {
        entries.allSatisfy { $0.stamp?.isSettled(now: now) ?? true }
    }

    private struct Entry: Sendable, Equatable {
        var path: String
        var stamp: SiteFiles.Stamp?
    }

    public init(folders: [URL]) {
        for folder in folders {
            for path in SiteFiles.files(below: folder, in: "") {
                let full = folder.path + "/" + path
                entries.append(Entry(path: full, stamp: SiteFiles.Stamp(path: full)))
            }
        }
    }
}
