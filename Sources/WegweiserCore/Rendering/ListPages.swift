// Long lists stay short (SPEC §3): a town, life-phase or area page shows at
// most `perGroup` offers per group. The rest of a cut group is on its cell
// page (town × life phase) or, where it has none, on numbered continuation
// pages `…/seite/2/`, `perPage` offers each; long cell pages are numbered the
// same way. Every offer stays reachable by plain links, and a page's size no
// longer grows with the number of offers.

struct ListLimits: Sendable, Equatable {
    /// Offers a group shows on a town, life-phase or area page. Chosen so
    /// that a county's directory (this repository's content, at most 29 in a
    /// group) is shown in full, as before.
    var perGroup = 30
    /// Offers on one page of a cell page or a continuation page.
    var perPage = 50

    static let standard = ListLimits()
}

/// A group of a grouped page, before it is cut.
struct OfferGroup: Sendable {
    var id: String
    var title: String
    var subtitle: String?
    /// "Nur diese anzeigen": a page that lists (at least) these offers.
    var url: String?
    /// The cell page that lists all of this group's offers, if there is one.
    var fullList: String?
    var offers: [Offer]
}

/// A grouped page (town, life phase, area) and its continuation pages.
struct GroupedListing: Sendable {
    /// Path of the first page.
    let path: String
    let groups: [OfferGroup]
    let limits: ListLimits
    /// Pages 2, 3, …: the parts of cut groups each shows, in group order.
    let continuation: [[Part]]

    /// Offers `range` of group `group`.
    struct Part: Sendable {
        var group: Int
        var range: Range<Int>
    }

    init(path: String, groups: [OfferGroup], limits: ListLimits) {
        self.path = path
        self.groups = groups
        self.limits = limits
        var pages: [[Part]] = []
        var current: [Part] = []
        var filled = 0
        for (index, group) in groups.enumerated() where group.fullList == nil && group.offers.count > limits.perGroup {
            var start = limits.perGroup
            while start < group.offers.count {
                let take = min(limits.perPage - filled, group.offers.count - start)
                current.append(Part(group: index, range: start..<(start + take)))
                filled += take
                start += take
                if filled == limits.perPage {
                    pages.append(current)
                    current = []
                    filled = 0
                }
            }
        }
        if !current.isEmpty { pages.append(current) }
        continuation = pages
    }

    var pageCount: Int { 1 + continuation.count }

    /// The page (2 or later) on which a cut group without a cell page goes on.
    func continuesOn(group: Int) -> Int? {
        continuation.firstIndex { $0.contains { $0.group == group } }.map { $0 + 2 }
    }
}

extension Links {
    /// Page `number` of the list at `path`; the first page is the path itself.
    func numbered(_ path: String, page number: Int) -> String {
        number <= 1 ? path : path + "seite/\(number)/"
    }
}

extension ViewModels {
    /// Pages of a list of `count` offers, `perPage` each (at least one page).
    static func pageCount(offers count: Int, perPage: Int) -> Int {
        max(1, (count + perPage - 1) / perPage)
    }

    /// The groups of page `number` of a grouped page, with the table of
    /// contents, the links to the rest of cut groups and the page links.
    func setGroups(_ view: inout GroupedPage, _ listing: GroupedListing, page number: Int) {
        if number <= 1 {
            view.groups = listing.groups.enumerated().map { index, group in
                let cut = group.offers.count > listing.limits.perGroup
                var item = self.group(
                    id: group.id, title: group.title, subtitle: group.subtitle, url: group.url,
                    offers: cut ? Array(group.offers.prefix(listing.limits.perGroup)) : group.offers)
                item.count = Text.count(group.offers.count)
                if cut, let fullList = group.fullList {
                    item.more = MoreLink(url: fullList, text: "Alle \(Text.count(group.offers.count)) anzeigen")
                } else if cut, let page = listing.continuesOn(group: index) {
                    let rest = group.offers.count - listing.limits.perGroup
                    item.more = MoreLink(
                        url: links.numbered(listing.path, page: page) + "#" + group.id,
                        text: "\(rest == 1 ? "Das weitere Angebot" : "Die weiteren \(rest) Angebote") ab Seite \(page)")
                }
                return item
            }
        } else {
            view.groups = listing.continuation[number - 2].map { part in
                let group = listing.groups[part.group]
                var item = self.group(
                    id: group.id, title: "\(group.title) (Fortsetzung)", subtitle: group.subtitle, url: group.url,
                    offers: Array(group.offers[part.range]))
                item.count = "Angebote \(part.range.lowerBound + 1) bis \(part.range.upperBound) von \(group.offers.count)"
                return item
            }
        }
        view.pagination = pagination(path: listing.path, page: number, of: listing.pageCount)
    }

    /// What a numbered page (2 or later) says about itself.
    func continuationPage(
        title: String, path: String, page number: Int, of count: Int,
        section: Section, breadcrumbs: [(String, String)]
    ) -> GroupedPage {
        GroupedPage(
            frame: frame(
                title: "\(title), Seite \(number)", path: links.numbered(path, page: number),
                description: "\(title): Seite \(number) von \(count).", section: section,
                breadcrumbs: breadcrumbs + [(title, path)]),
            heading: "\(title), Seite \(number) von \(count)", continued: true)
    }

    /// `pagination`: the page links of a numbered list.
    struct Pagination: TemplateData {
        var pages: [PageEntry]
        var currentPage, pageCount: Int
        var prev, next: PageURL?

        func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            case .pages: .list(pages)
            case .currentPage: .number(currentPage)
            case .pageCount: .number(pageCount)
            case .prev: TemplateValue(prev)
            case .next: TemplateValue(next)
            default: .absent
            }
        }
    }

    /// A page link, or a gap (`gap`) between two of them.
    enum PageEntry: TemplateData {
        case gap
        case link(PageLink)

        func value(_ key: TemplateKey) -> TemplateValue {
            switch (self, key) {
            case (.gap, .gap): .bool(true)
            case (.link(let link), .link): .object(link)
            default: .absent
            }
        }
    }

    struct PageLink: TemplateData {
        var number: Int
        var url: String
        var current: Bool

        func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            case .number: .number(number)
            case .url: .text(url)
            case .current: .bool(current)
            default: .absent
            }
        }
    }

    struct PageURL: TemplateData {
        var url: String

        func value(_ key: TemplateKey) -> TemplateValue {
            key == .url ? .text(url) : .absent
        }
    }

    /// Page links for page `number` of `count` (nil when there is one page):
    /// the first, the last and two on each side of the current one, with
    /// gaps between; and the previous and next page for `rel` links.
    func pagination(path: String, page number: Int, of count: Int) -> Pagination? {
        guard count > 1 else { return nil }
        var pages: [PageEntry] = []
        var last = 0
        for candidate in 1...count where candidate == 1 || candidate == count || abs(candidate - number) <= 2 {
            if candidate > last + 1 { pages.append(.gap) }
            pages.append(.link(PageLink(number: candidate, url: links.numbered(path, page: candidate), current: candidate == number)))
            last = candidate
        }
        return Pagination(
            pages: pages, currentPage: number, pageCount: count,
            prev: number > 1 ? PageURL(url: links.numbered(path, page: number - 1)) : nil,
            next: number < count ? PageURL(url: links.numbered(path, page: number + 1)) : nil)
    }
}
