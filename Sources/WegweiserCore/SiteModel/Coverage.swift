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
        let offers = model.offers.filter { offer in area.map { offer.areas.contains($0.id) } ?? true }
        rows = model.site.municipalities.map { municipality in
            let filed = offers.filter { offer in
                offer.municipalities.contains(municipality.id) && (municipality.countyWide || !model.isCountyWide(offer))
            }
            return Row(
                municipality: municipality,
                counts: model.site.lifePhases.map { phase in filed.filter { $0.lifePhases.contains(phase.id) }.count })
        }
    }

    public var emptyCellCount: Int { rows.reduce(0) { $0 + $1.counts.filter { $0 == 0 }.count } }
}
