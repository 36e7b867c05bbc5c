import Testing
@testable import WegweiserCore

@Suite struct SiteModelTests {
    let model = Fixtures.model([
        "angebote/alpha/hebamme.md": Fixtures.offer(title: "Hebamme Alpha", phases: "[schwangerschaft, 0-3]"),
        "angebote/beta/schule.md": Fixtures.offer(title: "Schulhilfe Beta", towns: "[beta]", phases: "[schule]"),
        "angebote/kreis/telefon.md": Fixtures.offer(title: "Elterntelefon", towns: "[kreis]", phases: "[0-3, schule]"),
        "angebote/alpha/alt.md": Fixtures.offer(title: "Alt", extra: "status: inactive"),
        "angebote/alpha/neu.md": Fixtures.offer(title: "Neu", extra: "draft: true"),
        "angebote/alpha/zu.md": Fixtures.offer(title: "Ärztliche Beratung", extra: "status: temporarily-closed"),
    ])

    private func titles(_ offers: [Offer]) -> [String] { offers.map(\.title) }

    @Test func publishesNeitherDraftsNorInactiveOffers() {
        #expect(titles(model.offers) == ["Ärztliche Beratung", "Elterntelefon", "Hebamme Alpha", "Schulhilfe Beta"])
    }

    @Test func draftsAppearWithTheDraftsOption() {
        let (content, _) = Fixtures.load(["angebote/alpha/neu.md": Fixtures.offer(title: "Neu", extra: "draft: true")])
        #expect(titles(SiteModel(content: content!, options: .init(includeDrafts: true)).offers) == ["Neu"])
    }

    @Test func countyWideOffersAreListedInEveryTown() {
        let beta = model.municipality("beta")!
        #expect(titles(model.offers(in: beta)) == ["Elterntelefon", "Schulhilfe Beta"])
        #expect(model.isCountyWide(model.offers.first { $0.title == "Elterntelefon" }!))
        // The county-wide municipality's own page lists only its own offers.
        #expect(titles(model.offers(in: model.municipality("kreis")!)) == ["Elterntelefon"])
    }

    @Test func townPageGroupsByPhaseInChainOrder() {
        let groups = model.offersByPhase(in: model.municipality("alpha")!)
        #expect(groups.map(\.0.id) == ["schwangerschaft", "0-3", "schule"])
        #expect(titles(groups[1].1) == ["Ärztliche Beratung", "Elterntelefon", "Hebamme Alpha"])
        #expect(titles(groups[2].1) == ["Elterntelefon"])
    }

    @Test func phasePageGroupsByMunicipalityInSiteOrder() {
        let groups = model.offersByMunicipality(phase: model.lifePhase("schule")!)
        #expect(groups.map(\.0.id) == ["beta", "kreis"])
    }

    @Test func areaPageGroupsByPhase() {
        let groups = model.offersByPhase(area: model.area("gesundheit")!)
        #expect(groups.map(\.0.id) == ["schwangerschaft", "0-3", "schule"])
        #expect(model.offersByPhase(area: model.area("bildung")!).isEmpty)
    }

    @Test func matrixCellIncludesCountyWideOffers() {
        let cell = model.offers(in: model.municipality("beta")!, phase: model.lifePhase("0-3")!)
        #expect(titles(cell) == ["Elterntelefon"])
    }
}
