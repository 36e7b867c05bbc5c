// Where each page of the site lives: one place for every URL scheme of SPEC §3.

public struct Links: Sendable {
    /// Path prefix of every link: `/`, or `/familien/` for a site in a subfolder.
    public let root: String
    /// Absolute base, ending in `/`.
    public let baseURL: String

    public init(site: SiteConfig) {
        root = site.rootPath
        baseURL = site.baseURL
    }

    public var home: String { root }
    public var search: String { root + "suche/" }
    public var towns: String { root + "orte/" }
    public var lifePhases: String { root + "lebensphasen/" }
    public var areas: String { root + "themen/" }
    public var assets: String { root + "assets/" }
    public var feed: String { root + "feed.xml" }
    public var shortlist: String { root + "merkliste/" }
    /// What the Merkliste shows of each offer, one file for the whole site.
    public var shortlistData: String { shortlist + "angebote.json" }

    public func town(_ id: String) -> String { root + "orte/\(id)/" }
    public func cell(town: String, phase: String) -> String { root + "orte/\(town)/\(phase)/" }
    public func lifePhase(_ id: String) -> String { root + "lebensphasen/\(id)/" }
    public func area(_ id: String) -> String { root + "themen/\(id)/" }
    public func offer(_ slug: String) -> String { root + "angebote/\(slug)/" }
    public func page(_ slug: String) -> String { root + "\(slug)/" }

    /// Absolute URL of a root-relative path.
    public func absolute(_ path: String) -> String {
        baseURL + path.dropFirst(root.count)
    }

    /// Where a page's file goes in the output folder, e.g. `orte/unna/index.html`.
    public func file(for path: String) -> String {
        let relative = String(path.dropFirst(root.count))
        return relative.isEmpty || relative.hasSuffix("/") ? relative + "index.html" : relative
    }
}
