// What `wegweiser new` writes: a new offer file with a fresh id, filled from
// the flags given and checked against site.yml's vocabularies.
import Foundation

public struct OfferDraft: Sendable {
    public var title: String
    public var summary: String?
    public var municipalities: [String]
    public var lifePhases: [String]
    public var areas: [String]
    public var provider: String?
    public var slug: String?

    public init(
        title: String, summary: String? = nil, municipalities: [String], lifePhases: [String], areas: [String],
        provider: String? = nil, slug: String? = nil
    ) {
        self.title = title
        self.summary = summary
        self.municipalities = municipalities
        self.lifePhases = lifePhases
        self.areas = areas
        self.provider = provider
        self.slug = slug
    }

    public struct Plan: Sendable, Equatable {
        /// Relative to the content folder: `angebote/<town>/<slug>.md`.
        public var path: String
        public var text: String
    }

    /// The file to write. Unknown ids are reported with the valid ones.
    public func plan(siteConfig: SourceFile?, id: UUID, today: CalendarDate) throws -> Plan {
        var problems: [Diagnostic] = []
        guard let siteConfig else {
            throw DiagnosticList(diagnostics: [Diagnostic(
                file: "site.yml", message: "site.yml fehlt oder lässt sich nicht lesen; ohne sie sind Orte, Lebensphasen und Bereiche unbekannt.",
                hint: "Geben Sie mit `--content` den Inhaltsordner an, der site.yml enthält.")])
        }
        let (config, diagnostics) = SiteConfigParser.parse(siteConfig)
        guard let site = config else { throw DiagnosticList(diagnostics: diagnostics) }

        func check(_ values: [String], _ flag: String, _ valid: [String]) {
            if values.isEmpty {
                problems.append(Diagnostic(file: "--\(flag)", message: "Bitte mindestens einmal `--\(flag)` angeben.", hint: "Gültig: \(valid.joined(separator: ", "))."))
            }
            for value in values where !valid.contains(value) {
                var hint = "Gültig: \(valid.joined(separator: ", "))."
                if let nearest = Spelling.nearest(to: value, in: valid) { hint = "Meinten Sie `\(nearest)`? " + hint }
                problems.append(Diagnostic(file: "--\(flag)", message: "Unbekannte id `\(value)`.", hint: hint))
            }
        }
        check(municipalities, "town", site.municipalities.map(\.id))
        check(lifePhases, "phase", site.lifePhases.map(\.id))
        check(areas, "area", site.areas.map(\.id))
        let slug = Slug.fold(self.slug ?? title)
        if slug.isEmpty {
            problems.append(Diagnostic(file: "--title", message: "Aus dem Titel lässt sich kein Dateiname bilden.", hint: "Geben Sie mit --slug einen Dateinamen an."))
        }
        if title.count > 120 {
            problems.append(Diagnostic(file: "--title", message: "Der Titel ist länger als 120 Zeichen."))
        }
        guard problems.isEmpty else { throw DiagnosticList(diagnostics: problems) }

        func quoted(_ text: String) -> String {
            "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        func list(_ ids: [String]) -> String { "[" + ids.joined(separator: ", ") + "]" }
        let text = """
            ---
            id: \(id.uuidString.lowercased())
            title: \(quoted(title))
            summary: \(quoted(summary ?? "TODO: In ein bis zwei Sätzen: Was bietet das Angebot, für wen?"))
            municipalities: \(list(municipalities))
            life_phases: \(list(lifePhases))
            areas: \(list(areas))
            provider: \(quoted(provider ?? "TODO: Träger"))
            updated: \(today)
            draft: true
            # Weitere Angaben: topics, age, locations, contact, hours, hours_note,
            # free, cost, languages, accessible, registration, review_by.
            # Siehe docs/redaktion.md. Wenn alles stimmt: draft: true löschen.
            ---
            Ein oder zwei Sätze zur Einführung.

            ## Was passiert hier?

            ## Für wen?

            ## So melden Sie sich an

            """
        return Plan(path: "angebote/\(municipalities[0])/\(slug).md", text: text)
    }
}
