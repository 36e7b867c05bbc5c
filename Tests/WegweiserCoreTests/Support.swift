// Shared helpers: fixture paths and small in-memory sites.
import Foundation
@testable import WegweiserCore

enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let repository = root.deletingLastPathComponent().deletingLastPathComponent()
    static let templates = repository.appendingPathComponent("templates")
    static let today = CalendarDate("2026-11-25")!

    static func site(_ name: String) -> URL { root.appendingPathComponent("sites/\(name)") }

    static let siteYAML = """
        title: Testwegweiser
        base_url: https://test.example.org/
        language: de
        municipalities:
          - id: alpha
            name: Alphastadt
          - id: beta
            name: Beta
          - id: kreis
            name: Testkreis
            county_wide: true
        life_phases:
          - id: schwangerschaft
            name: Schwangerschaft
          - id: 0-3
            name: 0–3 Jahre
          - id: schule
            name: Schule
        areas:
          - id: gesundheit
            name: Gesundheit
          - id: bildung
            name: Bildung
        """

    /// A valid offer's front matter lines; tests replace or add lines. A phone
    /// number unless `extra` brings its own `contact`: an offer without one is warned about.
    static func offer(
        title: String = "Hebammenhilfe", towns: String = "[alpha]", phases: String = "[0-3]",
        extra: String = "", body: String = "Text."
    ) -> String {
        let contact = "contact: {phone: \"02303 000-000\"}"
        let lines = extra.contains("contact:") ? extra : extra.isEmpty ? contact : extra + "\n" + contact
        return """
        ---
        title: \(title)
        summary: Hebammen helfen nach der Geburt.
        municipalities: \(towns)
        life_phases: \(phases)
        areas: [gesundheit]
        provider: Hebammen e. V.
        updated: 2026-10-01
        \(lines)
        ---
        \(body)
        """
    }

    /// Content from `[path: text]`, paths relative to the content folder.
    static func content(_ files: [String: String], site: String? = siteYAML) -> ContentFiles {
        ContentFiles(
            siteConfig: site.map { SourceFile(path: "site.yml", displayPath: "content/site.yml", text: $0) },
            offers: files.filter { $0.key.hasPrefix("angebote/") }.map { SourceFile(path: $0.key, displayPath: "content/\($0.key)", text: $0.value) },
            pages: files.filter { $0.key.hasPrefix("seiten/") }.map { SourceFile(path: $0.key, displayPath: "content/\($0.key)", text: $0.value) })
    }

    static func load(_ files: [String: String], site: String? = siteYAML) -> (Content?, [Diagnostic]) {
        ContentLoader.load(content(files, site: site), options: ContentOptions(today: today))
    }

    static func model(_ files: [String: String], drafts: Bool = false) -> SiteModel {
        let (content, diagnostics) = load(files)
        precondition(content != nil, "fixture does not load: \(diagnostics)")
        return SiteModel(content: content!, options: .init(includeDrafts: drafts))
    }

    static func projectTemplates() throws -> TemplateFiles {
        try SiteFiles.readTemplates(at: templates)
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wegweiser-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
