// Plain view models per page kind: small types the templates read through
// `TemplateData`, each the documented contract of its template
// (docs/vorlagen.md). All wording and grouping is decided here; templates
// only lay it out. A view model answers a name only where the dictionaries it
// replaced had the key, so a name a part lacks is looked up in the
// enclosing parts as before.

import Foundation

/// Every name a view model answers; a template's name is turned into one
/// of these when the template is compiled (a name not listed here is in no
/// view model, and stays empty). docs/vorlagen.md says which template
/// receives which.
enum TemplateKey: String, CaseIterable, Sendable {
    case access, age, ages, areas, assets, body, breadcrumbs, browse, canonical, caption, cellURL, cells, city
    case closes, columns, confidential, contact, continued, cost, count, countyWide, coverageURL, csp, current
    case currentPage, dataURL, days, daysLong, description, district, draft, email, empty, feedURL, footerMenu
    case free, fullTitle, gap, groups, hasBreadcrumbs, hasHours, hasLocations, heading, holidays, hours
    case hoursNote, hsdsURL, id, indexURL, intro, items, jsonLD, language, languages, lead, lifePhases, link
    case links, locations, locationsHeading, mainMenu, mapURL, matrix, more, name, next, noindex, notice, noun
    case number, offer, offerCount, offers, offersURL, ogType, openNow, opens, page, pageCount, pages
    case pagination, phase, phaseName, phaseURL, phases, phone, place, prev, provider, range, registration, root
    case rows, script, search, searchURL, shard, shortlist, shortlistURL, showToc, site, slug, status, step
    case street, subtitle, summary, tables, tagline, text, thin, thinBelow, timeZone, title, topics, town
    case townFeedURL, townName, townURL, towns, updated, updatedText, uri, url, website, youthOffice
}

struct ViewModels {
    let model: SiteModel
    let links: Links
    var limits = ListLimits.standard

    /// The parts of the frame that are the same on every page, made once;
    /// the main menu once per section (a page of the menu makes its own).
    private let siteInfo: SiteInfo
    private let footerMenu: [Link]
    private let mainMenus: [Section: [MenuItem]]
    private let mainMenuPaths: Set<String>
    /// The holidays as the opening-hours script reads them.
    let holidays: String
    /// Each offer's card, made the first time a list shows it: an offer is
    /// in several lists (its towns, life phases, areas and cells).
    private let cards = CardCache()

    init(model: SiteModel) {
        self.model = model
        let links = Links(site: model.site)
        self.links = links
        let site = model.site
        siteInfo = SiteInfo(
            title: site.title, language: site.language, root: links.root, assets: links.assets,
            searchURL: links.search, feedURL: links.feed, coverageURL: links.coverage, shortlistURL: links.shortlist,
            tagline: site.tagline, notice: site.notice)
        footerMenu = model.pages(in: .footer).map { page in Link(page.title, links.page(page.slug)) }
        mainMenuPaths = Set(model.pages(in: .main).map { links.page($0.slug) })
        var mainMenus: [Section: [MenuItem]] = [:]
        for section in Section.allCases {
            mainMenus[section] = Self.mainMenu(model: model, links: links, section: section, path: nil)
        }
        self.mainMenus = mainMenus
        holidays = OpenAndNear.holidaysAttribute(site)
    }

    // MARK: - Frame shared by every page

    enum Section: String, CaseIterable { case home, towns, phases, areas, search, shortlist, page, offer, none }

    /// Every page: the site, the page's own head, the menus, the breadcrumbs.
    struct Frame: TemplateData {
        var site: SiteInfo
        var page: PageInfo
        var mainMenu: [MenuItem]
        var footerMenu: [Link]
        var breadcrumbs: [Link]

        func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            case .site: .object(site)
            case .page: .object(page)
            case .mainMenu: .list(mainMenu)
            case .footerMenu: .list(footerMenu)
            case .breadcrumbs: .list(breadcrumbs)
            case .hasBreadcrumbs: .bool(!breadcrumbs.isEmpty)
            default: .absent
            }
        }
    }

    /// `site`: the same on every page.
    final class SiteInfo: TemplateData, Sendable {
        let title, language, root, assets, searchURL, feedURL, coverageURL, shortlistURL: String
        let tagline, notice: String?

        init(
            title: String, language: String, root: String, assets: String, searchURL: String, feedURL: String,
            coverageURL: String, shortlistURL: String, tagline: String? = nil, notice: String? = nil
        ) {
            self.title = title
            self.language = language
            self.root = root
            self.assets = assets
            self.searchURL = searchURL
            self.feedURL = feedURL
            self.coverageURL = coverageURL
            self.shortlistURL = shortlistURL
            self.tagline = tagline
            self.notice = notice
        }

        func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            case .title: .text(title)
            case .language: .text(language)
            case .root: .text(root)
            case .assets: .text(assets)
            case .searchURL: .text(searchURL)
            case .feedURL: .text(feedURL)
            case .coverageURL: .text(coverageURL)
            case .shortlistURL: .text(shortlistURL)
            case .tagline: TemplateValue(tagline)
            case .notice: TemplateValue(notice)
            default: .absent
            }
        }
    }

    /// `page`: what the page says about itself in its head.
    final class PageInfo: TemplateData, Sendable {
        let title, fullTitle, canonical, description, ogType, csp: String
        let noindex: Bool

        init(
            title: String, fullTitle: String, canonical: String, description: String, ogType: String, csp: String,
            noindex: Bool
        ) {
            self.title = title
            self.fullTitle = fullTitle
            self.canonical = canonical
            self.description = description
            self.ogType = ogType
            self.csp = csp
            self.noindex = noindex
        }

        func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            case .title: .text(title)
            case .fullTitle: .text(fullTitle)
            case .canonical: .text(canonical)
            case .description: .text(description)
            case .ogType: .text(ogType)
            case .csp: .text(csp)
            case .noindex: .flag(noindex)
            default: .absent
            }
        }
    }

    /// An entry of the main menu.
    final class MenuItem: TemplateData, Sendable {
        let title, url: String
        let current: Bool

        init(title: String, url: String, current: Bool) {
            self.title = title
            self.url = url
            self.current = current
        }

        func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            case .title: .text(title)
            case .url: .text(url)
            case .current: .bool(current)
            default: .absent
            }
        }
    }

    /// A link with its text: footer menu, breadcrumbs, "browse" lists.
    final class Link: TemplateData, Sendable {
        let title, url: String

        init(_ title: String, _ url: String) {
            self.title = title
            self.url = url
        }

        func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            case .title: .text(title)
            case .url: .text(url)
            default: .absent
            }
        }
    }

    /// A town, life phase or area by name, with its page.
    final class NamedLink: TemplateData, Sendable {
        let name, url: String

        init(name: String, url: String) {
            self.name = name
            self.url = url
        }

        func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            case .name: .text(name)
            case .url: .text(url)
            default: .absent
            }
        }
    }

    /// A phone number or e-mail address, as shown and as a link (`tel:`, `mailto:`).
    final class ContactLink: TemplateData, Sendable {
        let text, uri: String

        init(text: String, uri: String) {
            self.text = text
            self.uri = uri
        }

        func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            case .text: .text(text)
            case .uri: .text(uri)
            default: .absent
            }
        }
    }

    func frame(
        title: String, path: String, description: String?, section: Section,
        breadcrumbs: [(String, String)] = [], noindex: Bool = false, inlineScripts: [String] = []
    ) -> Frame {
        let site = model.site
        let mainMenu = mainMenuPaths.contains(path)
            ? Self.mainMenu(model: model, links: links, section: section, path: path) : mainMenus[section]!
        var crumbs: [Link] = []
        if !breadcrumbs.isEmpty {
            crumbs.append(Link("Start", links.home))
            crumbs += breadcrumbs.map { Link($0.0, $0.1) }
        }
        let page = PageInfo(
            title: title,
            fullTitle: path == links.home ? site.title : "\(title) – \(site.title)",
            canonical: links.absolute(path),
            description: description ?? site.description ?? site.tagline ?? site.title,
            ogType: section == .offer ? "article" : "website",
            csp: Self.contentSecurityPolicy(inlineScripts: inlineScripts),
            noindex: noindex)
        return Frame(site: siteInfo, page: page, mainMenu: mainMenu, footerMenu: footerMenu, breadcrumbs: crumbs)
    }

    /// The main menu: the section's entry marked current, and the entry of
    /// the page at `path` when it is a page of the menu.
    private static func mainMenu(model: SiteModel, links: Links, section: Section, path: String?) -> [MenuItem] {
        [
            MenuItem(title: "Orte", url: links.towns, current: section == .towns),
            MenuItem(title: "Lebensphasen", url: links.lifePhases, current: section == .phases),
            MenuItem(title: "Themen", url: links.areas, current: section == .areas),
            MenuItem(title: "Suche", url: links.search, current: section == .search),
            MenuItem(title: "Merkliste", url: links.shortlist, current: section == .shortlist),
        ] + model.pages(in: .main).map { page in
            MenuItem(title: page.title, url: links.page(page.slug), current: links.page(page.slug) == path)
        }
    }

    /// Only the site itself: no other host, no inline script but the ones
    /// the page carries, allowed by their hash.
    static func contentSecurityPolicy(inlineScripts: [String]) -> String {
        let scripts = (["'self'"] + inlineScripts.map(SHA256.cspSource)).joined(separator: " ")
        return "default-src 'self'; script-src \(scripts); object-src 'none'; base-uri 'self'; form-action 'self'"
    }

    // MARK: - Offer cards and groups

    /// An offer in a list.
    final class Card: TemplateData, Sendable {
        let title, url, summary, place, phases: String
        let countyWide: Bool
        let status: String?
        let free: Bool

        init(
            title: String, url: String, summary: String, place: String, phases: String, countyWide: Bool,
            status: String? = nil, free: Bool
        ) {
            self.title = title
            self.url = url
            self.summary = summary
            self.place = place
            self.phases = phases
            self.countyWide = countyWide
            self.status = status
            self.free = free
        }

        func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            case .title: .text(title)
            case .url: .text(url)
            case .summary: .text(summary)
            case .place: .text(place)
            case .countyWide: .bool(countyWide)
            case .phases: .text(phases)
            case .status: TemplateValue(status)
            case .free: .flag(free)
            default: .absent
            }
        }
    }

    /// A group of offers on a town, life-phase or area page.
    struct Group: TemplateData {
        var id, title, count: String
        var subtitle, url: String?
        var offers: [Card]
        /// The link to the rest of a group cut short.
        var more: MoreLink?

        func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            case .id: .text(id)
            case .title: .text(title)
            case .count: .text(count)
            case .offers: .list(offers)
            case .subtitle: TemplateValue(subtitle)
            case .url: TemplateValue(url)
            case .more: TemplateValue(more)
            default: .absent
            }
        }
    }

    struct MoreLink: TemplateData {
        var url, text: String

        func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            case .url: .text(url)
            case .text: .text(text)
            default: .absent
            }
        }
    }

    func place(of offer: Offer) -> String {
        let names = offer.municipalities.compactMap { model.municipality($0)?.name }
        return model.isCountyWide(offer) ? "\(Text.list(names)) · kreisweit" : Text.list(names)
    }

    func card(_ offer: Offer) -> Card {
        cards.card(offer.slug) {
            Card(
                title: offer.title, url: links.offer(offer.slug), summary: offer.summary, place: place(of: offer),
                phases: offer.lifePhases.compactMap { model.lifePhase($0)?.name }.joined(separator: ", "),
                countyWide: model.isCountyWide(offer), status: Text.status(offer.status), free: offer.free == true)
        }
    }

    /// Cards by slug, shared by the threads that render list pages. Two
    /// threads may make the same card at once; they make it alike.
    private final class CardCache: @unchecked Sendable {
        private var cards: [String: Card] = [:]
        private let lock = NSLock()

        func card(_ slug: String, make: () -> Card) -> Card {
            lock.lock()
            if let card = cards[slug] {
                lock.unlock()
                return card
            }
            lock.unlock()
            let card = make()
            lock.lock()
            cards[slug] = card
            lock.unlock()
            return card
        }
    }

    func group(id: String, title: String, subtitle: String? = nil, url: String? = nil, offers: [Offer]) -> Group {
        Group(id: id, title: title, count: Text.count(offers.count), subtitle: subtitle, url: url, offers: offers.map(card))
    }

    // MARK: - Pages

    /// The home page.
    struct HomePage: TemplateData {
        var frame: Frame
        var intro: String?
        var offerCount: String
        var phases: [PhaseStep]
        var towns: [TownTile]
        var matrix: Matrix
        var areas: [AreaTile]

        func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            case .intro: TemplateValue(intro)
            case .offerCount: .text(offerCount)
            case .phases: .list(phases)
            case .towns: .list(towns)
            case .matrix: .object(matrix)
            case .areas: .list(areas)
            default: frame.value(key)
            }
        }
    }

    /// A life phase in the home page's chain.
    struct PhaseStep: TemplateData {
        var step: Int
        var name, url, count: String
        var ages, description: String?

        func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            case .step: .number(step)
            case .name: .text(name)
            case .url: .text(url)
            case .count: .text(count)
            case .ages: TemplateValue(ages)
            case .description: TemplateValue(description)
            default: .absent
            }
        }
    }

    struct TownTile: TemplateData {
        var name, url, count: String
        var countyWide: Bool

        func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            case .name: .text(name)
            case .url: .text(url)
            case .count: .text(count)
            case .countyWide: .bool(countyWide)
            default: .absent
            }
        }
    }

    struct AreaTile: TemplateData {
        var name, url, count: String
        var description: String?

        func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            case .name: .text(name)
            case .url: .text(url)
            case .count: .text(count)
            case .description: TemplateValue(description)
            default: .absent
            }
        }
    }

    /// Life phase × town, with counts.
    struct Matrix: TemplateData {
        var columns: [NamedLink]
        var rows: [MatrixRow]

        func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            case .columns: .list(columns)
            case .rows: .list(rows)
            default: .absent
            }
        }
    }

    struct MatrixRow: TemplateData {
        var name, url: String
        var cells: [MatrixCell]

        func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            case .name: .text(name)
            case .url: .text(url)
            case .cells: .list(cells)
            default: .absent
            }
        }
    }

    struct MatrixCell: TemplateData {
        var count: Int
        var town: String
        var url: String?

        func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            case .count: .number(count)
            case .town: .text(town)
            case .url: TemplateValue(url)
            // Present either way: a missing name would be looked up in the
            // row, whose `url` would link a gap ("0") to the life phase.
            case .empty: .bool(count == 0)
            default: .absent
            }
        }
    }

    func home() -> HomePage {
        let site = model.site
        return HomePage(
            frame: frame(title: site.title, path: links.home, description: site.description, section: .home),
            intro: site.description,
            offerCount: Text.count(model.offers.count),
            phases: site.lifePhases.enumerated().map { index, phase in
                PhaseStep(
                    step: index + 1, name: phase.name, url: links.lifePhase(phase.id),
                    count: Text.count(model.offers(phase: phase).count), ages: phase.ages, description: phase.description)
            },
            towns: site.municipalities.map { town in
                TownTile(name: town.name, url: links.town(town.id), count: Text.count(model.offers(in: town).count),
                         countyWide: town.countyWide)
            },
            matrix: Matrix(
                columns: site.municipalities.map { NamedLink(name: $0.name, url: links.town($0.id)) },
                rows: site.lifePhases.map { phase in
                    MatrixRow(
                        name: phase.name, url: links.lifePhase(phase.id),
                        cells: site.municipalities.map { town in
                            let count = model.offers(in: town, phase: phase).count
                            return MatrixCell(
                                count: count, town: town.name,
                                url: count > 0 ? links.cell(town: town.id, phase: phase.id) : nil)
                        })
                }),
            areas: site.areas.map { area in
                AreaTile(name: area.name, url: links.area(area.id), count: Text.count(model.offers(area: area).count),
                         description: area.description)
            })
    }

    /// An overview page: towns, life phases or areas.
    struct IndexPage: TemplateData {
        var frame: Frame
        var heading, lead: String
        var items: [IndexEntry]

        func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            case .heading: .text(heading)
            case .lead: .text(lead)
            case .items: .list(items)
            default: frame.value(key)
            }
        }
    }

    /// An entry of an overview page: name, link, number of offers, a line of text.
    struct IndexEntry: TemplateData {
        var name, url, count: String
        var description: String?

        func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            case .name: .text(name)
            case .url: .text(url)
            case .count: .text(count)
            case .description: TemplateValue(description)
            default: .absent
            }
        }
    }

    private struct IndexItem {
        var name: String
        var url: String
        var count: Int
        var description: String?
    }

    private func indexPage(
        title: String, path: String, description: String, section: Section, lead: String, items: [IndexItem]
    ) -> IndexPage {
        IndexPage(
            frame: frame(title: title, path: path, description: description, section: section),
            heading: title, lead: lead,
            items: items.map { item in
                IndexEntry(name: item.name, url: item.url, count: Text.count(item.count), description: item.description?.nonEmpty)
            })
    }

    func townIndex() -> IndexPage {
        indexPage(
            title: "Orte", path: links.towns, description: "Angebote für Familien nach Orten.", section: .towns,
            lead: "Wählen Sie Ihren Ort. Dort finden Sie alle Angebote, auch die für den ganzen Kreis.",
            items: model.site.municipalities.map { town in
                IndexItem(
                    name: town.name, url: links.town(town.id), count: model.offers(in: town).count,
                    description: town.description ?? (town.countyWide ? "Angebote für alle Orte im Kreis." : nil))
            })
    }

    func phaseIndex() -> IndexPage {
        indexPage(
            title: "Lebensphasen", path: links.lifePhases, description: "Angebote für Familien nach dem Alter der Kinder.",
            section: .phases,
            lead: "Von der Schwangerschaft bis zum Beruf: Wählen Sie die Phase, in der Ihre Familie gerade ist.",
            items: model.site.lifePhases.map { phase in
                IndexItem(
                    name: phase.name, url: links.lifePhase(phase.id), count: model.offers(phase: phase).count,
                    description: [phase.ages, phase.description].compactMap { $0 }.joined(separator: " · "))
            })
    }

    func areaIndex() -> IndexPage {
        indexPage(
            title: "Themen", path: links.areas, description: "Angebote für Familien nach Themen.", section: .areas,
            lead: "Die Angebote nach Bereichen.",
            items: model.site.areas.map { area in
                IndexItem(name: area.name, url: links.area(area.id), count: model.offers(area: area).count, description: area.description)
            })
    }

    /// A town, life-phase or area page, or one of its continuation pages
    /// (`continued`); a name a kind of page does not set stays absent.
    struct GroupedPage: TemplateData {
        var frame: Frame
        var heading: String
        var continued = false
        var description: String?
        var ages: String?
        var count: String?
        var countyWide: Bool?
        var townFeedURL: String?
        var groups: [Group] = []
        var pagination: Pagination?
        var youthOffice: YouthOfficeInfo?

        func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            case .heading: .text(heading)
            case .continued: .flag(continued)
            case .description: TemplateValue(description)
            case .ages: TemplateValue(ages)
            case .count: TemplateValue(count)
            case .countyWide: countyWide.map(TemplateValue.bool) ?? .absent
            case .townFeedURL: TemplateValue(townFeedURL)
            case .groups: .list(groups)
            case .showToc: .bool(groups.count > 1)
            case .pagination: TemplateValue(pagination)
            case .youthOffice: TemplateValue(youthOffice)
            default: frame.value(key)
            }
        }
    }

    func townListing(_ town: Municipality) -> GroupedListing {
        GroupedListing(path: links.town(town.id), groups: model.offersByPhase(in: town).map { phase, offers in
            let cell = town.countyWide ? nil : links.cell(town: town.id, phase: phase.id)
            return OfferGroup(id: "phase-\(phase.id)", title: phase.name, subtitle: phase.ages, url: cell, fullList: cell, offers: offers)
        }, limits: limits)
    }

    func town(_ town: Municipality, page: Int = 1, listing: GroupedListing? = nil) -> GroupedPage {
        let path = links.town(town.id)
        let listing = listing ?? townListing(town)
        guard page == 1 else {
            var view = continuationPage(title: town.name, path: path, page: page, of: listing.pageCount,
                                        section: .towns, breadcrumbs: [("Orte", links.towns)])
            view.townFeedURL = links.townFeed(town.id)
            setGroups(&view, listing, page: page)
            return view
        }
        let offers = model.offers(in: town)
        var view = GroupedPage(
            frame: frame(
                title: town.name, path: path,
                description: "Angebote für Familien in \(town.name): \(Text.count(offers.count)) von der Schwangerschaft bis zum Beruf.",
                section: .towns, breadcrumbs: [("Orte", links.towns)]),
            heading: town.countyWide ? "\(town.name): Angebote für den ganzen Kreis" : "Angebote in \(town.name)")
        view.description = town.description
        view.count = Text.count(offers.count)
        view.countyWide = town.countyWide
        view.townFeedURL = links.townFeed(town.id)
        setGroups(&view, listing, page: 1)
        view.youthOffice = town.youthOffice.map(youthOffice)
        return view
    }

    /// The offers of a town in one life phase, page by page.
    struct CellPage: TemplateData {
        var frame: Frame
        var heading: String
        var continued = false
        var count, phaseURL, phaseName, townURL, townName: String
        var offers: [Card]
        var range: String?
        var pagination: Pagination?

        func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            case .heading: .text(heading)
            case .continued: .flag(continued)
            case .count: .text(count)
            case .phaseURL: .text(phaseURL)
            case .phaseName: .text(phaseName)
            case .townURL: .text(townURL)
            case .townName: .text(townName)
            case .offers: .list(offers)
            case .range: TemplateValue(range)
            case .pagination: TemplateValue(pagination)
            default: frame.value(key)
            }
        }
    }

    func cell(town: Municipality, phase: LifePhase, page: Int = 1) -> CellPage {
        let offers = model.offers(in: town, phase: phase)
        let path = links.cell(town: town.id, phase: phase.id)
        let title = "\(phase.name) in \(town.name)"
        let breadcrumbs = [("Orte", links.towns), (town.name, links.town(town.id))]
        let pageCount = Self.pageCount(offers: offers.count, perPage: limits.perPage)
        let head: GroupedPage = page == 1
            ? GroupedPage(
                frame: frame(
                    title: title, path: path,
                    description: "\(Text.count(offers.count)) für Familien in \(town.name), Lebensphase \(phase.name).",
                    section: .towns, breadcrumbs: breadcrumbs),
                heading: title)
            : continuationPage(title: title, path: path, page: page, of: pageCount, section: .towns, breadcrumbs: breadcrumbs)
        let shown = offers.dropFirst((page - 1) * limits.perPage).prefix(limits.perPage)
        return CellPage(
            frame: head.frame, heading: head.heading, continued: head.continued,
            count: Text.count(offers.count), phaseURL: links.lifePhase(phase.id), phaseName: phase.name,
            townURL: links.town(town.id), townName: town.name, offers: shown.map(card),
            range: pageCount > 1 ? "Angebote \(shown.startIndex + 1) bis \(shown.endIndex) von \(offers.count)" : nil,
            pagination: pagination(path: path, page: page, of: pageCount))
    }

    func phaseListing(_ phase: LifePhase) -> GroupedListing {
        GroupedListing(path: links.lifePhase(phase.id), groups: model.offersByMunicipality(phase: phase).map { town, offers in
            let cell = town.countyWide ? nil : links.cell(town: town.id, phase: phase.id)
            return OfferGroup(id: "ort-\(town.id)", title: town.countyWide ? "\(town.name) (kreisweit)" : town.name,
                              url: cell ?? links.town(town.id), fullList: cell, offers: offers)
        }, limits: limits)
    }

    func phase(_ phase: LifePhase, page: Int = 1, listing: GroupedListing? = nil) -> GroupedPage {
        let listing = listing ?? phaseListing(phase)
        guard page == 1 else {
            var view = continuationPage(title: phase.name, path: listing.path, page: page, of: listing.pageCount,
                                        section: .phases, breadcrumbs: [("Lebensphasen", links.lifePhases)])
            setGroups(&view, listing, page: page)
            return view
        }
        let offers = model.offers(phase: phase)
        var view = GroupedPage(
            frame: frame(
                title: phase.name, path: links.lifePhase(phase.id),
                description: phase.description ?? "Angebote für Familien in der Lebensphase \(phase.name).",
                section: .phases, breadcrumbs: [("Lebensphasen", links.lifePhases)]),
            heading: phase.name)
        view.ages = phase.ages
        view.description = phase.description
        view.count = Text.count(offers.count)
        setGroups(&view, listing, page: 1)
        return view
    }

    func areaListing(_ area: Area) -> GroupedListing {
        GroupedListing(path: links.area(area.id), groups: model.offersByPhase(area: area).map { phase, offers in
            OfferGroup(id: "phase-\(phase.id)", title: phase.name, subtitle: phase.ages, url: links.lifePhase(phase.id),
                       fullList: nil, offers: offers)
        }, limits: limits)
    }

    func area(_ area: Area, page: Int = 1, listing: GroupedListing? = nil) -> GroupedPage {
        let listing = listing ?? areaListing(area)
        guard page == 1 else {
            var view = continuationPage(title: area.name, path: listing.path, page: page, of: listing.pageCount,
                                        section: .areas, breadcrumbs: [("Themen", links.areas)])
            setGroups(&view, listing, page: page)
            return view
        }
        let offers = model.offers(area: area)
        var view = GroupedPage(
            frame: frame(
                title: area.name, path: links.area(area.id),
                description: area.description ?? "Angebote für Familien im Bereich \(area.name).",
                section: .areas, breadcrumbs: [("Themen", links.areas)]),
            heading: area.name)
        view.description = area.description
        view.count = Text.count(offers.count)
        setGroups(&view, listing, page: 1)
        return view
    }

    /// A plain page from `content/seiten/`.
    struct TextPage: TemplateData {
        var frame: Frame
        var heading, body: String

        func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            case .heading: .text(heading)
            case .body: .text(body)
            default: frame.value(key)
            }
        }
    }

    func plainPage(_ page: PlainPage, html: String) -> TextPage {
        TextPage(
            frame: frame(title: page.title, path: links.page(page.slug), description: page.summary, section: .page, breadcrumbs: []),
            heading: page.title, body: html)
    }

    /// The search page.
    struct SearchPage: TemplateData {
        var frame: Frame
        var search: SearchForm

        func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            case .search: .object(search)
            default: frame.value(key)
            }
        }
    }

    /// `search`: the form, its choices and the script.
    struct SearchForm: TemplateData {
        var indexURL: String
        var towns, lifePhases, areas, languages: [Choice]
        var browse: [Link]
        var shard: String?
        var script: ScriptText?
        var openNow: OpenNow

        func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            case .indexURL: .text(indexURL)
            case .towns: .list(towns)
            case .lifePhases: .list(lifePhases)
            case .areas: .list(areas)
            case .languages: .list(languages)
            case .browse: .list(browse)
            case .shard: TemplateValue(shard)
            case .script: TemplateValue(script)
            case .openNow: .object(openNow)
            default: .absent
            }
        }
    }

    /// A choice of a search filter: its value in the URL and its name.
    struct Choice: TemplateData {
        var id, name: String

        func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            case .id: .text(id)
            case .name: .text(name)
            default: .absent
            }
        }
    }

    struct ScriptText: TemplateData {
        var text: String

        func value(_ key: TemplateKey) -> TemplateValue {
            key == .text ? .text(text) : .absent
        }
    }

    /// The search page. `shardPrefixLength` (a split index only) goes into
    /// the form's `data-shard`, so the script requests a query's term shards
    /// together with `index.json`; `script` (the search script's source) is
    /// inlined, which spares the request for it before the first results.
    func search(shardPrefixLength: Int?, script: String?) -> SearchPage {
        let scriptText = script.map(Self.scriptElementText)
        let frame = frame(title: "Suche", path: links.search,
                          description: "Angebote für Familien suchen: nach Stichwort, Ort, Lebensphase und Thema.",
                          section: .search, breadcrumbs: [], inlineScripts: scriptText.map { [$0] } ?? [])
        var codes = Set<String>()
        for offer in model.offers { codes.formUnion(offer.languages) }
        // By name, then code: a set's order differs from run to run.
        let languages = codes.map { (code: $0, name: Languages.name(of: $0) ?? $0) }.sorted { ($0.name, $0.code) < ($1.name, $1.code) }
        return SearchPage(frame: frame, search: SearchForm(
            indexURL: links.search + "index.json",
            towns: model.site.towns.map { Choice(id: $0.id, name: $0.name) },
            lifePhases: model.site.lifePhases.map { Choice(id: $0.id, name: $0.name) },
            areas: model.site.areas.map { Choice(id: $0.id, name: $0.name) },
            languages: languages.map { Choice(id: $0.code, name: $0.name) },
            browse: [
                Link("Nach Orten", links.towns),
                Link("Nach Lebensphasen", links.lifePhases),
                Link("Nach Themen", links.areas),
            ],
            shard: shardPrefixLength.map(String.init),
            script: scriptText.map(ScriptText.init),
            openNow: openNowData(nil)))
    }

    /// Script source made safe to stand between `<script>` and `</script>`:
    /// `</script` would end the element early, and `<!--` followed by
    /// `<script` would make the parser skip the real end tag. `<\/` and
    /// `\x3C` mean `</` and `<` in JavaScript strings and regular
    /// expressions and are harmless in comments, the only places these can
    /// occur in working code.
    static func scriptElementText(_ source: String) -> String {
        source
            .replacingOccurrences(of: "</(script)", with: "<\\\\/$1", options: [.regularExpression, .caseInsensitive])
            .replacingOccurrences(of: "<!--", with: "\\x3C!--")
    }

    /// The 404 page.
    struct NotFoundPage: TemplateData {
        var frame: Frame
        var links: [Link]

        func value(_ key: TemplateKey) -> TemplateValue {
            key == .links ? .list(links) : frame.value(key)
        }
    }

    func notFound() -> NotFoundPage {
        NotFoundPage(
            frame: frame(title: "Seite nicht gefunden", path: links.root + "404.html",
                         description: "Diese Seite gibt es nicht.", section: .none, noindex: true),
            links: [
                Link("Startseite", links.home),
                Link("Suche", links.search),
                Link("Angebote nach Orten", links.towns),
                Link("Angebote nach Lebensphasen", links.lifePhases),
            ])
    }

    /// A town's youth office.
    struct YouthOfficeInfo: TemplateData {
        var name: String
        var street, city, website: String?
        var phone, email: ContactLink?

        func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            case .name: .text(name)
            case .street: TemplateValue(street)
            case .city: TemplateValue(city)
            case .phone: TemplateValue(phone)
            case .email: TemplateValue(email)
            case .website: TemplateValue(website)
            default: .absent
            }
        }
    }

    func youthOffice(_ office: YouthOffice) -> YouthOfficeInfo {
        YouthOfficeInfo(
            name: office.name, street: office.street,
            city: [office.postalCode, office.city].compactMap { $0 }.joined(separator: " ").nonEmpty,
            website: office.website,
            phone: office.phone.map { ContactLink(text: $0, uri: ContactRules.telURI($0)) },
            email: office.email.map { ContactLink(text: $0, uri: "mailto:" + $0) })
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
