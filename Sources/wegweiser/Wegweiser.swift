// The `wegweiser` command: parses flags and hands over to WegweiserCore.
import ArgumentParser
import Foundation
import WegweiserCore

@main
struct Wegweiser: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wegweiser",
        abstract: "Baut aus Markdown-Angeboten einen statischen Familienwegweiser.",
        subcommands: [Build.self, Check.self, Serve.self, New.self])
}

/// Flags shared by the commands that read a site.
struct SiteOptions: ParsableArguments {
    @Option(help: "Ordner mit site.yml, angebote/ und seiten/.")
    var content = "content"

    @Option(help: "Ordner mit den Mustache-Vorlagen und assets/.")
    var templates = "templates"

    @Flag(help: "Warnungen als Fehler behandeln.")
    var strict = false

    func buildOptions(drafts: Bool = false) -> BuildOptions {
        BuildOptions(includeDrafts: drafts, strict: strict, today: CalendarDate.today(), templatesPath: templates)
    }

    func readContent() -> (ContentFiles, [Diagnostic]) {
        SiteFiles.readContent(at: URL(fileURLWithPath: content), displayPrefix: content)
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Baut die Website in den Ausgabeordner.")

    @OptionGroup var site: SiteOptions

    @Option(help: "Ausgabeordner; er wird erst ersetzt, wenn der Bau gelungen ist.")
    var output = "public"

    @Flag(help: "Entwürfe (draft: true) mit veröffentlichen.")
    var drafts = false

    func run() throws {
        let started = ContinuousClock.now
        let outcome = try SiteBuild.run(site: site, output: output, drafts: drafts)
        let elapsed = ContinuousClock.now - started
        FileHandle.standardError.write(Data(outcome.report.utf8))
        guard let result = outcome.result else { throw ExitCode.failure }
        let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        print("\(result.site?.pageCount ?? 0) Seiten und \(result.offerCount) Angebote nach \(output)/ geschrieben, \(result.diagnostics.warningCount) Warnungen, \(milliseconds) ms.")
    }
}

/// One build from disk to disk, shared by `build` and `serve`.
enum SiteBuild {
    struct Outcome {
        /// nil when the build failed.
        var result: BuildResult?
        /// Diagnostics as text, for standard error.
        var report: String
    }

    static func run(site: SiteOptions, output: String, drafts: Bool) throws -> Outcome {
        let build = DiskBuild(
            content: site.content, templates: site.templates, output: output, options: site.buildOptions(drafts: drafts))
        let result = try build.run()
        var report = DiagnosticFormat.text.render(result.diagnostics)
        guard result.site != nil else {
            let errors = result.diagnostics.errorCount
            report += "Bau abgebrochen: \(errors) Fehler. \(output)/ bleibt unverändert.\n"
            return Outcome(result: nil, report: report)
        }
        return Outcome(result: result, report: report)
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Prüft die Inhalte, ohne etwas zu schreiben.")

    @OptionGroup var site: SiteOptions

    @Option(help: "Ausgabeformat: text, github oder json.")
    var format: DiagnosticFormat = .text

    func run() throws {
        let (files, readDiagnostics) = site.readContent()
        var diagnostics = SiteBuilder.check(content: files, options: site.buildOptions())
        diagnostics = ((site.strict ? readDiagnostics.strict() : readDiagnostics) + diagnostics).sorted()
        print(format.render(diagnostics), terminator: "")
        if format == .text {
            FileHandle.standardError.write(Data(
                "\(files.offers.count) Angebote geprüft: \(diagnostics.errorCount) Fehler, \(diagnostics.warningCount) Warnungen.\n".utf8))
        }
        if diagnostics.hasErrors { throw ExitCode.failure }
    }
}

extension DiagnosticFormat: ExpressibleByArgument {}
