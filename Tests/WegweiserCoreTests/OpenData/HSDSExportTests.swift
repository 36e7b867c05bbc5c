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

    /// An offer's service file, as a consumer reads it.
    private func service(_ title: String) throws -> [String: Any] {
        let bytes = try #require(export.files()["hsds/services/\(export.serviceID(offer(title))).json"])
        return try #require(try JSONSerialization.jsonObject(with: bytes) as? [String: Any])
    }

    private func records(_ key: String, of service: [String: Any]) -> [[String: Any]] {
        service[key] as? [[String: Any]] ?? []
    }

    @Test func hoursBecomeWeeklyScheduleRules() throws {
        let schedules = records("schedules", of: try service("Hebamme Alpha"))
        #expect(schedules.count == 2)
        #expect(schedules[0]["byday"] as? String == "MO,TU,FR", "RRULE days in week order")
        #expect(schedules[0]["freq"] as? String == "WEEKLY")
        #expect(schedules[0]["opens_at"] as? String == "08:30" && schedules[0]["closes_at"] as? String == "12:00")
        #expect(schedules[1]["byday"] as? String == "SA")
        #expect(schedules[0]["notes"] as? String == "Termine nach Vereinbarung")
    }

    @Test func aNoteWithoutHoursIsAScheduleDescription() throws {
        let schedules = records("schedules", of: try service("Nur Termine"))
        #expect(schedules.count == 1)
        #expect(schedules[0]["description"] as? String == "Nach Absprache" && schedules[0]["byday"] == nil)
    }

    @Test func languagesCarryCodeAndGermanName() throws {
        let languages = records("languages", of: try service("Hebamme Alpha"))
        #expect(languages.map { $0["code"] as? String } == ["de", "tr"])
        #expect(languages.map { $0["name"] as? String } == ["Deutsch", "Türkisch"])
        #expect(Set(languages.compactMap { $0["id"] as? String }).count == 2)
    }

    @Test func confidentialLocationKeepsOnlyNameAndCity() throws {
        let all = texts.values.joined()
        for secret in ["Verborgen", "59999", "50.1", "6.2", "Nord"] {
            #expect(!all.contains(secret), "\(secret) is in the export")
        }
        #expect(all.contains("Betastadt"))
        let location = try #require(records("service_at_locations", of: try service("Schutzwohnung")).first?["location"] as? [String: Any])
        #expect(location["addresses"] == nil && location["latitude"] == nil && location["longitude"] == nil)
        #expect(location["name"] as? String == "Schutzwohnung")
        #expect(location["description"] as? String == "Ort: Betastadt. Die Adresse wird zum Schutz der Besucherinnen und Besucher nicht veröffentlicht.")
    }

    @Test func openLocationHasAddressAndCoordinates() throws {
        let location = try #require(records("service_at_locations", of: try service("Hebamme Alpha")).first?["location"] as? [String: Any])
        #expect(location["latitude"] as? Double == 51.5)
        let address = try #require((location["addresses"] as? [[String: Any]])?.first)
        #expect(address["address_1"] as? String == "Hauptstraße 1" && address["country"] as? String == "DE")
    }

    @Test func everyObjectHasItsKeysInOrder() {
        // Records are written member by member: their keys must come in the
        // order every object of the export has (UTF-8 byte order).
        for (path, text) in texts {
            for keys in Self.objectKeys(text) {
                #expect(keys == keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, "\(path): \(keys)")
            }
        }
        #expect(Self.objectKeys(#"{"b":{"y":1,"x":"{\"q\":"},"a":[]}"#) == [["y", "x"], ["b", "a"]])
    }

    /// The keys of every object in compact JSON, each object's as written.
    static func objectKeys(_ json: String) -> [[String]] {
        let bytes = Array(json.utf8)
        var closed: [[String]] = [], open: [[String]] = []
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                var end = index + 1
                while bytes[end] != UInt8(ascii: "\"") { end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1 }
                if end + 1 < bytes.count, bytes[end + 1] == UInt8(ascii: ":") {
                    open[open.count - 1].append(String(decoding: bytes[(index + 1)..<end], as: UTF8.self))
                }
                index = end
            case UInt8(ascii: "{"): open.append([])
            case UInt8(ascii: "}"): closed.append(open.removeLast())
            default: break
            }
            index += 1
        }
        return closed
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
