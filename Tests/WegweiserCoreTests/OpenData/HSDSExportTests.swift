import Foundation
import Testing
@testable import WegweiserCore

@Suite struct HSDSExportTests {
    let model = Fixtures.model([
        "angebote/alpha/hebamme.md": Fixtures.offer(title: "Hebamme Alpha", phases: "[schwangerschaft, 0-3]", extra: """
            languages: [de, tr]
            hours:
              - days: [fr, mo, di]
                opens: "08:30"
                closes: "12:00"
              - days: [sa]
                opens: "10:00"
                closes: "11:00"
            hours_note: Termine nach Vereinbarung
            locations:
              - name: Praxis
                street: Hauptstraße 1
                postal_code: "59000"
                city: Alphastadt
                lat: 51.5
                lon: 7.6
            """),
        "angebote/kreis/schutz.md": Fixtures.offer(title: "Schutzwohnung", towns: "[kreis]", extra: """
            locations:
              - name: Schutzwohnung
                street: Verborgen 3
                postal_code: "59999"
                city: Betastadt
                district: Nord
                lat: 50.1
                lon: 6.2
                confidential: true
            """),
        "angebote/alpha/entwurf.md": Fixtures.offer(title: "Entwurf", extra: "draft: true"),
        "angebote/alpha/nur-termine.md": Fixtures.offer(title: "Nur Termine", extra: "hours_note: Nach Absprache"),
    ])

    private var export: HSDSExport { HSDSExport(model: model, links: Links(site: model.site)) }
    /// The export's files as text.
    private var texts: [String: String] { export.files().mapValues { String(decoding: $0, as: UTF8.self) } }
    private func offer(_ title: String) -> Offer { model.offers.first { $0.title == title }! }

    @Test func hoursBecomeWeeklyScheduleRules() {
        let schedules = export.schedules(offer("Hebamme Alpha"))
        #expect(schedules.count == 2)
        #expect(schedules[0]["byday"] == "MO,TU,FR", "RRULE days in week order")
        #expect(schedules[0]["freq"] == "WEEKLY")
        #expect(schedules[0]["opens_at"] == "08:30" && schedules[0]["closes_at"] == "12:00")
        #expect(schedules[1]["byday"] == "SA")
        #expect(schedules[0]["notes"] == "Termine nach Vereinbarung")
    }

    @Test func aNoteWithoutHoursIsAScheduleDescription() {
        let schedules = export.schedules(offer("Nur Termine"))
        #expect(schedules.count == 1)
        #expect(schedules[0]["description"] == "Nach Absprache" && schedules[0]["byday"] == nil)
    }

    @Test func languagesCarryCodeAndGermanName() {
        guard case .array(let languages)? = export.service(offer("Hebamme Alpha"))["languages"] else {
            Issue.record("no languages")
            return
        }
        #expect(languages.map { $0.field("code") } == ["de", "tr"])
        #expect(languages.map { $0.field("name") } == ["Deutsch", "Türkisch"])
        #expect(Set(languages.compactMap { $0.field("id")?.text }).count == 2)
    }

    @Test func confidentialLocationKeepsOnlyNameAndCity() {
        let all = texts.values.joined()
        for secret in ["Verborgen", "59999", "50.1", "6.2", "Nord"] {
            #expect(!all.contains(secret), "\(secret) is in the export")
        }
        #expect(all.contains("Betastadt"))
        let schutz = offer("Schutzwohnung")
        let location = export.location(schutz.locations[0], id: "x", offer: schutz)
        #expect(location["addresses"] == nil && location["latitude"] == nil && location["longitude"] == nil)
        #expect(location["name"] == "Schutzwohnung")
    }

    @Test func openLocationHasAddressAndCoordinates() {
        let hebamme = offer("Hebamme Alpha")
        let location = export.location(hebamme.locations[0], id: "x", offer: hebamme)
        #expect(location["latitude"] == .double(51.5))
        guard case .array(let addresses)? = location["addresses"] else {
            Issue.record("no address")
            return
        }
        #expect(addresses[0].field("address_1") == "Hauptstraße 1" && addresses[0].field("country") == "DE")
    }

    @Test func draftsAreNotExported() {
        #expect(!texts.values.contains { $0.contains("Entwurf") })
        #expect(export.offers.count == 3)
    }

    @Test func filesAreTheSameOnEveryRun() {
        #expect(export.files() == export.files())
        #expect(export.files().keys.contains("hsds/index.json"))
    }

    @Test func serviceIDIsTheOffersOwnIDElseDerivedFromSlug() {
        let hebamme = offer("Hebamme Alpha")
        #expect(export.serviceID(hebamme) == StableID.of("service", "hebamme", baseURL: "https://test.example.org/"))
        var withID = hebamme
        withID.id = "0F4C3D2E-1B2A-4C5D-8E9F-0A1B2C3D4E5F"
        #expect(export.serviceID(withID) == "0f4c3d2e-1b2a-4c5d-8e9f-0a1b2c3d4e5f")
    }
}

extension JSON {
    func field(_ key: String) -> JSON? {
        if case .object(let members) = self { return members[key] }
        return nil
    }
}

@Suite struct HSDSExportStreamTests {
    @Test func writingFileByFileGivesTheSameFiles() throws {
        let model = Fixtures.model([
            "angebote/alpha/eins.md": Fixtures.offer(title: "Eins"),
            "angebote/alpha/zwei.md": Fixtures.offer(title: "Zwei", extra: "languages: [de, ar]"),
        ])
        let export = HSDSExport(model: model, links: Links(site: model.site), pageSize: 1)
        let written = Written()
        try export.writeFiles { path, bytes in written.add(path, Data(bytes)) }
        #expect(written.files == export.files())
        #expect(export.paths().sorted() == export.files().keys.sorted())
    }

    final class Written: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [String: Data] = [:]
        func add(_ path: String, _ data: Data) {
            lock.lock()
            stored[path] = data
            lock.unlock()
        }
        var files: [String: Data] { lock.lock(); defer { lock.unlock() }; return stored }
    }
}
