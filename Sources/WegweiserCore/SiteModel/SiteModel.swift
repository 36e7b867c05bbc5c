// The site model: published offers grouped the ways families look for them,
// by town, by life phase (in prevention-chain order) and by area.

public struct SiteModel: Sendable {
    public let site: SiteConfig
    /// Published offers, sorted by title, then slug.
    public let offers: [Offer]
    /// Plain pages, sorted by slug.
    public let pages: [PlainPage]

    public struct Options: Sendable {
        public var includeDrafts: Bool
        public init(includeDrafts: Bool = false) { self.includeDrafts = includeDrafts }
    }

    public init(content: Content, options: Options = .init()) {
        site = content.site
        offers = content.offers
            .filter { $0.status != .inactive && (options.includeDrafts || !$0.draft) }
            .sorted { (SortKey.of($0.title), $0.slug) < (SortKey.of($1.title), $1.slug) }
        pages = content.pages.sorted { $0.slug < $1.slug }
    }

    // MARK: - Vocabularies

    public func municipality(_ id: String) -> Municipality? { site.municipalities.first { $0.id == id } }
    public func lifePhase(_ id: String) -> LifePhase? { site.lifePhases.first { $0.id == id } }
    public func area(_ id: String) -> Area? { site.areas.first { $0.id == id } }

    /// Filed under a county-wide municipality: listed in every town.
    public func isCountyWide(_ offer: Offer) -> Bool {
        offer.municipalities.contains { municipality($0)?.countyWide == true }
    }

    // MARK: - Groupings

    /// A town's offers, county-wide ones included; a county-wide
    /// municipality's own offers only.
    public func offers(in municipality: Municipality) -> [Offer] {
        offers.filter { offer in
            offer.municipalities.contains(municipality.id) || (!municipality.countyWide && isCountyWide(offer))
        }
    }

    public func offers(in municipality: Municipality, phase: LifePhase) -> [Offer] {
        offers(in: municipality).filter { $0.lifePhases.contains(phase.id) }
    }

    /// The town's offers by life phase, in chain order; empty phases left out.
    public func offersByPhase(in municipality: Municipality) -> [(LifePhase, [Offer])] {
        let local = offers(in: municipality)
        return site.lifePhases.compactMap { phase in
            let group = local.filter { $0.lifePhases.contains(phase.id) }
            return group.isEmpty ? nil : (phase, group)
        }
    }

    /// A phase's offers by the municipality they are filed under, in site.yml
    /// order; county-wide offers form their own group rather than repeating.
    public func offersByMunicipality(phase: LifePhase) -> [(Municipality, [Offer])] {
        let inPhase = offers.filter { $0.lifePhases.contains(phase.id) }
        return site.municipalities.compactMap { municipality in
            let group = inPhase.filter { $0.municipalities.contains(municipality.id) }
            return group.isEmpty ? nil : (municipality, group)
        }
    }

    /// An area's offers by life phase, in chain order.
    public func offersByPhase(area: Area) -> [(LifePhase, [Offer])] {
        let inArea = offers.filter { $0.areas.contains(area.id) }
        return site.lifePhases.compactMap { phase in
            let group = inArea.filter { $0.lifePhases.contains(phase.id) }
            return group.isEmpty ? nil : (phase, group)
        }
    }

    public func offers(phase: LifePhase) -> [Offer] { offers.filter { $0.lifePhases.contains(phase.id) } }
    public func offers(area: Area) -> [Offer] { offers.filter { $0.areas.contains(area.id) } }

    /// Menu pages in their `order`, then by title.
    public func pages(in menu: PlainPage.Menu) -> [PlainPage] {
        pages.filter { $0.menu == menu }.sorted { ($0.order ?? Int.max, $0.title) < ($1.order ?? Int.max, $1.title) }
    }
}

/// A sort key under which "Ärztliche …" sorts with "A", not after "Z".
enum SortKey {
    static func of(_ text: String) -> String { Slug.fold(text) }
}
