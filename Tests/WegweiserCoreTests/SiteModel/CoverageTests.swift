import Foundation
import Testing
@testable import WegweiserCore

@Suite struct CoverageTests {
    let model = Fixtures.model([
        "angebote/alpha/a.md": Fixtures.offer(title: "A", phases: "[schwangerschaft, 0-3]"),
        "angebote/alpha/b.md": Fixtures.offer(title: "B", phases: "[0-3]")
            .replacingOccurrences(of: "areas: [gesundheit]", with: "areas: [bildung]"),
        "angebote/kreis/k.md": Fixtures.offer(title: "K", towns: "[kreis]", phases: "[schule]"),
        "angebote/kreis/beide.md": Fixtures.offer(title: "Beide", towns: "[alpha, kreis]", phases: "[schule]"),
        "angebote/alpha/alt.md": Fixtures.offer(title: "Alt", phases: "[schule]", extra: "status: inactive"),
    ])

    @Test func rowsInSiteOrderWithCountyWideOffersOnlyInTheirOwnRow() {
        let matrix = CoverageMatrix(model: model)
        #expect(matrix.rows.map(\.municipality.id) == ["alpha", "beta", "kreis"])
        #expect(matrix.lifePhases.map(\.id) == ["schwangerschaft", "0-3", "schule"])
        #expect(matrix.rows[0].counts == [1, 2, 0], "alpha: no county-wide, no inactive offer")
        #expect(matrix.rows[1].counts == [0, 0, 0])
        #expect(matrix.rows[2].counts == [0, 0, 2])
        #expect(matrix.emptyCellCount == 6)
    }

    @Test func areaAndThresholdNarrowIt() {
        let matrix = CoverageMatrix(model: model, area: model.area("bildung"), thinBelow: 3)
        #expect(matrix.rows[0].counts == [0, 1, 0])
        #expect(matrix.mark(0) == .empty && matrix.mark(2) == .thin && matrix.mark(3) == .ok)
    }
}
