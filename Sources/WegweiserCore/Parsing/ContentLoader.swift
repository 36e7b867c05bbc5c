// Turns the files of a content folder into validated content: site settings,
// offers and pages, with every diagnostic of every file collected.
import Foundation

/// The raw files of a content folder, as read from disk (or given by a test).
public struct ContentFiles: Sendable {
    public var siteConfig: SourceFile?
    public var offers: [SourceFile]
    public var pages: [SourceFile]
    /// Files that could not be read (not UTF-8, say), reported with the rest.
    public var problems: [Diagnostic]
    /// Where site.yml is expected, as messages name it.
    public var siteConfigPath: String

    public init(
        siteConfig: SourceFile?, offers: [SourceFile], pages: [SourceFile], problems: [Diagnostic] = [],
        siteConfigPath: String = "site.yml"
    ) {
        self.siteConfig = siteConfig
        self.offers = offers.sorted { $0.path < $1.path }
        self.pages = pages.sorted { $0.path < $1.path }
        self.problems = problems
        self.siteConfigPath = siteConfig?.displayPath ?? siteConfigPath
    }
}

/// Everything the content says, validated.
public struct Content: Sendable {
    public var site: SiteConfig
    /// Every offer that parsed, in path order, drafts and inactive ones included.
    public var offers: [Offer]
    public var pages: [PlainPage]
    /// The site model the loader's review was done on (published offers,
    /// drafts as the options said), for the build to go on with.
    var reviewedModel: SiteModel?
}

public struct ContentOptions: Sendable {
    public var today: CalendarDate
    /// Whether `review_by` dates that have passed are reported (`check` does).
    public var reportReviews: Bool
    /// Drafts count as published (for the checks over the whole content).
    public var includeDrafts: Bool
    /// Replaces site.yml's `base_url` (`build --base-url`); already normalised.
    public var baseURL: String?

    public init(today: CalendarDate, reportReviews: Bool = false, includeDrafts: Bool = false, baseURL: String? = nil) {
        self.today = today
        self.reportReviews = reportReviews
        self.includeDrafts = includeDrafts
        self.baseURL = baseURL
    }
}

public enum ContentLoader {
    /// Parses and validates everything; `content` is nil when any error was found.
    /// With a `cache` (as `serve` keeps one), offer files whose text has not
    /// changed since the last load are not parsed again.
    public static func load(
        _ files: ContentFiles, options: ContentOptions, cache: OfferParseCache? = nil
    ) -> (content: Content?, diagnostics: [Diagnostic]) {
        var diagnostics = files.problems
        var site: SiteConfig?
        if let file = files.siteConfig {
            let (config, found) = SiteConfigParser.parse(file)
            site = config
            if let baseURL = options.baseURL { site?.baseURL = baseURL }
            diagnostics += found
        } else if !files.problems.contains(where: { $0.file == files.siteConfigPath }) {
            diagnostics.append(Diagnostic(
                file: files.siteConfigPath, message: "Die Datei site.yml fehlt.",
                hint: "Ist `--content` der richtige Ordner? Er enthält site.yml (mit `title`, `base_url`, `language`, `municipalities`, `life_phases` und `areas`), angebote/ und seiten/."))
        }

        var offers: [Offer] = []
        let today = options.today
        let vocabulary = site
        let linkRoot = site?.rootPath ?? "/"
        // The base URL decides where body links point: part of what the cache keys on.
        let known = cache?.begin(site: files.siteConfig.map { $0.text + "\u{0}" + (options.baseURL ?? "") }, today: today)
        var parsed = files.offers.parallelMap { file in
            if let entry = known?[file.displayPath], entry.text == file.text { return entry.result }
            let (offer, complete, found) = OfferParser.parseAll(file, site: vocabulary, today: today, linkRoot: linkRoot)
            return ParsedOffer(
                offer: offer, complete: complete, diagnostics: found,
                slug: offer?.slug ?? Slug.fold(OfferParser.baseName(of: file.path)))
        }
        cache?.keep(parsed, for: files.offers)
        // Offers are large values: they are read in place and moved, never copied whole.
        var ids: [(id: String, path: String, line: Int)] = []
        for index in parsed.indices {
            diagnostics += parsed[index].diagnostics
            if let id = parsed[index].offer?.id, let path = parsed[index].offer?.sourcePath, let line = parsed[index].offer?.idLine {
                ids.append((id, path, line))
            }
        }
        // A file with an error still has its address: a link to it is not the problem.
        var unfinished = Set<String>()
        offers.reserveCapacity(parsed.count)
        for index in parsed.indices {
            if parsed[index].complete {
                if let offer = parsed[index].offer.take() { offers.append(offer) }
            } else {
                unfinished.insert(parsed[index].slug)
            }
        }
        // Over every file, broken ones included: all problems in one run.
        diagnostics += duplicateSlugs(
            parsed.indices.map { (parsed[$0].slug, files.offers[$0].displayPath) }, kind: "Angebote")
        diagnostics += duplicateIDs(ids)
        if options.reportReviews {
            for index in offers.indices {
                guard let reviewBy = offers[index].reviewBy, reviewBy < options.today else { continue }
                diagnostics.append(Diagnostic(
                    file: offers[index].sourcePath, line: offers[index].reviewByLine, column: 1, severity: .warning,
                    message: "Das Angebot sollte bis \(reviewBy) überprüft werden (`review_by`).",
                    hint: "Prüfen Sie die Angaben, setzen Sie `updated` auf das heutige Datum und `review_by` auf den nächsten Termin."))
            }
        }

        var pages: [PlainPage] = []
        for file in files.pages {
            let (page, found) = PageParser.parse(file, linkRoot: site?.rootPath ?? "/")
            diagnostics += found
            if let page { pages.append(page) }
        }
        diagnostics += duplicateSlugs(pages.map { ($0.slug, $0.sourcePath) }, kind: "Seiten")
        diagnostics += reservedPageSlugs(pages)
        var content = site.map { Content(site: $0, offers: offers, pages: pages) }
        if let loaded = content {
            let model = SiteModel(content: loaded, options: .init(includeDrafts: options.includeDrafts))
            diagnostics += ContentReview.findings(model, options: options, unfinishedSlugs: unfinished)
            content?.reviewedModel = model
        }

        diagnostics.sort()
        guard let content, !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (content, diagnostics)
    }

    private static func duplicateSlugs(_ entries: [(slug: String, path: String)], kind: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (slug, group) in Dictionary(grouping: entries, by: \.slug).sorted(by: { $0.key < $1.key }) where group.count > 1 {
            let paths = group.map(\.path).sorted()
            for path in paths {
                let others = paths.filter { $0 != path }.joined(separator: ", ")
                diagnostics.append(Diagnostic(
                    file: path, line: 1, column: 1,
                    message: "Zwei \(kind) haben dieselbe Adresse `\(slug)`: diese Datei und \(others).",
                    hint: "Der Dateiname bestimmt die Adresse. Benennen Sie eine der Dateien um, z. B. mit dem Ort im Namen."))
            }
        }
        if entries.contains(where: { $0.slug.isEmpty }) {
            for entry in entries where entry.slug.isEmpty {
                diagnostics.append(Diagnostic(
                    file: entry.path, line: 1, column: 1, message: "Aus dem Dateinamen lässt sich keine Adresse bilden.",
                    hint: "Verwenden Sie Buchstaben oder Ziffern im Dateinamen, z. B. `elterncafe-unna.md`."))
            }
        }
        return diagnostics
    }

    private static func duplicateIDs(_ withID: [(id: String, path: String, line: Int)]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (id, group) in Dictionary(grouping: withID, by: \.0).sorted(by: { $0.key < $1.key }) where group.count > 1 {
            let paths = group.map(\.1).sorted()
            for (_, path, line) in group.sorted(by: { $0.1 < $1.1 }) {
                diagnostics.append(Diagnostic(
                    file: path, line: line, column: 5,
                    message: "Die id `\(id)` steht in mehreren Angeboten: \(paths.filter { $0 != path }.joined(separator: ", ")).",
                    hint: "Jedes Angebot braucht eine eigene id. Wurde eine Datei kopiert? Löschen Sie die Zeile `id:` in der Kopie oder erzeugen Sie mit `wegweiser new` eine neue."))
            }
        }
        return diagnostics
    }

    /// Pages live at `/<slug>/`, beside the site's own sections.
    private static func reservedPageSlugs(_ pages: [PlainPage]) -> [Diagnostic] {
        let reserved = ["orte", "lebensphasen", "themen", "angebote", "suche", "assets"]
        return pages.filter { reserved.contains($0.slug) }.map { page in
            Diagnostic(
                file: page.sourcePath, line: 1, column: 1,
                message: "Die Seite `\(page.slug)` hätte dieselbe Adresse wie ein Bereich der Website.",
                hint: "Benennen Sie die Datei um; belegt sind: \(reserved.joined(separator: ", ")).")
        }
    }
}

/// Parsed offers by file, for a dev server that loads the same folder again
/// after every save. An offer depends on its own text, site.yml and today's
/// date; a change of either of the last two empties the cache.
public final class OfferParseCache: @unchecked Sendable {
    typealias Entries = [String: (text: String, result: ParsedOffer)]
    private var entries: Entries = [:]
    private var site: String?
    private var today: CalendarDate?
    private let lock = NSLock()

    public init() {}

    /// What the last load parsed (none when site.yml or the date changed),
    /// looked up without a lock while the files are parsed on all cores.
    func begin(site: String?, today: CalendarDate) -> Entries {
        lock.lock()
        defer { lock.unlock() }
        if site != self.site || today != self.today { entries = [:] }
        self.site = site
        self.today = today
        return entries
    }

    /// Keeps this load's results: the files that are gone are dropped.
    func keep(_ results: [ParsedOffer], for files: [SourceFile]) {
        var kept: Entries = [:]
        kept.reserveCapacity(files.count)
        for (file, result) in zip(files, results) { kept[file.displayPath] = (file.text, result) }
        lock.lock()
        entries = kept
        lock.unlock()
    }
}

struct ParsedOffer: Sendable {
    var offer: Offer?
    var complete: Bool
    var diagnostics: [Diagnostic]
    /// The address the file name gives, also for a file that did not parse.
    var slug: String
}
