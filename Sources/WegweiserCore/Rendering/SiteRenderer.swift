// Renders the site model into files: HTML pages through the Mustache
// templates (compiled by the project's own engine, Templates/), the XML
// files, the search index and the static assets.
import Foundation
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
    static let required = ["layout", "home", "index", "town", "cell", "phase", "area", "offer", "page", "search", "404", "coverage", "merkliste"]
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
        searchLayout: SearchIndexLayout = SearchIndexLayout(), dictionary: CompoundDictionary? = nil
    ) -> Result<RenderedSite, DiagnosticList> {
        plan(model, templates: templates, templatesPath: templatesPath, searchLayout: searchLayout, dictionary: dictionary)
            .map { $0.renderAll() }
    }

    /// The templates compiled and every output path known, nothing rendered
    /// yet: `build` renders it all, `serve` one page when it is asked for.
    static func plan(
        _ model: SiteModel, templates: TemplateFiles, templatesPath: String,
        searchLayout: SearchIndexLayout = SearchIndexLayout(), dictionary: CompoundDictionary? = nil
    ) -> Result<SitePlan, DiagnosticList> {
        let library = TemplateLibrary(templates.templates)
        var diagnostics = library.problems.map { problem in
            Diagnostic(
                file: "\(templatesPath)/\(problem.template).mustache",
                line: problem.error.position.line, column: problem.error.position.column,
                message: "Die Vorlage lässt sich nicht lesen: \(problem.error.reason).", hint: problem.error.hint)
        }
        for name in TemplateFiles.required where templates.templates[name] == nil {
            diagnostics.append(Diagnostic(
                file: "\(templatesPath)/\(name).mustache", message: "Die Vorlage `\(name).mustache` fehlt.",
                hint: "Jede Website braucht die Vorlagen \(TemplateFiles.required.joined(separator: ", "))."))
        }
        guard diagnostics.isEmpty else { return .failure(DiagnosticList(diagnostics: diagnostics)) }
        var plan = SitePlan(model: model, library: library, templates: templates, searchLayout: searchLayout)
        plan.dictionary = dictionary
        return .success(plan)
    }

    static func searchDocument(_ offer: Offer, views: ViewModels) -> SearchDocument {
        var document = SearchDocument(
            url: views.links.offer(offer.slug), title: offer.title, summary: offer.summary, topics: offer.topics,
            body: offer.bodyText, place: views.place(of: offer), municipalities: offer.municipalities,
            countyWide: views.model.isCountyWide(offer), lifePhases: offer.lifePhases, areas: offer.areas,
            free: offer.free == true, languages: offer.languages, accessible: offer.accessible?.rawValue)
        document.locations = offer.locations.map(\.published.searchText)
        document.hours = OpenAndNear.hours(of: offer)
        document.points = OpenAndNear.points(of: offer)
        return document
    }
}

/// Everything a site needs to be rendered, page by page or all at once;
/// both give the same bytes for a page.
struct SitePlan: Sendable {
    let views: ViewModels
    let library: TemplateLibrary
    let templates: TemplateFiles
    let searchLayout: SearchIndexLayout
    /// The word list the search index splits compounds with, if any.
    var dictionary: CompoundDictionary?
    /// The search script's source, inlined into the search page.
    let searchScript: String?
    /// Every page in build order, with the file it is written to.
    let pages: [(file: String, job: PageJob)]
    /// File → position in `pages`.
    let pageIndex: [String: Int]

    init(model: SiteModel, library: TemplateLibrary, templates: TemplateFiles, searchLayout: SearchIndexLayout) {
        views = ViewModels(model: model)
        self.library = library
        self.templates = templates
        self.searchLayout = searchLayout
        searchScript = templates.assets["search.js"].map { String(decoding: $0, as: UTF8.self) }
        let site = model.site
        var jobs: [PageJob] = [.home, .townIndex, .phaseIndex, .areaIndex]
        // Long lists are numbered pages (ListPages.swift): every page of a list is a job of its own.
        // The groupings come from SiteModel's one pass over the offers.
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
        jobs += [.search, .notFound, .coverage, .shortlist]
        let links = views.links
        pages = jobs.map { (file: links.file(for: $0.path(links)), job: $0) }
        pageIndex = Dictionary(pages.enumerated().map { ($0.element.file, $0.offset) }, uniquingKeysWith: { first, _ in first })
    }

    var model: SiteModel { views.model }

    /// Where the search index's files go, e.g. `suche/`.
    var searchFolder: String { String(views.links.search.dropFirst(views.links.root.count)) }

    /// The search index; the search page says how it is split.
    func searchIndex() -> SearchIndexFiles {
        let documents = model.offers.parallelMap { [views] in SiteRenderer.searchDocument($0, views: views) }
        var vocabularies = SearchVocabularies(
            towns: model.site.towns.map { SearchFacetValue(id: $0.id, name: $0.name) },
            lifePhases: model.site.lifePhases.map { SearchFacetValue(id: $0.id, name: $0.name) },
            areas: model.site.areas.map { SearchFacetValue(id: $0.id, name: $0.name) })
        vocabularies.centers = OpenAndNear.centers(of: model.site)
        return SearchIndex.build(for: documents, vocabularies: vocabularies, layout: searchLayout, dictionary: dictionary)
    }

    /// One page's bytes; `shardPrefixLength` comes from the search index
    /// and matters to the search page only.
    func render(_ job: PageJob, shardPrefixLength: Int?) -> Data {
        Data(renderBytes(job, shardPrefixLength: shardPrefixLength))
    }

    /// One page's bytes, as the template engine writes them.
    func renderBytes(_ job: PageJob, shardPrefixLength: Int?) -> [UInt8] {
        let (template, view) = job.view(views, shardPrefixLength: shardPrefixLength, script: searchScript)
        return library.render(template, view) ?? []
    }

    /// The page written to `file`, or nil when the site has no such page.
    func renderPage(_ file: String, searchIndex: () -> SearchIndexFiles) -> Data? {
        guard let index = pageIndex[file] else { return nil }
        let job = pages[index].job
        let shard = job.needsSearchIndex ? searchIndex().shardPrefixLength : nil
        return render(job, shardPrefixLength: shard)
    }

    /// The search index's files, by output path.
    func searchFiles(_ searchIndex: SearchIndexFiles) -> [String: Data] {
        let links = views.links
        var files: [String: Data] = [:]
        for (name, data) in searchIndex.files {
            files[links.file(for: links.search + name)] = data
        }
        return files
    }

    /// The templates' static assets, by output path.
    func assetFiles() -> [String: Data] {
        var files: [String: Data] = [:]
        for (name, data) in templates.assets {
            files["assets/" + name] = data
        }
        return files
    }

    /// Every other file that is not a page: sitemap, robots.txt, the feeds,
    /// the open data under hsds/ (unless the caller writes it itself, see
    /// `HSDSExport.writeFiles`), the Merkliste's data.
    func generatedFiles(openData: Bool = true) -> [String: Data] {
        let links = views.links
        var files: [String: Data] = [:]
        let pagePaths = pages.filter(\.job.inSitemap).map { $0.job.path(links) }
        var lastModified: [String: CalendarDate] = [:]
        for offer in model.offers { lastModified[links.offer(offer.slug)] = offer.updated }
        files["sitemap.xml"] = Data(Feeds.sitemap(paths: pagePaths, lastModified: lastModified, links: links).utf8)
        files["robots.txt"] = Data(Feeds.robots(links: links).utf8)
        files["feed.xml"] = Data(Feeds.atom(model: model, links: links).utf8)
        for town in model.site.municipalities {
            files[links.file(for: links.townFeed(town.id))] = Data(Feeds.townAtom(model: model, town: town, links: links).utf8)
        }
        if openData { files.merge(HSDSExport(model: model, links: links).files()) { $1 } }
        files[links.file(for: links.shortlistData)] = views.shortlistData()
        return files
    }

    /// Every file that is not a page: generated files (made here unless
    /// given), the search index, the assets.
    func filesBesidePages(_ index: SearchIndexFiles, generated: [String: Data]? = nil) -> [String: Data] {
        (generated ?? generatedFiles()).merging(searchFiles(index)) { $1 }.merging(assetFiles()) { $1 }
    }

    func renderAll() -> RenderedSite {
        let index = searchIndex()
        let rendered = pages.parallelMap { page in render(page.job, shardPrefixLength: index.shardPrefixLength) }
        var files = filesBesidePages(index)
        for (page, html) in zip(pages, rendered) { files[page.file] = html }
        return RenderedSite(files: files, pageCount: pages.count, root: views.links.root)
    }
}

/// One page to render; the view model is made on the thread that renders it.
indirect enum PageJob: Sendable {
    case home, townIndex, phaseIndex, areaIndex, notFound, coverage, shortlist
    case search
    case town(Municipality, page: Int, GroupedListing)
    case cell(Municipality, LifePhase, page: Int)
    case phase(LifePhase, page: Int, GroupedListing)
    case area(Area, page: Int, GroupedListing)
    case offer(Offer)
    case page(PlainPage)

    /// Only the search page shows something of the search index: how it
    /// is split (`shardPrefixLength`).
    var needsSearchIndex: Bool {
        if case .search = self { return true }
        return false
    }

    var inSitemap: Bool {
        switch self {
        case .notFound, .shortlist: return false  // no content of its own: the list is in the browser
        default: return true
        }
    }

    /// The page's path (root-relative, as links name it).
    func path(_ links: Links) -> String {
        switch self {
        case .home: links.home
        case .townIndex: links.towns
        case .phaseIndex: links.lifePhases
        case .areaIndex: links.areas
        case .search: links.search
        case .notFound: links.root + "404.html"
        case .coverage: links.coverage
        case .shortlist: links.shortlist
        case .town(_, let page, let listing): links.numbered(listing.path, page: page)
        case .cell(let town, let phase, let page): links.numbered(links.cell(town: town.id, phase: phase.id), page: page)
        case .phase(_, let page, let listing): links.numbered(listing.path, page: page)
        case .area(_, let page, let listing): links.numbered(listing.path, page: page)
        case .offer(let offer): links.offer(offer.slug)
        case .page(let page): links.page(page.slug)
        }
    }

    /// Template name and view model.
    func view(_ views: ViewModels, shardPrefixLength: Int?, script: String?) -> (String, any TemplateData) {
        switch self {
        case .home: ("home", views.home())
        case .townIndex: ("index", views.townIndex())
        case .phaseIndex: ("index", views.phaseIndex())
        case .areaIndex: ("index", views.areaIndex())
        case .search: ("search", views.search(shardPrefixLength: shardPrefixLength, script: script))
        case .notFound: ("404", views.notFound())
        case .coverage: ("coverage", views.coverage())
        case .shortlist: ("merkliste", views.shortlist())
        case .town(let town, let page, let listing): ("town", views.town(town, page: page, listing: listing))
        case .cell(let town, let phase, let page): ("cell", views.cell(town: town, phase: phase, page: page))
        case .phase(let phase, let page, let listing): ("phase", views.phase(phase, page: page, listing: listing))
        case .area(let area, let page, let listing): ("area", views.area(area, page: page, listing: listing))
        case .offer(let offer): ("offer", views.offer(offer, html: offer.bodyHTML))
        case .page(let page): ("page", views.plainPage(page, html: page.bodyHTML))
        }
    }
}

