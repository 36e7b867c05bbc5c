// Renders the site model into files: HTML pages through the Mustache
// templates, the XML files, the search index and the static assets.
import Foundation
import Mustache
import WegweiserSearch

/// The templates folder: Mustache files by name, and static assets.
public struct TemplateFiles: Sendable {
    /// Template name (file name without `.mustache`, subfolders kept) → source.
    public var templates: [String: String]
    /// Path below `assets/` → bytes; copied to `/assets/`.
    public var assets: [String: Data]

    public init(templates: [String: String], assets: [String: Data]) {
        self.templates = templates
        self.assets = assets
    }

    /// The templates every site needs.
    static let required = ["layout", "home", "index", "town", "cell", "phase", "area", "offer", "page", "search", "404"]
}

public struct RenderedSite: Sendable {
    /// Output path (relative, `/`-separated) → bytes.
    public var files: [String: Data]
    public var pageCount: Int
    /// Path prefix of every link (`/` unless base_url has a path).
    public var root: String = "/"
}

enum SiteRenderer {
    static func render(_ model: SiteModel, templates: TemplateFiles, templatesPath: String) -> Result<RenderedSite, DiagnosticList> {
        var library = MustacheLibrary()
        var diagnostics: [Diagnostic] = []
        for (name, source) in templates.templates.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(source, named: name)
            } catch {
                diagnostics.append(Diagnostic(
                    file: "\(templatesPath)/\(name).mustache", message: "Die Vorlage lässt sich nicht lesen: \(error).",
                    hint: "Prüfen Sie, ob jedes `{{#…}}` mit dem passenden `{{/…}}` geschlossen wird."))
            }
        }
        for name in TemplateFiles.required where templates.templates[name] == nil {
            diagnostics.append(Diagnostic(
                file: "\(templatesPath)/\(name).mustache", message: "Die Vorlage `\(name).mustache` fehlt.",
                hint: "Jede Website braucht die Vorlagen \(TemplateFiles.required.joined(separator: ", "))."))
        }
        guard diagnostics.isEmpty else { return .failure(DiagnosticList(diagnostics: diagnostics)) }

        let views = ViewModels(model: model)
        let links = views.links
        var files: [String: Data] = [:]
        var pagePaths: [String] = []
        var lastModified: [String: CalendarDate] = [:]

        func page(_ path: String, _ template: String, _ view: ViewModel, sitemap: Bool = true) {
            let html = library.render(view, withTemplate: template) ?? ""
            files[links.file(for: path)] = Data(html.utf8)
            if sitemap { pagePaths.append(path) }
        }

        page(links.home, "home", views.home())
        page(links.towns, "index", views.townIndex())
        page(links.lifePhases, "index", views.phaseIndex())
        page(links.areas, "index", views.areaIndex())
        for town in model.site.municipalities {
            page(links.town(town.id), "town", views.town(town))
            guard !town.countyWide else { continue }
            for phase in model.site.lifePhases where !model.offers(in: town, phase: phase).isEmpty {
                page(links.cell(town: town.id, phase: phase.id), "cell", views.cell(town: town, phase: phase))
            }
        }
        for phase in model.site.lifePhases { page(links.lifePhase(phase.id), "phase", views.phase(phase)) }
        for area in model.site.areas { page(links.area(area.id), "area", views.area(area)) }

        var documents: [SearchDocument] = []
        for offer in model.offers {
            let markdown = MarkdownDocument(offer.body)
            let path = links.offer(offer.slug)
            page(path, "offer", views.offer(offer, html: markdown.html))
            lastModified[path] = offer.updated
            documents.append(searchDocument(offer, text: markdown.plainText, views: views))
        }
        for plain in model.pages {
            page(links.page(plain.slug), "page", views.plainPage(plain, html: MarkdownDocument(plain.body).html))
        }
        page(links.search, "search", views.search())
        page(links.root + "404.html", "404", views.notFound(), sitemap: false)

        let vocabularies = SearchVocabularies(
            towns: model.site.towns.map { SearchFacetValue(id: $0.id, name: $0.name) },
            lifePhases: model.site.lifePhases.map { SearchFacetValue(id: $0.id, name: $0.name) },
            areas: model.site.areas.map { SearchFacetValue(id: $0.id, name: $0.name) })
        for (name, data) in SearchIndex.files(for: documents, vocabularies: vocabularies) {
            files[links.file(for: links.search + name)] = data
        }
        files["sitemap.xml"] = Data(Feeds.sitemap(paths: pagePaths, lastModified: lastModified, links: links).utf8)
        files["robots.txt"] = Data(Feeds.robots(links: links).utf8)
        files["feed.xml"] = Data(Feeds.atom(model: model, links: links).utf8)
        for (name, data) in templates.assets {
            files["assets/" + name] = data
        }
        return .success(RenderedSite(files: files, pageCount: files.keys.filter { $0.hasSuffix(".html") }.count, root: links.root))
    }

    static func searchDocument(_ offer: Offer, text: String, views: ViewModels) -> SearchDocument {
        SearchDocument(
            url: views.links.offer(offer.slug), title: offer.title, summary: offer.summary, topics: offer.topics,
            body: text, place: views.place(of: offer), municipalities: offer.municipalities,
            countyWide: views.model.isCountyWide(offer), lifePhases: offer.lifePhases, areas: offer.areas,
            free: offer.free == true, languages: offer.languages, accessible: offer.accessible?.rawValue)
    }
}
