import Testing
@testable import WegweiserCore

@Suite struct OfferParserTests {
    private func parse(_ text: String, path: String = "angebote/alpha/test.md") -> (Offer?, [Diagnostic]) {
        let (site, _) = SiteConfigParser.parse(SourceFile(path: "site.yml", text: Fixtures.siteYAML))
        return OfferParser.parse(SourceFile(path: path, displayPath: "content/\(path)", text: text), site: site, today: Fixtures.today)
    }

    /// The folded title lists sort by is made when the offer is read, and
    /// follows the title when a copy's title changes; the original keeps its own.
    @Test func theTitlesSortKeyFollowsTheTitle() throws {
        let offer = try #require(parse(Fixtures.offer(title: "Über Äpfel")).0)
        #expect(offer.titleKey == SortKey.of("Über Äpfel"))
        var copy = offer
        copy.title = "Zebra-Café"
        #expect(copy.titleKey == SortKey.of("Zebra-Café"))
        #expect(offer.titleKey == SortKey.of("Über Äpfel"))
        copy.summary = "Anders."
        #expect(copy.titleKey == SortKey.of("Zebra-Café"))
    }

    @Test func decodesEveryField() throws {
        let text = Fixtures.offer(extra: """
            id: 0F4C3D2E-1B2A-4C5D-8E9F-0A1B2C3D4E5F
            status: temporarily-closed
            topics: [Hebamme, Wochenbett]
            age: {min: 0, max: 3}
            locations:
              - {name: Zentrum, street: Weg 1, postal_code: "59000", city: Alphastadt, district: Mitte, lat: 51.5, lon: 7.25}
              - {name: Schutzhaus, street: Geheim 2, city: Alphastadt, lat: 51.6, lon: 7.3, confidential: true}
            contact: {name: Team, phone: "02301 000-1", email: a@example.org, website: "https://example.org/x"}
            hours:
              - {days: [mo, fr], opens: "09:00", closes: "12:30"}
            hours_note: Termine nach Vereinbarung
            free: true
            cost: nichts
            languages: [de, TR]
            accessible: partly
            registration: Anrufen
            review_by: 2027-01-01
            draft: true
            """)
        let (offer, diagnostics) = parse(text)
        #expect(diagnostics.isEmpty)
        let decoded = try #require(offer)
        #expect(decoded.slug == "test")
        #expect(decoded.id == "0f4c3d2e-1b2a-4c5d-8e9f-0a1b2c3d4e5f")
        #expect(decoded.status == .temporarilyClosed)
        #expect(decoded.topics == ["Hebamme", "Wochenbett"])
        #expect(decoded.age == AgeRange(min: 0, max: 3))
        #expect(decoded.locations.count == 2)
        #expect(decoded.locations[0].latitude == 51.5)
        #expect(decoded.locations[1].confidential)
        #expect(decoded.locations[1].published.street == nil)
        #expect(decoded.locations[1].published.latitude == nil)
        #expect(decoded.contact == Contact(name: "Team", phone: "02301 000-1", email: "a@example.org", website: "https://example.org/x"))
        #expect(decoded.hours == [OpeningHours(days: [.mo, .fr], opens: "09:00", closes: "12:30")])
        #expect(decoded.hoursNote == "Termine nach Vereinbarung")
        #expect(decoded.free == true)
        #expect(decoded.languages == ["de", "tr"])
        #expect(decoded.accessible == .partly)
        #expect(decoded.reviewBy == CalendarDate("2027-01-01"))
        #expect(decoded.draft)
        #expect(decoded.bodyLine == 28)
    }

    /// Each rule of SPEC §2: the text that breaks it, the line it must be
    /// reported on, and a part of the message.
    @Test(arguments: [
        (Fixtures.offer(title: String(repeating: "x", count: 121)), 2, "höchstens 120"),
        (Fixtures.offer().replacingOccurrences(of: "summary: Hebammen helfen nach der Geburt.\n", with: ""), 2, "Pflichtangabe `summary` fehlt"),
        (Fixtures.offer().replacingOccurrences(of: "Hebammen helfen nach der Geburt.", with: String(repeating: "y", count: 301)), 3, "höchstens 300"),
        (Fixtures.offer(towns: "[gamma]"), 4, "Unbekannter Ort `gamma`"),
        (Fixtures.offer(towns: "[]"), 4, "mindestens einen Eintrag"),
        (Fixtures.offer(phases: "[kita]"), 5, "Unbekannte Lebensphase `kita`"),
        (Fixtures.offer().replacingOccurrences(of: "[gesundheit]", with: "[sport]"), 6, "Unbekannter Bereich `sport`"),
        (Fixtures.offer().replacingOccurrences(of: "provider: Hebammen e. V.\n", with: ""), 2, "Pflichtangabe `provider` fehlt"),
        (Fixtures.offer().replacingOccurrences(of: "2026-10-01", with: "2026-13-01"), 8, "kein gültiges Datum"),
        (Fixtures.offer().replacingOccurrences(of: "2026-10-01", with: "2027-01-01"), 8, "in der Zukunft"),
        (Fixtures.offer(extra: "id: 1234"), 9, "keine gültige UUID"),
        (Fixtures.offer(extra: "status: closed"), 9, "unbekannten Wert `closed`"),
        (Fixtures.offer(extra: "age: {min: 6, max: 3}"), 9, "größer als"),
        (Fixtures.offer(extra: "contact: {phone: \"abc\"}"), 9, "Telefonnummer `abc` ist ungültig"),
        (Fixtures.offer(extra: "contact: {email: \"nobody\"}"), 9, "E-Mail-Adresse `nobody`"),
        (Fixtures.offer(extra: "contact: {website: \"javascript:alert(1)\"}"), 9, "keine http(s)-Adresse"),
        (Fixtures.offer(extra: "hours:\n  - {days: [mo], opens: \"9 Uhr\", closes: \"12:00\"}"), 10, "keine gültige Uhrzeit"),
        (Fixtures.offer(extra: "hours:\n  - {days: [montag], opens: \"09:00\", closes: \"12:00\"}"), 10, "unbekannten Wert `montag`"),
        (Fixtures.offer(extra: "hours:\n  - {days: [mo], opens: \"12:00\", closes: \"09:00\"}"), 10, "liegt nicht nach"),
        (Fixtures.offer(extra: "free: vielleicht"), 9, "`true` oder `false`"),
        (Fixtures.offer(extra: "languages: [deutsch]"), 9, "kein bekannter Sprachcode"),
        (Fixtures.offer(extra: "accessible: barrierefrei"), 9, "unbekannten Wert `barrierefrei`"),
        (Fixtures.offer(extra: "review_by: morgen"), 9, "kein gültiges Datum"),
        (Fixtures.offer(extra: "locations:\n  - {name: X, postal_code: \"123\"}"), 10, "nicht fünf Ziffern"),
        (Fixtures.offer(extra: "locations:\n  - {name: X, lat: 51.5}"), 10, "`lat` und `lon` zusammen"),
        (Fixtures.offer(extra: "title: Nochmal"), 9, "steht zweimal"),
        (Fixtures.offer(extra: "topics: [a, b"), 10, "nicht geschlossen"),
    ])
    func reportsBrokenRule(text: String, line: Int, message: String) {
        let (offer, diagnostics) = parse(text)
        #expect(offer == nil)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.contains { $0.message.contains(message) && $0.line == line && $0.file == "content/angebote/alpha/test.md" },
                "expected line \(line): \(message); got \(errors.map { "\($0.line): \($0.message)" })")
    }

    @Test func unknownKeyIsAWarningWithTheNearestKey() throws {
        let (offer, diagnostics) = parse(Fixtures.offer(extra: "sumary: Tippfehler"))
        #expect(offer != nil)
        let warning = try #require(diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.line == 9)
        #expect(warning.column == 1)
        #expect(warning.message.contains("`sumary`"))
        #expect(warning.hint == "Meinten Sie `summary`?")
    }

    @Test func unknownTownNamesTheValidOnesAndTheNearest() throws {
        let (_, diagnostics) = parse(Fixtures.offer(towns: "[alfa]"))
        let error = try #require(diagnostics.first)
        #expect(error.hint?.contains("Meinten Sie `alpha`?") == true)
        #expect(error.hint?.contains("alpha, beta, kreis") == true)
        #expect(error.column == 18)
    }

    @Test func lineNumbersCountTheBOMAndCRLFFile() throws {
        let text = "\u{FEFF}" + Fixtures.offer(phases: "[kita]").replacingOccurrences(of: "\n", with: "\r\n")
        let (_, diagnostics) = parse(text)
        #expect(diagnostics.first?.line == 5)
    }

    @Test func bodyWarningsPointIntoTheBody() throws {
        let (offer, diagnostics) = parse(Fixtures.offer(body: "Intro\n\n<div>roh</div>\n\n# Titel\n\n[x](javascript:alert(1))"))
        #expect(offer != nil)
        #expect(diagnostics.map(\.line) == [13, 15, 17])
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
    }

    @Test func acceptsRoundTheClockHours() throws {
        let (offer, diagnostics) = parse(Fixtures.offer(extra: "hours: [{days: [mo, di, mi, do, fr, sa, so], opens: \"00:00\", closes: \"24:00\"}]"))
        #expect(diagnostics.isEmpty)
        #expect(offer?.hours.first?.closes == "24:00")
        #expect(Text.days(offer?.hours.first?.days ?? []) == "Mo–So")
    }

    /// `<`, `>`, `&` and quotes are text in every plain-text field, not an error.
    @Test func plainTextFieldsTakeAngleBracketsAndAmpersands() throws {
        let text = Fixtures.offer(
            title: "'\"Mini & Maxi\" <3 Jahre'",
            extra: """
                cost: "5 € für Kinder < 3 & > 1 Jahr"
                registration: Anmeldung bei Frau O'Brien & Team
                topics: ["Eltern & Kind", "<3"]
                locations:
                  - {name: 'Haus \"Sonne\" & Mond', street: "A & B-Straße 1", city: Unna}
                """
        ).replacingOccurrences(of: "Hebammen helfen nach der Geburt.", with: "\"Für Kinder < 3 Jahren & ihre Eltern\"")
        let (offer, diagnostics) = parse(text)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(offer?.title == "\"Mini & Maxi\" <3 Jahre")
        #expect(offer?.summary == "Für Kinder < 3 Jahren & ihre Eltern")
        #expect(offer?.topics == ["Eltern & Kind", "<3"])
        #expect(offer?.locations.first?.name == "Haus \"Sonne\" & Mond")
    }

    @Test(arguments: [
        ("summary: Mehr unter <b>hier</b>", "summary", "<b>"),
        ("summary: Siehe [Flyer](https://example.org)", "summary", "[Flyer](https://example.org)"),
        ("cost: \"**kostenlos**\"", "cost", "**kostenlos**"),
        ("provider: Caritas &amp; Diakonie", "provider", "&amp;"),
        ("title: Treff <br> am Markt", "title", "<br>"),
    ])
    func markupInPlainTextIsAWarningWithItsLine(line: String, key: String, found: String) throws {
        // The line replaces the fixture's line for that key, or is added.
        var lines = Fixtures.offer().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let index = lines.firstIndex(where: { $0.hasPrefix(key + ":") }) {
            lines[index] = line
        } else {
            lines.insert(line, at: 8)
        }
        let (offer, diagnostics) = parse(lines.joined(separator: "\n"))
        #expect(offer != nil, "\(diagnostics)")
        let warning = try #require(diagnostics.first { $0.message.contains("einfacher Text") }, "\(diagnostics)")
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("`\(key)`") && warning.message.contains(found))
        #expect(warning.line == lines.firstIndex(of: line)! + 1)
    }

    @Test func slugComesFromTheFileName() throws {
        let (offer, _) = parse(Fixtures.offer(), path: "angebote/alpha/Elterncafé Süd.md")
        #expect(offer?.slug == "elterncafe-sued")
    }
}
