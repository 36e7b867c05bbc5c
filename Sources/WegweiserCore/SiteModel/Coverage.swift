// The prevention chain's coverage: how many published offers each
// municipality has for each life phase, so coordinators see the gaps.
// County-wide offers count only in the county-wide municipality's own row:
// a town's row shows what the town itself has.

public struct CoverageMatrix: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var municipality: Municipality
        /// One count per life phase, in chain order.
        public var counts: [Int]
    }

    public enum Mark: String, Sendable {
        /// No offer at all: a gap in the chain.
        case empty
        /// Fewer offers than the threshold.
        case thin
        case ok
    }

    public var lifePhases: [LifePhase]
    public var rows: [Row]
    /// Restricted to this area, or all areas.
    public var area: Area?
    /// A cell with fewer offers (but at least one) is thin.
    public var thinBelow: Int

    public func mark(_ count: Int) -> Mark {
        count == 0 ? .empty : count < thinBelow ? .thin : .ok
    }

    public init(model: SiteModel, area: Area? = nil, thinBelow: Int = 2) {
        lifePhases = model.site.lifePhases
        self.area = area
        self.thinBelow = thinBelow
        // One pass over the offers: each adds one to the cells of its towns
        // (a town's row holds no county-wide offer unless the town is the
        // county itself) and life phases, each named once.
        let towns = model.site.municipalities
        let phases = model.site.lifePhases
        let rowOf = Dictionary(towns.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let columnOf = Dictionary(phases.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var counts = Array(repeating: Array(repeating: 0, count: phases.count), count: towns.count)
        for offer in model.offers where area.map({ offer.areas.contains($0.id) }) ?? true {
            let countyWide = model.isCountyWide(offer)
            let columns = Set(offer.lifePhases.compactMap { columnOf[$0] })
            for row in Set(offer.municipalities.compactMap { rowOf[$0] }) where towns[row].countyWide || !countyWide {
                for column in columns { counts[row][column] += 1 }
            }
        }
        rows = zip(towns, counts).map { Row(municipality: $0, counts: $1) }
    }

    public var emptyCellCount: Int { rows.reduce(0) { $0 + $1.counts.filter { $0 == 0 }.count } }
}
