// `wegweiser new`: writes a new offer file with a fresh id from the flags given.
import ArgumentParser
import Foundation
import WegweiserCore

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Legt eine neue Angebotsdatei mit frischer id an.",
        discussion: "Beispiel: wegweiser new --title \"Elterncafé am Markt\" --town unna --phase 0-3 --area jugendhilfe")

    @Option(help: "Ordner mit site.yml und angebote/.")
    var content = "content"

    @Option(help: "Titel des Angebots.")
    var title: String

    @Option(name: .customLong("town"), help: "id des Ortes (mehrfach möglich).")
    var towns: [String] = []

    @Option(name: .customLong("phase"), help: "id der Lebensphase (mehrfach möglich).")
    var phases: [String] = []

    @Option(name: .customLong("area"), help: "id des Bereichs (mehrfach möglich).")
    var areas: [String] = []

    @Option(help: "Kurzbeschreibung (höchstens 300 Zeichen).")
    var summary: String?

    @Option(help: "Träger des Angebots.")
    var provider: String?

    @Option(help: "Dateiname ohne .md; Standard: aus dem Titel gebildet.")
    var slug: String?

    func run() throws {
        let directory = URL(fileURLWithPath: content)
        // Only site.yml is needed: its vocabularies check the flags.
        let siteFile = (try? String(contentsOf: directory.appendingPathComponent("site.yml"), encoding: .utf8)).map {
            SourceFile(path: "site.yml", displayPath: "\(content)/site.yml", text: $0)
        }
        let draft = OfferDraft(
            title: title, summary: summary, municipalities: towns, lifePhases: phases, areas: areas,
            provider: provider, slug: slug)
        let plan: OfferDraft.Plan
        do {
            plan = try draft.plan(siteConfig: siteFile, id: UUID(), today: CalendarDate.today())
        } catch let problem as DiagnosticList {
            FileHandle.standardError.write(Data(DiagnosticFormat.text.render(problem.diagnostics).utf8))
            throw ExitCode.failure
        }
        let url = directory.appendingPathComponent(plan.path)
        if FileManager.default.fileExists(atPath: url.path) {
            FileHandle.standardError.write(Data("\(content)/\(plan.path): error: Die Datei gibt es schon.\n    Hinweis: Wählen Sie mit --slug einen anderen Dateinamen.\n".utf8))
            throw ExitCode.failure
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(plan.text.utf8).write(to: url)
        print("\(content)/\(plan.path) angelegt. Ergänzen Sie die Angaben und prüfen Sie mit `wegweiser check`.")
    }
}
