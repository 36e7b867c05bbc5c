// The dev server's site: offers parsed again only when their file changed,
// and a page rendered only when the browser asks for it, with the same bytes
// a full build writes. An editor's save shows in the time it takes to read
// the folder and render one page, however large the directory.
import Foundation
import WegweiserSearch

/// A site whose files the dev server can look up by output path.
public protocol SiteContents: Sendable {
    /// The site's root path (`/` or `/familien/`).
    var root: String { get }
    /// The bytes of the file at `relative` (e.g. `orte/unna/index.html`), or nil.
    func file(_ relative: String) -> Data?
}

extension RenderedSite: SiteContents {
    public func file(_ relative: String) -> Data? { files[relative] }
}

/// A planned site that renders each file on first request and keeps it.
/// The search index, the costliest part, is built only when the search asks.
public final class LazySite: SiteContents, @unchecked Sendable {
    private let plan: SitePlan
    private let assets: [String: Data]
    private let lock = NSLock()
    private var rendered: [String: Data] = [:]
    private var index: SearchIndexFiles?
    private var generated: [String: Data]?

    init(plan: SitePlan) {
        self.plan = plan
        assets = plan.assetFiles()
    }

    public var root: String { plan.views.links.root }

    /// Every output path the full build writes.
    public var paths: [String] {
        (plan.pages.map(\.file) + assets.keys + plan.searchFiles(searchIndex()).keys + generatedFiles().keys).sorted()
    }

    public func file(_ relative: String) -> Data? {
        if let asset = assets[relative] { return asset }
        lock.lock()
        let known = rendered[relative]
        lock.unlock()
        if let known { return known }
        let data = plan.renderPage(relative, searchIndex: searchIndex)
            ?? (relative.hasPrefix(plan.searchFolder) ? plan.searchFiles(searchIndex())[relative] : generatedFiles()[relative])
        if let data {
            lock.lock()
            rendered[relative] = data
            lock.unlock()
        }
        return data
    }

    private func searchIndex() -> SearchIndexFiles {
        lock.lock()
        defer { lock.unlock() }
        if let index { return index }
        let built = plan.searchIndex()
        index = built
        return built
    }

    private func generatedFiles() -> [String: Data] {
        lock.lock()
        let known = generated
        lock.unlock()
        if let known { return known }
        let files = plan.generatedFiles()
        lock.lock()
        generated = files
        lock.unlock()
        return files
    }
}

/// One build of the dev server.
public struct LiveBuildResult: Sendable {
    /// The site, or nil when the build failed.
    public var site: LazySite?
    public var diagnostics: [Diagnostic]
    public var offerCount: Int
}

extension SiteBuilder {
    /// Validates everything (all diagnostics, as `build` reports them) and
    /// plans the site without rendering it.
    public static func live(
        content files: ContentFiles, templates: TemplateFiles, options: BuildOptions, cache: OfferParseCache,
        dictionary: CompoundDictionary? = nil
    ) -> LiveBuildResult {
        let planned = plan(content: files, templates: templates, options: options, cache: cache, dictionary: dictionary)
        return LiveBuildResult(site: planned.plan.map(LazySite.init), diagnostics: planned.diagnostics, offerCount: planned.offerCount)
    }
}

extension DiskBuild {
    /// Reads the folders and plans the site in memory, as `serve` shows it.
    /// `cache` and `files`: what the last build parsed and read, kept by
    /// `serve`; `dictionary`: the word list, read once (`readDictionary`).
    public func live(
        cache: OfferParseCache, files: SourceFileCache? = nil, dictionary: CompoundDictionary? = nil
    ) -> LiveBuildResult {
        switch readSources(cache: files) {
        case .success(let (files, templates)):
            return SiteBuilder.live(content: files, templates: templates, options: options, cache: cache, dictionary: dictionary)
        case .failure(let error):
            return LiveBuildResult(site: nil, diagnostics: error.diagnostics, offerCount: 0)
        }
    }
}
