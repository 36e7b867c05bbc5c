import Testing
@testable import WegweiserCore

@Suite struct SlugTests {
    @Test(arguments: [
        ("Elterncafé Beta", "elterncafe-beta"),
        ("Schwangerschafts­beratung Lünen", "schwangerschafts-beratung-luenen"),
        ("Frühförderung Bönen", "fruehfoerderung-boenen"),
        ("Straße der Kinder", "strasse-der-kinder"),
        ("ÄRZTE & Ömer", "aerzte-oemer"),
        ("  --Jugendtreff (Werne)--  ", "jugendtreff-werne"),
        ("Crème brûlée", "creme-brulee"),
        ("kita_2026", "kita-2026"),
        ("Fröndenberg/Ruhr", "froendenberg-ruhr"),
    ])
    func folds(name: String, slug: String) {
        #expect(Slug.fold(name) == slug)
    }

    @Test(arguments: ["0-3", "kreis-unna", "a"])
    func acceptsValidIDs(id: String) { #expect(Slug.isValidID(id)) }

    @Test(arguments: ["", "Kita", "kita 3", "ä", "a_b"])
    func rejectsInvalidIDs(id: String) { #expect(!Slug.isValidID(id)) }
}
