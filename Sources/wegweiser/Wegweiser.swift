// The `wegweiser` command: parses flags and hands over to WegweiserCore.
import ArgumentParser
import Foundation
import WegweiserCore

@main
struct Wegweiser: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wegweiser",
        abstract: "Baut aus Markdown-Angeboten einen statischen Familienwegweiser.",
        subcommands: [Build.self, Check.self, Serve.self, New.self, Coverage.self])
}

/// Flags shared by the commands that read a site.
struct SiteOptions: ParsableArguments {
    @Option(help: "Ordner mit site.yml, angebote/ und seiten/.")
    var content = "content"

    @Option(help: "Ordner mit den Mustache-Vorlagen und assets/.")
    var templates = "templates"

    @Flag(help: "Warnungen als Fehler behandeln.")
    var strict = false

    @Option(help: "Deutsche Wortliste (ein Wort je Zeile, etwa /usr/share/dict/ngerman aus wngerman), mit der die Suche zusammengesetzte Wörter zerlegt (build, serve).")
    var dictionary: String?

    func buildOptions(drafts: Bool = false, baseURL: String? = nil) -> BuildOptions {
        BuildOptions(
            includeDrafts: drafts, strict: strict, today: CalendarDate.today(), templatesPath: templates,
            baseURL: baseURL)
    }

    func readContent() -> ContentFiles {
        SiteFiles.readContent(at: URL(fileURLWithPath: content), displayPrefix: content)
    }

    func diskBuild(output: String, drafts: Bool, force: Bool = false, baseURL: String? = nil) -> DiskBuild {
        var build = DiskBuild(
            content: content, templates: templates, output: output,
            options: buildOptions(drafts: drafts, baseURL: baseURL), force: force)
        build.dictionary = dictionary
        return build
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Baut die Website in den Ausgabeordner.")

    @OptionGroup var site: SiteOptions

    @Option(help: "Ausgabeordner; er wird erst ersetzt, wenn der Bau gelungen ist.")
    var output = "public"

    @Flag(help: "Entwürfe (draft: true) mit veröffentlichen.")
    var drafts = false

    @Flag(help: ArgumentHelp(
        "Einen Ausgabeordner ersetzen, der fremde Dateien enthält (nie den Inhalte- oder Vorlagen-Ordner, ein Git-Repository oder den Arbeitsordner).",
        discussion: "Ohne --force ersetzt der Bau nur einen Ordner, den er selbst geschrieben hat (erkennbar an der Datei .wegweiser-ausgabe), einen leeren Ordner oder einen, der nur .gitkeep enthält."))
    var force = false

    @Option(name: .customLong("base-url"), help: "Adresse der veröffentlichten Website (http:// oder https://); ersetzt `base_url` aus site.yml.")
    var baseURL: String?

    @Flag(help: "Am Ende ausgeben, wie lange jeder Schritt des Baus gedauert hat.")
    var timings = false

    func run() throws {
        var normalizedBaseURL: String?
        if let baseURL {
            guard let url = SiteConfig.normalizedBaseURL(baseURL) else {
                FileHandle.standardError.write(Data(
                    "Fehler: `--base-url \(baseURL)` ist keine vollständige Adresse mit http:// oder https://.\n    Hinweis: Geben Sie die Adresse an, unter der die Website erreichbar ist, z. B. `--base-url https://familien.kreis-unna.de/`.\n".utf8))
                throw ExitCode.failure
            }
            normalizedBaseURL = url
        }
        let started = ContinuousClock.now
        let result = site.diskBuild(output: output, drafts: drafts, force: force, baseURL: normalizedBaseURL).run()
        let elapsed = ContinuousClock.now - started
        FileHandle.standardError.write(Data(DiagnosticFormat.text.render(result.diagnostics).utf8))
        if timings {
            func column(_ figure: some BinaryInteger, _ width: Int) -> String {
                String(repeating: " ", count: max(0, width - String(figure).count)) + String(figure)
            }
            let lines = result.timings.stages.map { stage in
                column(stage.duration.milliseconds, 7) + " ms" + column(stage.cpuTime.milliseconds, 7) + " ms CPU"
                    + column(stage.peakMemory >> 20, 6) + " MiB  \(stage.name)\n"
            }
            FileHandle.standardError.write(Data(
                ("Zeiten je Schritt (Dauer, Rechenzeit aller Kerne, bis dahin höchster Speicherbedarf):\n" + lines.joined()).utf8))
        }
        guard let pageCount = result.pageCount else {
            FileHandle.standardError.write(Data(
                "Bau abgebrochen: \(result.diagnostics.errorCount) Fehler. \(output)/ bleibt unverändert.\n".utf8))
            throw ExitCode.failure
        }
        print("\(Text.counted(pageCount, "Seite", "Seiten")) und \(Text.counted(result.offerCount, "Angebot", "Angebote")) nach \(output)/ geschrieben, \(Text.counted(result.diagnostics.warningCount, "Warnung", "Warnungen")), \(elapsed.milliseconds) ms.")
    }
}

extension Duration {
    var milliseconds: Int64 { components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000 }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Prüft die Inhalte, ohne etwas zu schreiben.")

    @OptionGroup var site: SiteOptions

    @Option(help: "Ausgabeformat: text, github (Anmerkungen in GitHub Actions), gitlab (Code-Quality-Bericht) oder json.")
    var format: DiagnosticFormat = .text

    @Flag(help: "Statt der Meldungen eine Übersicht je Ort und Träger: wie viele Angebote zu prüfen sind.")
    var summary = false

    func run() throws {
        let files = site.readContent()
        if summary {
            let (table, diagnostics) = SiteBuilder.reviewSummary(content: files, options: site.buildOptions())
            FileHandle.standardError.write(Data(DiagnosticFormat.text.render(diagnostics.filter { $0.severity == .error }).utf8))
            guard let table else {
                FileHandle.standardError.write(Data(
                    "Keine Übersicht: \(diagnostics.errorCount) Fehler. Beheben Sie erst die Fehler.\n".utf8))
                throw ExitCode.failure
            }
            FileHandle.standardOutput.write(Data(table.utf8))
            return
        }
        let diagnostics = SiteBuilder.check(content: files, options: site.buildOptions())
        // Unbuffered, so the summary on standard error cannot overtake it.
        FileHandle.standardOutput.write(Data(format.render(diagnostics).utf8))
        if format == .text {
            FileHandle.standardError.write(Data(
                "\(Text.counted(files.offers.count, "Angebot", "Angebote")) geprüft: \(diagnostics.errorCount) Fehler, \(Text.counted(diagnostics.warningCount, "Warnung", "Warnungen")).\n".utf8))
        }
        if diagnostics.hasErrors { throw ExitCode.failure }
    }
}

extension DiagnosticFormat: ExpressibleByArgument {}
