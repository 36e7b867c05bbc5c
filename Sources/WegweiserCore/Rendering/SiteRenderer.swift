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
    static func render(
        _ model: SiteModel, templates: TemplateFiles, templatesPath: String,
        searchLayout: SearchIndexLayout = SearchIndexLayout()
    ) -> Result<RenderedSite, DiagnosticList> {
        var library = MustacheLibrary()
        var diagnostics: [Diagnostic] = []
        for (name, source) in templates.templates.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(source, named: name)
            } catch {
                let position = (error as? MustacheTemplate.ParserError)?.context
                diagnostics.append(Diagnostic(
                    file: "\(templatesPath)/\(name).mustache", line: position?.lineNumber ?? 0, column: position?.columnNumber ?? 0,
                    message: "Die Vorlage lässt sich nicht lesen: \((error as? MustacheTemplate.ParserError)?.error ?? error).",
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
        let site = model.site

        // The index first: the search page says how it is split.
        let documents = model.offers.map { searchDocument($0, views: views) }
        let vocabularies = SearchVocabularies(
            towns: model.site.towns.map { SearchFacetValue(id: $0.id, name: $0.name) },
            lifePhases: model.site.lifePhases.map { SearchFacetValue(id: $0.id, name: $0.name) },
            areas: model.site.areas.map { SearchFacetValue(id: $0.id, name: $0.name) })
        let searchIndex = SearchIndex.build(for: documents, vocabularies: vocabularies, layout: searchLayout)
        let searchScript = templates.assets["search.js"].map { String(decoding: $0, as: UTF8.self) }

        var jobs: [PageJob] = [.home, .townIndex, .phaseIndex, .areaIndex]
        // Long lists are numbered pages (ListPages.swift): every page of a list is a job of its own.
        for town in site.municipalities {
            let listing = views.townListing(town)
            jobs += (1...listing.pageCount).map { PageJob.town(town, page: $0, listing) }
            guard !town.countyWide else { continue }
            for phase in site.lifePhases {
                let count = model.offers(in: town, phase: phase).count
                guard count > 0 else { continue }
                jobs += (1...ViewModels.pageCount(offers: count, perPage: views.limits.perPage)).map {
                    PageJob.cell(town, phase, page: $0)
                }
            }
        }
        for phase in site.lifePhases {
            let listing = views.phaseListing(phase)
            jobs += (1...listing.pageCount).map { PageJob.phase(phase, page: $0, listing) }
        }
        for area in site.areas {
            let listing = views.areaListing(area)
            jobs += (1...listing.pageCount).map { PageJob.area(area, page: $0, listing) }
        }
        jobs += model.offers.map(PageJob.offer)
        jobs += model.pages.map(PageJob.page)
        jobs += [.search(shardPrefixLength: searchIndex.shardPrefixLength, script: searchScript), .notFound]

        let templateLibrary = library
        let rendered = jobs.parallelMap { job -> RenderedPage in
            let (path, template, view) = job.view(views)
            let html = templateLibrary.render(view, withTemplate: template) ?? ""
            return RenderedPage(path: path, html: Data(html.utf8), inSitemap: job.inSitemap)
        }
        var files: [String: Data] = [:]
        for page in rendered { files[links.file(for: page.path)] = page.html }
        let pagePaths = rendered.filter(\.inSitemap).map(\.path)
        var lastModified: [String: CalendarDate] = [:]
        for offer in model.offers { lastModified[links.offer(offer.slug)] = offer.updated }
        for (name, data) in searchIndex.files {
            files[links.file(for: links.search + name)] = data
        }
        files["sitemap.xml"] = Data(Feeds.sitemap(paths: pagePaths, lastModified: lastModified, links: links).utf8)
        files["robots.txt"] = Data(Feeds.robots(links: links).utf8)
        files["feed.xml"] = Data(Feeds.atom(model: model, links: links).utf8)
        for (name, data) in templates.assets {
            files["assets/" + name] = data
        }
        return .success(RenderedSite(files: files, pageCount: rendered.count, root: links.root))
    }

    static func searchDocument(_ offer: Offer, views: ViewModels) -> SearchDocument {
        SearchDocument(
            url: views.links.offer(offer.slug), title: offer.title, summary: offer.summary, topics: offer.topics,
            body: offer.bodyText, place: views.place(of: offer), municipalities: offer.municipalities,
            countyWide: views.model.isCountyWide(offer), lifePhases: offer.lifePhases, areas: offer.areas,
            free: offer.free == true, languages: offer.languages, accessible: offer.accessible?.rawValue)
    }
}

/// One page to render; the view model is made on the thread that renders it.
private enum PageJob: Sendable {
    case home, townIndex, phaseIndex, areaIndex, notFound
    case search(shardPrefixLength: Int?, script: String?)
    case town(Municipality, page: Int, GroupedListing)
    case cell(Municipality, LifePhase, page: Int)
    case phase(LifePhase, page: Int, GroupedListing)
    case area(Area, page: Int, GroupedListing)
    case offer(Offer)
    case page(PlainPage)

    var inSitemap: Bool {
        if case .notFound = self { return false }
        return true
    }

    /// Path, template name and view model.
    func view(_ views: ViewModels) -> (String, String, ViewModel) {
        let links = views.links
        switch self {
        case .home: return (links.home, "home", views.home())
        case .townIndex: return (links.towns, "index", views.townIndex())
        case .phaseIndex: return (links.lifePhases, "index", views.phaseIndex())
        case .areaIndex: return (links.areas, "index", views.areaIndex())
        case .search(let shardPrefixLength, let script):
            return (links.search, "search", views.search(shardPrefixLength: shardPrefixLength, script: script))
        case .notFound: return (links.root + "404.html", "404", views.notFound())
        case .town(let town, let page, let listing):
            return (links.numbered(listing.path, page: page), "town", views.town(town, page: page, listing: listing))
        case .cell(let town, let phase, let page):
            return (links.numbered(links.cell(town: town.id, phase: phase.id), page: page), "cell",
                    views.cell(town: town, phase: phase, page: page))
        case .phase(let phase, let page, let listing):
            return (links.numbered(listing.path, page: page), "phase", views.phase(phase, page: page, listing: listing))
        case .area(let area, let page, let listing):
            return (links.numbered(listing.path, page: page), "area", views.area(area, page: page, listing: listing))
        case .offer(let offer): return (links.offer(offer.slug), "offer", views.offer(offer, html: offer.bodyHTML))
        case .page(let page): return (links.page(page.slug), "page", views.plainPage(page, html: page.bodyHTML))
        }
    }
}

private struct RenderedPage: Sendable {
    var path: String
    var html: Data
    var inSitemap: Bool
}
