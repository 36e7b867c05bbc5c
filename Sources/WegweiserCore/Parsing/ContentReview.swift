// Checks over the content as a whole: what editors and coordinators must be
// told although every file is valid on its own. An entry not checked for a
// year, an offer a family cannot reach, a link to a page that does not exist,
// the same offer listed twice in a town: each sends a family to a closed door.

public enum ContentReview {
    /// Warnings over the published offers (drafts too with `includeDrafts`) and the pages.
    /// `unfinishedSlugs`: offers whose files have errors; links to them are not reported.
    static func findings(_ model: SiteModel, options: ContentOptions, unfinishedSlugs: Set<String> = []) -> [Diagnostic] {
        // By index: an offer is a large value, not worth copying to look at.
        // Offer by offer on all cores; the caller sorts what is found.
        let offers = model.offers
        let paths = SitePaths(model: model, unfinishedSlugs: unfinishedSlugs)
        var diagnostics = Array(offers.indices).parallelMap { index -> [Diagnostic] in
            var found: [Diagnostic] = []
            if let stale = staleness(offers[index], site: model.site, today: options.today) { found.append(stale) }
            if let unreachable = unreachable(offers[index]) { found.append(unreachable) }
            if !offers[index].siteLinks.isEmpty {
                found += brokenLinks(offers[index].siteLinks, file: offers[index].sourcePath, paths: paths)
            }
            return found
        }.flatMap { $0 }
        for page in model.pages {
            diagnostics += brokenLinks(page.siteLinks, file: page.sourcePath, paths: paths)
        }
        diagnostics += sameTitleInOneTown(model)
        return diagnostics
    }

    /// Whether the offer's `updated` lies more than `review_after_months` back.
    public static func isStale(_ offer: Offer, site: SiteConfig, today: CalendarDate) -> Bool {
        offer.updated.adding(months: site.reviewAfterMonths) < today
    }

    /// Due for review: stale, or its own `review_by` has passed.
    public static func isDue(_ offer: Offer, site: SiteConfig, today: CalendarDate) -> Bool {
        isStale(offer, site: site, today: today) || offer.reviewBy.map { $0 < today } == true
    }

    private static func staleness(_ offer: Offer, site: SiteConfig, today: CalendarDate) -> Diagnostic? {
        guard isStale(offer, site: site, today: today) else { return nil }
        let months = site.reviewAfterMonths
        return Diagnostic(
            file: offer.sourcePath, line: offer.keyLines["updated"] ?? 1, column: 1, severity: .warning,
            message: "Das Angebot wurde seit mehr als \(months) Monaten nicht geprüft (`updated: \(offer.updated)`).",
            hint: "Fragen Sie beim Träger nach, ob Zeiten, Adresse und Kontakt noch stimmen, und setzen Sie dann `updated: \(today)`. Die Frist steht in site.yml unter `review_after_months` (sonst 12 Monate).",
            code: "veraltet")
    }

    private static func unreachable(_ offer: Offer) -> Diagnostic? {
        let contact = offer.contact
        let hasAddress = offer.locations.contains { !$0.confidential && $0.street != nil }
        guard contact?.phone == nil, contact?.email == nil, contact?.website == nil, !hasAddress else { return nil }
        return Diagnostic(
            file: offer.sourcePath, line: offer.keyLines["contact"] ?? offer.keyLines["title"] ?? 1, column: 1,
            severity: .warning,
            message: "Das Angebot nennt keinen Weg, es zu erreichen: keine Telefonnummer, keine E-Mail, keine Webseite und keine veröffentlichte Adresse.",
            hint: "Ergänzen Sie unter `contact:` mindestens `phone`, `email` oder `website`, oder unter `locations:` einen Ort mit `street`, der nicht `confidential` ist.",
            code: "nicht-erreichbar")
    }

    private static func brokenLinks(_ links: [SiteLink], file: String, paths: SitePaths) -> [Diagnostic] {
        links.compactMap { link in
            guard !paths.contains(link.url) else { return nil }
            let shown = paths.shown(link.url)
            var hint = "Prüfen Sie die Adresse. Ein Angebot hat die Adresse `/angebote/<Dateiname ohne .md>/`, eine Seite `/<Dateiname ohne .md>/`."
            if let nearest = paths.nearest(to: link.url) { hint = "Meinten Sie `\(nearest)`? " + hint }
            return Diagnostic(
                file: file, line: link.line, column: max(link.column, 1), severity: .warning,
                message: "Der Link `\(shown)` führt zu keiner Seite dieser Website.", hint: hint,
                code: "toter-link")
        }
    }

    private static func sameTitleInOneTown(_ model: SiteModel) -> [Diagnostic] {
        let all = model.offers
        // Titles folded when the offers were read.
        let keys = all.map(\.titleKey)
        let byTitle = Dictionary(grouping: all.indices) { keys[$0] }
        var diagnostics: [Diagnostic] = []
        for (_, indices) in byTitle.sorted(by: { $0.key < $1.key }) where indices.count > 1 {
            let group = indices.map { all[$0] }
            for offer in group.sorted(by: { $0.sourcePath < $1.sourcePath }) {
                let others = group.filter { $0.sourcePath != offer.sourcePath }
                    .filter { !Set($0.municipalities).isDisjoint(with: offer.municipalities) }
                    .sorted { $0.sourcePath < $1.sourcePath }
                guard !others.isEmpty else { continue }
                let shared = offer.municipalities.filter { id in others.contains { $0.municipalities.contains(id) } }
                let towns = shared.map { model.municipality($0)?.name ?? $0 }.joined(separator: ", ")
                diagnostics.append(Diagnostic(
                    file: offer.sourcePath, line: offer.keyLines["title"] ?? 1, column: 1, severity: .warning,
                    message: (others.count == 1 ? "Ein weiteres Angebot in \(towns) hat" : "\(others.count) weitere Angebote in \(towns) haben")
                        + " denselben Titel „\(offer.title)“: \(others.map(\.sourcePath).joined(separator: ", ")).",
                    hint: "Ist es dasselbe Angebot, löschen Sie eine Datei und tragen Sie in der anderen alle Orte unter `municipalities` ein. Sonst machen Sie die Titel unterscheidbar, z. B. mit Stadtteil oder Träger.",
                    code: "doppelter-titel"))
            }
        }
        return diagnostics
    }

    // MARK: - The coordinator's list

    /// A short table per town and per provider: how many published offers are
    /// due for review (stale `updated` or passed `review_by`).
    public static func summary(_ content: Content, today: CalendarDate, includeDrafts: Bool = false) -> String {
        let model = SiteModel(content: content, options: .init(includeDrafts: includeDrafts))
        let site = content.site
        let due = model.offers.filter { isDue($0, site: site, today: today) }
        var text = "Zu prüfen am \(today) (`updated` älter als \(site.reviewAfterMonths) Monate oder `review_by` vorbei): \(due.count) von \(model.offers.count) Angeboten.\n\n"

        let towns = site.municipalities.map { town in
            (town.name, model.offers.filter { $0.municipalities.contains(town.id) }.count,
                due.filter { $0.municipalities.contains(town.id) }.count)
        }
        text += table(heading: "Ort", rows: towns)

        let providers = Set(model.offers.map(\.provider)).map { provider in
            (provider, model.offers.filter { $0.provider == provider }.count, due.filter { $0.provider == provider }.count)
        }
        .filter { $0.2 > 0 }
        .sorted { ($1.2, SortKey.of($0.0), $0.0) < ($0.2, SortKey.of($1.0), $1.0) }
        text += "\n"
        text += providers.isEmpty ? "Träger: keiner mit Angeboten zur Prüfung.\n" : table(heading: "Träger", rows: providers)
        return text
    }

    private static func table(heading: String, rows: [(String, Int, Int)]) -> String {
        let columns = ["Angebote", "zu prüfen"]
        let width = max(heading.count, rows.map(\.0.count).max() ?? 0)
        func line(_ name: String, _ first: String, _ second: String) -> String {
            name.padding(toLength: width, withPad: " ", startingAt: 0)
                + "  " + String(repeating: " ", count: max(columns[0].count - first.count, 0)) + first
                + "  " + String(repeating: " ", count: max(columns[1].count - second.count, 0)) + second + "\n"
        }
        var text = line(heading, columns[0], columns[1])
        for (name, count, due) in rows { text += line(name, String(count), String(due)) }
        return text
    }
}

/// The paths the build publishes, as links in a body may name them.
struct SitePaths {
    let root: String
    private let known: Set<String>
    /// Sections whose pages come from elsewhere than the content (assets,
    /// open data, the shortlist, the coordinators' pages): not checked page by page.
    private static let openSections = ["assets", "hsds", "merkliste", "netzwerk"]

    init(model: SiteModel, unfinishedSlugs: Set<String> = []) {
        root = model.site.rootPath
        var known: Set<String> = ["", "suche/", "orte/", "lebensphasen/", "themen/", "feed.xml", "sitemap.xml", "robots.txt", "404.html"]
        for town in model.site.municipalities {
            known.insert("orte/\(town.id)/")
            known.insert("orte/\(town.id)/feed.xml")
            guard !town.countyWide else { continue }
            for phase in model.site.lifePhases where !model.offers(in: town, phase: phase).isEmpty {
                known.insert("orte/\(town.id)/\(phase.id)/")
            }
        }
        for phase in model.site.lifePhases { known.insert("lebensphasen/\(phase.id)/") }
        for area in model.site.areas { known.insert("themen/\(area.id)/") }
        for index in model.offers.indices { known.insert("angebote/\(model.offers[index].slug)/") }
        for slug in unfinishedSlugs { known.insert("angebote/\(slug)/") }
        for page in model.pages { known.insert("\(page.slug)/") }
        self.known = known
    }

    /// The path below the root, without query, fragment or `index.html`.
    private func relative(_ url: String) -> String? {
        var path = Substring(url)
        if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = path[..<cut] }
        guard path.hasPrefix(root) else { return nil }
        path = path.dropFirst(root.count)
        if path.hasSuffix("index.html") { path = path.dropLast("index.html".count) }
        return String(path)
    }

    func contains(_ url: String) -> Bool {
        // Outside the site's folder: another site on the same host, not ours to judge.
        guard let path = relative(url) else { return true }
        if let section = path.split(separator: "/").first, Self.openSections.contains(String(section)) { return true }
        return known.contains(path) || (!path.hasSuffix("/") && known.contains(path + "/"))
    }

    /// The link as the editor wrote it (without the root a subfolder site adds).
    func shown(_ url: String) -> String {
        root != "/" && url.hasPrefix(root) ? "/" + url.dropFirst(root.count) : url
    }

    func nearest(to url: String) -> String? {
        guard let path = relative(url), !path.isEmpty else { return nil }
        let target = path.hasSuffix("/") ? path : path + "/"
        let candidates = known.filter { $0.hasSuffix("/") && !$0.isEmpty }.sorted()
        return Spelling.nearest(to: target, in: candidates).map { "/" + $0 }
    }
}
