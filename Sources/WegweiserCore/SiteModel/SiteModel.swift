// The site model: published offers grouped the ways families look for them,
// by town, by life phase (in prevention-chain order) and by area.

import Foundation

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
        // Sorted by position, then gathered: an offer is a large value,
        // moved once rather than at every step of the sort.
        let kept = content.offers.filter { $0.status != .inactive && (options.includeDrafts || !$0.draft) }
        let keys = kept.map { (title: $0.titleKey, slug: $0.slug) }
        offers = keys.indices.sorted { keys[$0] < keys[$1] }.map { kept[$0] }
        pages = content.pages.sorted { $0.slug < $1.slug }
        groupings = Groupings(offers: offers, site: site)
    }

    /// Every grouping the pages show, made in one pass over the offers.
    private let groupings: Groupings

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
        groupings.offers(offers, groupings.town[municipality.id])
    }

    public func offers(in municipality: Municipality, phase: LifePhase) -> [Offer] {
        groupings.offers(offers, groupings.cell[Pair(municipality.id, phase.id)])
    }

    /// The town's offers by life phase, in chain order; empty phases left out.
    public func offersByPhase(in municipality: Municipality) -> [(LifePhase, [Offer])] {
        site.lifePhases.compactMap { phase in
            let group = offers(in: municipality, phase: phase)
            return group.isEmpty ? nil : (phase, group)
        }
    }

    /// A phase's offers by the municipality they are filed under, in site.yml
    /// order; county-wide offers form their own group rather than repeating.
    public func offersByMunicipality(phase: LifePhase) -> [(Municipality, [Offer])] {
        site.municipalities.compactMap { municipality in
            let group = groupings.offers(offers, groupings.filed[Pair(phase.id, municipality.id)])
            return group.isEmpty ? nil : (municipality, group)
        }
    }

    /// An area's offers by life phase, in chain order.
    public func offersByPhase(area: Area) -> [(LifePhase, [Offer])] {
        site.lifePhases.compactMap { phase in
            let group = groupings.offers(offers, groupings.areaPhase[Pair(area.id, phase.id)])
            return group.isEmpty ? nil : (phase, group)
        }
    }

    public func offers(phase: LifePhase) -> [Offer] { groupings.offers(offers, groupings.phase[phase.id]) }
    public func offers(area: Area) -> [Offer] { groupings.offers(offers, groupings.area[area.id]) }

    /// Menu pages in their `order`, then by title.
    public func pages(in menu: PlainPage.Menu) -> [PlainPage] {
        pages.filter { $0.menu == menu }.sorted { ($0.order ?? Int.max, $0.title) < ($1.order ?? Int.max, $1.title) }
    }
}

/// A sort key under which "Ärztliche …" sorts with "A", not after "Z".
enum SortKey {
    static func of(_ text: String) -> String { Slug.fold(text) }
}

/// Two vocabulary ids, e.g. a town and a life phase.
private struct Pair: Hashable, Sendable {
    let first: String, second: String
    init(_ first: String, _ second: String) { self.first = first; self.second = second }
}

/// Positions in `SiteModel.offers` per grouping, each list in the offers'
/// order. The dictionaries are only looked up, never walked, so their order
/// never reaches a page.
private struct Groupings: Sendable {
    /// Municipality → its offers, county-wide ones included for a town.
    var town: [String: [Int]] = [:]
    /// (municipality, phase) → the town's offers in that phase.
    var cell: [Pair: [Int]] = [:]
    /// (phase, municipality) → offers in that phase filed under the municipality.
    var filed: [Pair: [Int]] = [:]
    var phase: [String: [Int]] = [:]
    var area: [String: [Int]] = [:]
    /// (area, phase) → the area's offers in that phase.
    var areaPhase: [Pair: [Int]] = [:]

    /// In pieces of the offers on all cores, joined in the offers' order.
    init(offers: [Offer], site: SiteConfig) {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let size = max(1024, (offers.count + cores - 1) / max(cores, 1))
        let pieces = stride(from: 0, to: offers.count, by: size).map { $0..<min(offers.count, $0 + size) }
        for piece in pieces.parallelMap({ Groupings(offers: offers, range: $0, site: site) }) {
            Self.join(&town, piece.town)
            Self.join(&cell, piece.cell)
            Self.join(&filed, piece.filed)
            Self.join(&phase, piece.phase)
            Self.join(&area, piece.area)
            Self.join(&areaPhase, piece.areaPhase)
        }
    }

    private static func join<Key>(_ groups: inout [Key: [Int]], _ later: [Key: [Int]]) {
        for (key, positions) in later { groups[key, default: []] += positions }
    }

    private init(offers: [Offer], range: Range<Int>, site: SiteConfig) {
        let countyWideIds = Set(site.municipalities.filter(\.countyWide).map(\.id))
        for index in range {
            let offer = offers[index]
            // Vocabulary order, and each term once even if an offer names it twice.
            let phases = site.lifePhases.filter { offer.lifePhases.contains($0.id) }
            let filedUnder = site.municipalities.filter { offer.municipalities.contains($0.id) }
            let countyWide = filedUnder.contains { countyWideIds.contains($0.id) }
            for municipality in site.municipalities
            where filedUnder.contains(where: { $0.id == municipality.id }) || (!municipality.countyWide && countyWide) {
                town[municipality.id, default: []].append(index)
                for phase in phases { cell[Pair(municipality.id, phase.id), default: []].append(index) }
            }
            for phase in phases {
                self.phase[phase.id, default: []].append(index)
                for municipality in filedUnder { filed[Pair(phase.id, municipality.id), default: []].append(index) }
            }
            for area in site.areas where offer.areas.contains(area.id) {
                self.area[area.id, default: []].append(index)
                for phase in phases { areaPhase[Pair(area.id, phase.id), default: []].append(index) }
            }
        }
    }

    func offers(_ all: [Offer], _ positions: [Int]?) -> [Offer] {
        (positions ?? []).map { all[$0] }
    }
}
