// Plain view models per page kind: dictionaries the Mustache templates read.
// All wording and grouping is decided here; templates only lay it out.

typealias ViewModel = [String: Any]

struct ViewModels {
    let model: SiteModel
    let links: Links
    var limits = ListLimits.standard

    init(model: SiteModel) {
        self.model = model
        links = Links(site: model.site)
    }

    // MARK: - Frame shared by every page

    enum Section: String { case home, towns, phases, areas, search, shortlist, page, offer, none }

    func frame(
        title: String, path: String, description: String?, section: Section,
        breadcrumbs: [(String, String)] = [], noindex: Bool = false, inlineScripts: [String] = []
    ) -> ViewModel {
        let site = model.site
        let mainMenu: [ViewModel] = [
            ["title": "Orte", "url": links.towns, "current": section == .towns],
            ["title": "Lebensphasen", "url": links.lifePhases, "current": section == .phases],
            ["title": "Themen", "url": links.areas, "current": section == .areas],
            ["title": "Suche", "url": links.search, "current": section == .search],
            ["title": "Merkliste", "url": links.shortlist, "current": section == .shortlist],
        ] + model.pages(in: .main).map { page in
            ["title": page.title, "url": links.page(page.slug), "current": links.page(page.slug) == path]
        }
        let footerMenu: [ViewModel] = model.pages(in: .footer).map { page in
            ["title": page.title, "url": links.page(page.slug)]
        }
        var crumbs: [ViewModel] = []
        if !breadcrumbs.isEmpty {
            crumbs.append(["title": "Start", "url": links.home])
            crumbs += breadcrumbs.map { ["title": $0.0, "url": $0.1] }
        }
        var siteModel: ViewModel = [
            "title": site.title, "language": site.language, "root": links.root, "assets": links.assets,
            "searchURL": links.search, "feedURL": links.feed, "coverageURL": links.coverage,
        ]
        siteModel["tagline"] = site.tagline
        siteModel["shortlistURL"] = links.shortlist
        siteModel["notice"] = site.notice
        var page: ViewModel = [
            "title": title,
            "fullTitle": path == links.home ? site.title : "\(title) – \(site.title)",
            "canonical": links.absolute(path),
            "description": description ?? site.description ?? site.tagline ?? site.title,
            "ogType": section == .offer ? "article" : "website",
            "csp": Self.contentSecurityPolicy(inlineScripts: inlineScripts),
        ]
        if noindex { page["noindex"] = true }
        return [
            "site": siteModel, "page": page, "mainMenu": mainMenu, "footerMenu": footerMenu,
            "breadcrumbs": crumbs, "hasBreadcrumbs": !crumbs.isEmpty,
        ]
    }

    /// Only the site itself: no other host, no inline script but the ones
    /// the page carries, allowed by their hash.
    static func contentSecurityPolicy(inlineScripts: [String]) -> String {
        let scripts = (["'self'"] + inlineScripts.map(SHA256.cspSource)).joined(separator: " ")
        return "default-src 'self'; script-src \(scripts); object-src 'none'; base-uri 'self'; form-action 'self'"
    }

    // MARK: - Offer cards and groups

    func place(of offer: Offer) -> String {
        let names = offer.municipalities.compactMap { model.municipality($0)?.name }
        return model.isCountyWide(offer) ? "\(Text.list(names)) · kreisweit" : Text.list(names)
    }

    func card(_ offer: Offer) -> ViewModel {
        var card: ViewModel = [
            "title": offer.title, "url": links.offer(offer.slug), "summary": offer.summary,
            "place": place(of: offer), "countyWide": model.isCountyWide(offer),
            "phases": offer.lifePhases.compactMap { model.lifePhase($0)?.name }.joined(separator: ", "),
        ]
        card["status"] = Text.status(offer.status)
        if offer.free == true { card["free"] = true }
        return card
    }

    func group(id: String, title: String, subtitle: String? = nil, url: String? = nil, offers: [Offer]) -> ViewModel {
        var group: ViewModel = [
            "id": id, "title": title, "count": Text.count(offers.count), "offers": offers.map(card),
        ]
        group["subtitle"] = subtitle
        group["url"] = url
        return group
    }

    /// Groups of offers, with a table of contents when there is more than one.
    func setGroups(_ view: inout ViewModel, _ groups: [ViewModel]) {
        view["groups"] = groups
        view["showToc"] = groups.count > 1
    }

    // MARK: - Pages

    func home() -> ViewModel {
        var view = frame(title: model.site.title, path: links.home, description: model.site.description, section: .home)
        let site = model.site
        view["intro"] = site.description
        view["offerCount"] = Text.count(model.offers.count)
        view["phases"] = site.lifePhases.enumerated().map { index, phase -> ViewModel in
            var item: ViewModel = [
                "step": index + 1, "name": phase.name, "url": links.lifePhase(phase.id),
                "count": Text.count(model.offers(phase: phase).count),
            ]
            item["ages"] = phase.ages
            item["description"] = phase.description
            return item
        }
        view["towns"] = site.municipalities.map { town -> ViewModel in
            ["name": town.name, "url": links.town(town.id), "count": Text.count(model.offers(in: town).count),
             "countyWide": town.countyWide]
        }
        view["matrix"] = [
            "columns": site.municipalities.map { ["name": $0.name, "url": links.town($0.id)] },
            "rows": site.lifePhases.map { phase -> ViewModel in
                [
                    "name": phase.name, "url": links.lifePhase(phase.id),
                    "cells": site.municipalities.map { town -> ViewModel in
                        let count = model.offers(in: town, phase: phase).count
                        var cell: ViewModel = ["count": count, "town": town.name]
                        if count > 0 { cell["url"] = links.cell(town: town.id, phase: phase.id) }
                        return cell
                    },
                ]
            },
        ] as ViewModel
        view["areas"] = site.areas.map { area -> ViewModel in
            var item: ViewModel = ["name": area.name, "url": links.area(area.id), "count": Text.count(model.offers(area: area).count)]
            item["description"] = area.description
            return item
        }
        return view
    }

    /// An entry of an overview page: name, link, number of offers, a line of text.
    private struct IndexItem {
        var name: String
        var url: String
        var count: Int
        var description: String?
    }

    private func indexPage(
        title: String, path: String, description: String, section: Section, lead: String, items: [IndexItem]
    ) -> ViewModel {
        var view = frame(title: title, path: path, description: description, section: section)
        view["heading"] = title
        view["lead"] = lead
        view["items"] = items.map { item -> ViewModel in
            var entry: ViewModel = ["name": item.name, "url": item.url, "count": Text.count(item.count)]
            entry["description"] = item.description?.nonEmpty
            return entry
        }
        return view
    }

    func townIndex() -> ViewModel {
        indexPage(
            title: "Orte", path: links.towns, description: "Angebote für Familien nach Orten.", section: .towns,
            lead: "Wählen Sie Ihren Ort. Dort finden Sie alle Angebote, auch die für den ganzen Kreis.",
            items: model.site.municipalities.map { town in
                IndexItem(
                    name: town.name, url: links.town(town.id), count: model.offers(in: town).count,
                    description: town.description ?? (town.countyWide ? "Angebote für alle Orte im Kreis." : nil))
            })
    }

    func phaseIndex() -> ViewModel {
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

    func areaIndex() -> ViewModel {
        indexPage(
            title: "Themen", path: links.areas, description: "Angebote für Familien nach Themen.", section: .areas,
            lead: "Die Angebote nach Bereichen.",
            items: model.site.areas.map { area in
                IndexItem(name: area.name, url: links.area(area.id), count: model.offers(area: area).count, description: area.description)
            })
    }

    func townListing(_ town: Municipality) -> GroupedListing {
        GroupedListing(path: links.town(town.id), groups: model.offersByPhase(in: town).map { phase, offers in
            let cell = town.countyWide ? nil : links.cell(town: town.id, phase: phase.id)
            return OfferGroup(id: "phase-\(phase.id)", title: phase.name, subtitle: phase.ages, url: cell, fullList: cell, offers: offers)
        }, limits: limits)
    }

    func town(_ town: Municipality, page: Int = 1, listing: GroupedListing? = nil) -> ViewModel {
        let path = links.town(town.id)
        let listing = listing ?? townListing(town)
        var view: ViewModel = [:]
        guard page == 1 else {
            continuationFrame(&view, title: town.name, path: path, page: page, of: listing.pageCount,
                              section: .towns, breadcrumbs: [("Orte", links.towns)])
            view["townFeedURL"] = links.townFeed(town.id)
            setGroups(&view, listing, page: page)
            return view
        }
        let offers = model.offers(in: town)
        view = frame(
            title: town.name, path: path,
            description: "Angebote für Familien in \(town.name): \(Text.count(offers.count)) von der Schwangerschaft bis zum Beruf.",
            section: .towns, breadcrumbs: [("Orte", links.towns)])
        view["heading"] = town.countyWide ? "\(town.name): Angebote für den ganzen Kreis" : "Angebote in \(town.name)"
        view["description"] = town.description
        view["count"] = Text.count(offers.count)
        view["countyWide"] = town.countyWide
        view["townFeedURL"] = links.townFeed(town.id)
        setGroups(&view, listing, page: 1)
        if let office = town.youthOffice { view["youthOffice"] = youthOffice(office) }
        return view
    }

    func cell(town: Municipality, phase: LifePhase, page: Int = 1) -> ViewModel {
        let offers = model.offers(in: town, phase: phase)
        let path = links.cell(town: town.id, phase: phase.id)
        let title = "\(phase.name) in \(town.name)"
        let breadcrumbs = [("Orte", links.towns), (town.name, links.town(town.id))]
        let pageCount = Self.pageCount(offers: offers.count, perPage: limits.perPage)
        var view: ViewModel = [:]
        if page == 1 {
            view = frame(
                title: title, path: path,
                description: "\(Text.count(offers.count)) für Familien in \(town.name), Lebensphase \(phase.name).",
                section: .towns, breadcrumbs: breadcrumbs)
            view["heading"] = title
        } else {
            continuationFrame(&view, title: title, path: path, page: page, of: pageCount, section: .towns, breadcrumbs: breadcrumbs)
        }
        view["count"] = Text.count(offers.count)
        view["phaseURL"] = links.lifePhase(phase.id)
        view["phaseName"] = phase.name
        view["townURL"] = links.town(town.id)
        view["townName"] = town.name
        let shown = offers.dropFirst((page - 1) * limits.perPage).prefix(limits.perPage)
        view["offers"] = shown.map(card)
        if pageCount > 1 {
            view["range"] = "Angebote \(shown.startIndex + 1) bis \(shown.endIndex) von \(offers.count)"
        }
        view["pagination"] = pagination(path: path, page: page, of: pageCount)
        return view
    }

    func phaseListing(_ phase: LifePhase) -> GroupedListing {
        GroupedListing(path: links.lifePhase(phase.id), groups: model.offersByMunicipality(phase: phase).map { town, offers in
            let cell = town.countyWide ? nil : links.cell(town: town.id, phase: phase.id)
            return OfferGroup(id: "ort-\(town.id)", title: town.countyWide ? "\(town.name) (kreisweit)" : town.name,
                              url: cell ?? links.town(town.id), fullList: cell, offers: offers)
        }, limits: limits)
    }

    func phase(_ phase: LifePhase, page: Int = 1, listing: GroupedListing? = nil) -> ViewModel {
        let listing = listing ?? phaseListing(phase)
        var view: ViewModel = [:]
        guard page == 1 else {
            continuationFrame(&view, title: phase.name, path: listing.path, page: page, of: listing.pageCount,
                              section: .phases, breadcrumbs: [("Lebensphasen", links.lifePhases)])
            setGroups(&view, listing, page: page)
            return view
        }
        let offers = model.offers(phase: phase)
        view = frame(
            title: phase.name, path: links.lifePhase(phase.id),
            description: phase.description ?? "Angebote für Familien in der Lebensphase \(phase.name).",
            section: .phases, breadcrumbs: [("Lebensphasen", links.lifePhases)])
        view["heading"] = phase.name
        view["ages"] = phase.ages
        view["description"] = phase.description
        view["count"] = Text.count(offers.count)
        setGroups(&view, listing, page: 1)
        return view
    }

    func areaListing(_ area: Area) -> GroupedListing {
        GroupedListing(path: links.area(area.id), groups: model.offersByPhase(area: area).map { phase, offers in
            OfferGroup(id: "phase-\(phase.id)", title: phase.name, subtitle: phase.ages, url: links.lifePhase(phase.id),
                       fullList: nil, offers: offers)
        }, limits: limits)
    }

    func area(_ area: Area, page: Int = 1, listing: GroupedListing? = nil) -> ViewModel {
        let listing = listing ?? areaListing(area)
        var view: ViewModel = [:]
        guard page == 1 else {
            continuationFrame(&view, title: area.name, path: listing.path, page: page, of: listing.pageCount,
                              section: .areas, breadcrumbs: [("Themen", links.areas)])
            setGroups(&view, listing, page: page)
            return view
        }
        let offers = model.offers(area: area)
        view = frame(
            title: area.name, path: links.area(area.id),
            description: area.description ?? "Angebote für Familien im Bereich \(area.name).",
            section: .areas, breadcrumbs: [("Themen", links.areas)])
        view["heading"] = area.name
        view["description"] = area.description
        view["count"] = Text.count(offers.count)
        setGroups(&view, listing, page: 1)
        return view
    }

    func plainPage(_ page: PlainPage, html: String) -> ViewModel {
        var view = frame(title: page.title, path: links.page(page.slug), description: page.summary, section: .page,
                         breadcrumbs: [])
        view["heading"] = page.title
        view["body"] = html
        return view
    }

    /// The search page. `shardPrefixLength` (a split index only) goes into
    /// the form's `data-shard`, so the script requests a query's term shards
    /// together with `index.json`; `script` (the search script's source) is
    /// inlined, which spares the request for it before the first results.
    func search(shardPrefixLength: Int?, script: String?) -> ViewModel {
        let scriptText = script.map(Self.scriptElementText)
        var view = frame(title: "Suche", path: links.search,
                         description: "Angebote für Familien suchen: nach Stichwort, Ort, Lebensphase und Thema.",
                         section: .search, breadcrumbs: [], inlineScripts: scriptText.map { [$0] } ?? [])
        let languages = Set(model.offers.flatMap(\.languages)).sorted {
            (Languages.name(of: $0) ?? $0) < (Languages.name(of: $1) ?? $1)
        }
        var search: ViewModel = [
            "indexURL": links.search + "index.json",
            "towns": model.site.towns.map { ["id": $0.id, "name": $0.name] },
            "lifePhases": model.site.lifePhases.map { ["id": $0.id, "name": $0.name] },
            "areas": model.site.areas.map { ["id": $0.id, "name": $0.name] },
            "languages": languages.map { ["id": $0, "name": Languages.name(of: $0) ?? $0] },
            "browse": [
                ["title": "Nach Orten", "url": links.towns],
                ["title": "Nach Lebensphasen", "url": links.lifePhases],
                ["title": "Nach Themen", "url": links.areas],
            ],
        ]
        search["shard"] = shardPrefixLength.map(String.init)
        search["script"] = scriptText.map { ["text": $0] }
        search["openNow"] = openNowData(nil)
        view["search"] = search
        return view
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

    func notFound() -> ViewModel {
        var view = frame(title: "Seite nicht gefunden", path: links.root + "404.html",
                         description: "Diese Seite gibt es nicht.", section: .none, noindex: true)
        view["links"] = [
            ["title": "Startseite", "url": links.home],
            ["title": "Suche", "url": links.search],
            ["title": "Angebote nach Orten", "url": links.towns],
            ["title": "Angebote nach Lebensphasen", "url": links.lifePhases],
        ]
        return view
    }

    func youthOffice(_ office: YouthOffice) -> ViewModel {
        var view: ViewModel = ["name": office.name]
        view["street"] = office.street
        view["city"] = [office.postalCode, office.city].compactMap { $0 }.joined(separator: " ").nonEmpty
        if let phone = office.phone { view["phone"] = ["text": phone, "uri": ContactRules.telURI(phone)] }
        if let email = office.email { view["email"] = ["text": email, "uri": "mailto:" + email] }
        view["website"] = office.website
        return view
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
