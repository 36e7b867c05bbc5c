// A plain page (Impressum, Datenschutz, …) from content/seiten/.

public struct PlainPage: Sendable, Equatable {
    public enum Menu: String, Sendable, CaseIterable {
        case main, footer
    }

    public var sourcePath: String
    public var slug: String
    public var title: String
    public var summary: String?
    public var menu: Menu?
    public var order: Int?
    public var body: String
    public var bodyHTML: String = ""
    public var bodyLine: Int
    /// Links in the body to the site's own pages, with file lines.
    public var siteLinks: [SiteLink] = []
}
