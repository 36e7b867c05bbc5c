// `wegweiser serve`: builds, serves the site on 127.0.0.1, rebuilds when a
// file changes and reloads the browser. A content error shows in the page;
// the server keeps running. The site lives in memory only: serve never
// writes into the publish folder, so its drafts cannot be uploaded by mistake.
import ArgumentParser
import FlyingFox
import Foundation
import WegweiserCore
import WegweiserSearch

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Baut die Website und zeigt sie unter http://127.0.0.1 an; baut bei Änderungen neu.")

    @OptionGroup var site: SiteOptions

    @Option(help: "Port auf 127.0.0.1.")
    var port: UInt16 = 8080

    @Flag(inversion: .prefixedNo, help: "Entwürfe (draft: true) mit anzeigen (Standard beim Vorschauen).")
    var drafts = true

    func run() async throws {
        let live = LiveSite()
        let cache = OfferParseCache()
        let files = SourceFileCache()
        // The word list is read once; a rebuild after an edit reuses it.
        let dictionary: CompoundDictionary?
        switch site.diskBuild(output: "", drafts: drafts).readDictionary() {
        case .success(let list): dictionary = list
        case .failure(let error):
            FileHandle.standardError.write(Data(DiagnosticFormat.text.render(error.diagnostics).utf8))
            throw ExitCode.failure
        }
        // Watch and take the fingerprint before the first build: a save made
        // while it runs (at 50,000 offers it takes seconds) is then seen as a
        // change, rather than lost until the next save.
        let changes = FolderWatcher(folders: sourceFolders).changes()
        let firstFingerprint = fingerprintNow()
        await live.update(build(cache, files, dictionary))
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: port), logger: .disabled, handler: live)
        let watcher = Task {
            var fingerprint = firstFingerprint
            for await _ in changes {
                let current = fingerprintNow()
                // A file saved twice within one tick of the file clock keeps
                // its stamp: while one is fresh, every change is built.
                guard current != fingerprint || !fingerprint.isSettled() else { continue }
                fingerprint = current
                await live.update(build(cache, files, dictionary))
            }
        }
        defer { watcher.cancel() }
        say("Wegweiser läuft auf http://127.0.0.1:\(port)/ – Beenden mit Strg+C.")
        try await server.run()
    }

    private var sourceFolders: [URL] { [URL(fileURLWithPath: site.content), URL(fileURLWithPath: site.templates)] }

    private func fingerprintNow() -> SourceFingerprint {
        SourceFingerprint(folders: sourceFolders)
    }

    private func build(_ cache: OfferParseCache, _ files: SourceFileCache, _ dictionary: CompoundDictionary?) -> LiveBuildResult {
        let started = ContinuousClock.now
        let result = site.diskBuild(output: "", drafts: drafts).live(cache: cache, files: files, dictionary: dictionary)
        FileHandle.standardError.write(Data(DiagnosticFormat.text.render(result.diagnostics).utf8))
        if result.site != nil {
            say("Neu gebaut: \(result.offerCount) Angebote, \((ContinuousClock.now - started).milliseconds) ms.")
        } else {
            say("Bau fehlgeschlagen: \(result.diagnostics.errorCount) Fehler – im Browser sichtbar.")
        }
        return result
    }
}

/// The current build, shared between the watcher and the HTTP handler.
actor LiveSite: HTTPHandler {
    private var devSite = DevSite(state: .failed([], lastGood: nil), version: 0)
    private var lastGood: LazySite?

    func update(_ result: LiveBuildResult) {
        if let site = result.site {
            lastGood = site
            devSite = DevSite(state: .built(site), version: devSite.version + 1, root: site.root)
        } else {
            devSite = DevSite(
                state: .failed(result.diagnostics, lastGood: lastGood), version: devSite.version + 1,
                root: lastGood?.root ?? "/")
        }
    }

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let response = devSite.respond(to: request.path)
        return HTTPResponse(
            statusCode: HTTPStatusCode(response.status, phrase: response.status == 200 ? "OK" : response.status == 404 ? "Not Found" : "Internal Server Error"),
            headers: [.contentType: response.contentType, HTTPHeader("Cache-Control"): "no-store"],
            body: response.body)
    }
}

/// Writes a line at once: `print` is buffered when the output is not a terminal.
private func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
