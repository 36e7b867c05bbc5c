import Foundation
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

    /// The byte path gives what the character path gives, or leaves the
    /// name to it: over every title of this repository's content and names
    /// built to trip it (combining marks, other letters after `Ã`'s lead byte).
    @Test func bytePathFoldsAsTheCharacterPath() throws {
        let accented = ["Éa", "Zoë", "Café „Linde“ – Treff…", "Crème brûlée", "Ñandú", "Façade", "Gruß · Grüße", "«Élan»", "a\u{A0}b", "ÀÁÂÈÉÊËÌÍÎÏÒÓÔÙÚÛÇÑ", "‘a’—“b”"]
        var names = ["Ärger über Öl: Fuß", "A\u{308}pfel", "ä\u{301}", "Ãx", "İstanbul", "ÆØÅ", "x\r\ny", "ÜÖÄ-ß", "", "--", "a\u{0}b",
                     "é\u{301}", "–\u{301}", "a\u{2012}b", "\u{C2}"] + accented
        let offers = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../content/angebote").standardizedFileURL
        let files = FileManager.default.enumerator(atPath: offers.path)?.compactMap { $0 as? String } ?? []
        for file in files where file.hasSuffix(".md") {
            let text = try String(contentsOf: offers.appendingPathComponent(file), encoding: .utf8)
            names += text.split(separator: "\n").filter { $0.hasPrefix("title:") || $0.hasPrefix("provider:") }.map(String.init)
            names.append(file)
        }
        #expect(names.count > 100)
        var fast = 0
        for name in names {
            guard let folded = Slug.foldGermanLatin(name) else { continue }
            fast += 1
            #expect(folded == Slug.foldUnicode(name), "\(name)")
        }
        #expect(fast > names.count / 2)
        for name in ["A\u{308}pfel", "ä\u{301}", "é\u{301}", "–\u{301}", "a\u{2012}b", "Ãx", "İstanbul"] { #expect(Slug.foldGermanLatin(name) == nil, "\(name)") }
        for name in accented { #expect(Slug.foldGermanLatin(name) != nil, "\(name)") }
    }

    @Test(arguments: ["0-3", "kreis-unna", "a"])
    func acceptsValidIDs(id: String) { #expect(Slug.isValidID(id)) }

    @Test(arguments: ["", "Kita", "kita 3", "ä", "a_b"])
    func rejectsInvalidIDs(id: String) { #expect(!Slug.isValidID(id)) }
}

@Suite struct CalendarDateTextTests {
    /// The date as text is what `String(format: "%04d-%02d-%02d")` wrote before.
    @Test(arguments: [(2026, 1, 5), (999, 12, 31), (12, 2, 29), (2024, 2, 29), (10000, 10, 10)])
    func writesLikePrintf(year: Int, month: Int, day: Int) throws {
        let date = try #require(CalendarDate(year: year, month: month, day: day))
        #expect(date.description == String(format: "%04d-%02d-%02d", year, month, day))
    }
}
