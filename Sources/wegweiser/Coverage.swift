// `wegweiser coverage`: the prevention chain's coverage, municipality × life
// phase, for coordinators. The matrix and its formats live in WegweiserCore.
import ArgumentParser
import Foundation
import WegweiserCore

struct Coverage: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Zeigt, wie viele Angebote jeder Ort für jede Lebensphase hat, und markiert die Lücken.",
        discussion: "Beispiel: wegweiser coverage --area jugendhilfe --format csv > abdeckung.csv")

    @OptionGroup var site: SiteOptions

    @Option(help: "Nur Angebote dieses Bereichs (id aus site.yml).")
    var area: String?

    @Option(help: "Ausgabeformat: text, csv, json oder markdown.")
    var format: CoverageFormat = .text

    @Option(help: "Felder mit weniger Angeboten gelten als dünn besetzt.")
    var thin = 2

    func validate() throws {
        guard thin >= 1 else { throw ValidationError("`--thin` muss mindestens 1 sein.") }
    }

    func run() throws {
        let (matrix, diagnostics) = CoverageReport.matrix(
            content: site.readContent(), options: site.buildOptions(), area: area, thinBelow: thin)
        FileHandle.standardError.write(Data(DiagnosticFormat.text.render(diagnostics).utf8))
        guard let matrix else { throw ExitCode.failure }
        FileHandle.standardOutput.write(Data(CoverageReport.render(matrix, format: format).utf8))
    }
}

extension CoverageFormat: ExpressibleByArgument {}
