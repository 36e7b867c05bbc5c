// The directory as open data: Open Referral's Human Services Data
// Specification (HSDS) 3.0, written as static JSON files in the shape of the
// HSDS API (`/hsds/index.json`, paged lists, one file per service,
// organization, taxonomy and term). Only what the site publishes goes in:
// no drafts, no inactive offers, no street, postal code or coordinates of a
// confidential location.

import Foundation
import WegweiserSearch

/// A class, not a struct: its many tables are shared by every closure that
/// writes a file, instead of being copied (and retained) into each.
final class HSDSExport: Sendable {
    static let version = "3.0.1"
    static let profile = "https://docs.openreferral.org/en/v3.0.1/"

    let model: SiteModel
    let links: Links
    /// Items per page of a list (`services/index.json`, `services/page/2.json`, …).
    let pageSize: Int

    init(model: SiteModel, links: Links, pageSize: Int = 50) {
        self.model = model
        self.links = links
        self.pageSize = max(1, pageSize)
        offers = model.offers.filter { !$0.draft && $0.status != .inactive }
        let baseURL = model.site.baseURL
        serviceIDs = Dictionary(uniqueKeysWithValues: offers.map { offer in
            (offer.slug, (offer.id, offer.id?.lowercased() ?? StableID.of("service", offer.slug, baseURL: baseURL)))
        })
        var terms: [String: [String: JSON]] = [:]
        var attributeTerms: [String: (id: String, bytes: [UInt8])] = [:]
        for vocabulary in Vocabulary.allCases {
            for entry in Self.terms(of: vocabulary, site: model.site, links: links) {
                let key = "\(vocabulary.rawValue)/\(entry.id)"
                let record = Self.term(vocabulary, entry, site: model.site, links: links)
                terms[key] = record
                // An attribute names the taxonomy by `taxonomy_id`; its record
                // is in /hsds/taxonomies/. Written once: the terms are almost
                // half of a service's bytes.
                var attribute = record
                attribute["taxonomy_detail"] = nil
                attributeTerms[key] = (StableID.of("taxonomy_term", key, baseURL: baseURL), JSON.object(attribute).bytes)
            }
        }
        termRecords = terms
        self.attributeTerms = attributeTerms
        organizationIDs = Dictionary(Set(offers.map(\.provider)).map { ($0, StableID.of("organization", $0, baseURL: baseURL)) },
                                     uniquingKeysWith: { first, _ in first })
        organizations = Dictionary(grouping: offers, by: \.provider)
            .map { (key: SortKey.of($0.key), name: $0.key, offers: $0.value) }
            .sorted { ($0.key, $0.name) < ($1.key, $1.name) }
            .map { (name: $0.name, offers: $0.offers) }
    }

    /// Published offers, in the site model's order.
    let offers: [Offer]
    let organizations: [(name: String, offers: [Offer])]
    /// Slug → the offer's own id as written, and its service id, computed
    /// once: every record of a service derives its id from it.
    private let serviceIDs: [String: (ownID: String?, id: String)]
    /// Provider → organization id, computed once.
    private let organizationIDs: [String: String]
    /// `<vocabulary>/<id>` → the term's record, made once for all attributes.
    private let termRecords: [String: [String: JSON]]
    /// The same without `taxonomy_detail`, as attributes hold them: the
    /// term's id and its record's bytes.
    private let attributeTerms: [String: (id: String, bytes: [UInt8])]

    /// Output path below the site's root → JSON bytes. Every file is made
    /// on its own, so the files are written on all cores; the result does
    /// not depend on their order.
    func files() -> [String: Data] {
        let (jobs, lists) = plan()
        // Data made on the job's thread, so that a file's bytes are held once.
        let written = jobs.parallelMap { job in
            let (paths, bytes) = file(job, lists: lists)
            return (paths, Data(bytes))
        }
        var files: [String: Data] = [:]
        files.reserveCapacity(written.count + 4)
        for (paths, data) in written {
            for path in paths { files[path] = data }
        }
        return files
    }

    /// The paths `files()` has, without making the files: for making their
    /// folders before `writeFiles`.
    func paths() -> [String] {
        plan(sharing: false).jobs.flatMap(paths)
    }

    /// The files of `files()`, each handed to `write` as soon as it is made,
    /// on all cores, so that the export is never held in memory at once (at
    /// 10,000 offers it is about 100 MB).
    func writeFiles(_ write: @Sendable (_ path: String, _ bytes: [UInt8]) throws -> Void) throws {
        let (jobs, lists) = plan()
        try jobs.parallelForEach { job in
            let (paths, bytes) = file(job, lists: lists)
            for path in paths { try write(path, bytes) }
        }
    }

    /// Every file to make, and (`sharing`) what several of them share.
    private func plan(sharing: Bool = true) -> (jobs: [FileJob], lists: Lists) {
        // The organizations' files first: each holds all its services (three
        // megabytes at 10,000 offers), and made last, one of them kept a
        // core busy after the other had finished.
        let orgs = organizations.map { (id: organizationID($0.name), name: $0.name, offers: $0.offers) }.sorted { $0.id < $1.id }
        var jobs = orgs.map { FileJob.organization(id: $0.id, name: $0.name, offers: $0.offers) }
        jobs += listJobs(.organizations, count: orgs.count)

        jobs.append(.index)
        let services = sortedByServiceID(offers)
        jobs += listJobs(.services, count: services.count)
        jobs += services.map(FileJob.service)

        let taxonomies = Vocabulary.allCases.sorted { taxonomyID($0) < taxonomyID($1) }
        jobs += listJobs(.taxonomies, count: taxonomies.count)
        jobs += taxonomies.map(FileJob.taxonomy)

        let allTerms = Vocabulary.allCases.flatMap { vocabulary in self.terms(of: vocabulary).map { (vocabulary, $0) } }
            .sorted { termID($0.0, $0.1.id) < termID($1.0, $1.1.id) }
        jobs += listJobs(.taxonomyTerms, count: allTerms.count)
        jobs += allTerms.map { FileJob.term($0.0, $0.1) }

        // What several files hold, made and written once: a service's
        // fields are in its file, in the list and in its organization's file.
        let fields = sharing ? offers.parallelMap(serviceFields) : []
        let organizationBytes = !sharing ? [:] : Dictionary(
            organizations.map { ($0.name, JSON.object(organization($0.name)).bytes) },
            uniquingKeysWith: { first, _ in first })
        let lists = Lists(
            services: services, organizations: orgs.map { ($0.name, $0.offers) }, taxonomies: taxonomies, terms: allTerms,
            fields: Dictionary(zip(offers.map(\.slug), fields), uniquingKeysWith: { first, _ in first }),
            organizationBytes: organizationBytes)
        return (jobs, lists)
    }

    /// One file (or, for a list's first page, two with the same bytes) of the export.
    private enum FileJob: Sendable {
        case index
        case listPage(ListKind, page: Int, totalPages: Int)
        case service(Offer)
        case organization(id: String, name: String, offers: [Offer])
        case taxonomy(Vocabulary)
        case term(Vocabulary, Term)
    }

    enum ListKind: String, Sendable {
        case services, organizations, taxonomies, taxonomyTerms = "taxonomy_terms"
    }

    /// The sorted records the lists page through, and the records several files share.
    struct Lists: Sendable {
        var services: [Offer]
        var organizations: [(name: String, offers: [Offer])]
        var taxonomies: [Vocabulary]
        var terms: [(Vocabulary, Term)]
        /// Slug → the service's own fields, written once.
        var fields: [String: WrittenMembers]

        /// A published offer's fields: `plan` writes every one's.
        func fields(of offer: Offer) -> WrittenMembers { fields[offer.slug]! }
        /// Provider → the organization as a service names it, written.
        var organizationBytes: [String: [UInt8]]

        func count(_ kind: ListKind) -> Int {
            switch kind {
            case .services: services.count
            case .organizations: organizations.count
            case .taxonomies: taxonomies.count
            case .taxonomyTerms: terms.count
            }
        }
    }

    private func listJobs(_ kind: ListKind, count: Int) -> [FileJob] {
        let totalPages = max(1, (count + pageSize - 1) / pageSize)
        return (1...totalPages).map { FileJob.listPage(kind, page: $0, totalPages: totalPages) }
    }

    /// Where a job's file goes (a list's first page: two paths, the same bytes).
    private func paths(_ job: FileJob) -> [String] {
        switch job {
        case .index: ["hsds/index.json"]
        case .listPage(let kind, let page, _):
            (page == 1 ? ["hsds/\(kind.rawValue)/index.json"] : []) + ["hsds/\(kind.rawValue)/page/\(page).json"]
        case .service(let offer): ["hsds/services/\(serviceID(offer)).json"]
        case .organization(let id, _, _): ["hsds/organizations/\(id).json"]
        case .taxonomy(let vocabulary): ["hsds/taxonomies/\(taxonomyID(vocabulary)).json"]
        case .term(let vocabulary, let entry): ["hsds/taxonomy_terms/\(termID(vocabulary, entry.id)).json"]
        }
    }

    private func file(_ job: FileJob, lists: Lists) -> (paths: [String], bytes: [UInt8]) {
        let bytes: [UInt8] =
            switch job {
            case .index: Self.bytes(["version": .string(Self.version), "profile": .string(Self.profile)])
            case .listPage(let kind, let page, let totalPages): listPage(kind, page: page, totalPages: totalPages, lists: lists)
            case .service(let offer): serviceBytes(offer, shared: lists)
            case .organization(_, let name, let offers): organizationBytes(name, offers: offers, shared: lists)
            case .taxonomy(let vocabulary): Self.bytes(taxonomy(vocabulary))
            case .term(let vocabulary, let entry): Self.bytes(term(vocabulary, entry))
            }
        return (paths(job), bytes)
    }

    /// A record's file: the object and a line end.
    private static func bytes(_ record: [String: JSON]) -> [UInt8] {
        var writer = JSONWriter(capacity: 4096)
        writer.append("{")
        writer.writeMembers(record)
        writer.append("}\n")
        return writer.bytes
    }

    /// One page of HSDS's list shape: page 1 is `<name>/index.json` (and
    /// `<name>/page/1.json`), page n `<name>/page/n.json`.
    private func listPage(_ kind: ListKind, page: Int, totalPages: Int, lists: Lists) -> [UInt8] {
        let total = lists.count(kind)
        let range = min(total, (page - 1) * pageSize)..<min(total, page * pageSize)
        // The members in key order, `contents` first: the list is written
        // straight into the page (150 KB for 50 services), not copied into it.
        var json = JSONWriter(capacity: 4096)
        json.object { json in
            json.member("contents")
            json.array { json in
                for index in range {
                    json.element()
                    switch kind {
                    case .services: writeSummary(lists.services[index], shared: lists, into: &json)
                    case .organizations: json.append(lists.organizationBytes[lists.organizations[index].name]!)
                    case .taxonomies: json.write(.object(taxonomy(lists.taxonomies[index])))
                    case .taxonomyTerms: json.write(.object(term(lists.terms[index].0, lists.terms[index].1)))
                    }
                }
            }
            json.member("empty", range.isEmpty)
            json.member("first_page", page == 1)
            json.member("last_page", page == totalPages)
            json.member("page_number", page)
            json.member("size", range.count)
            json.member("total_items", total)
            json.member("total_pages", totalPages)
        }
        json.append("\n")
        return json.bytes
    }

    // MARK: - Identifiers

    private var baseURL: String { model.site.baseURL }

    /// The offer's own `id`, else derived from the base URL and the slug.
    func serviceID(_ offer: Offer) -> String {
        if let known = serviceIDs[offer.slug], known.ownID == offer.id { return known.id }
        return offer.id?.lowercased() ?? StableID.of("service", offer.slug, baseURL: baseURL)
    }

    func organizationID(_ provider: String) -> String {
        organizationIDs[provider] ?? StableID.of("organization", provider, baseURL: baseURL)
    }

    /// Offers in the order of their service ids, each id made once.
    private func sortedByServiceID(_ offers: [Offer]) -> [Offer] {
        offers.map { (id: serviceID($0), offer: $0) }.sorted { $0.id < $1.id }.map(\.offer)
    }
    func taxonomyID(_ vocabulary: Vocabulary) -> String { StableID.of("taxonomy", vocabulary.rawValue, baseURL: baseURL) }
    func termID(_ vocabulary: Vocabulary, _ id: String) -> String {
        StableID.of("taxonomy_term", "\(vocabulary.rawValue)/\(id)", baseURL: baseURL)
    }

    /// Things that exist only inside one service: keyed by the service's id
    /// (`serviceID(_:)`, made once per service), their kind and their
    /// position in the offer file.
    private func childID(_ service: String, _ kind: String, _ key: String) -> String {
        StableID.of(kind, owner: service, key, baseURL: baseURL)
    }

    // MARK: - Services

    /// A service in a list: its fields and its organization, no other
    /// nested records; both as written before.
    private func writeSummary(_ offer: Offer, shared: Lists, into json: inout JSONWriter) {
        json.append("{")
        var members = MergedMembers(shared.fields(of: offer))
        members.member("organization", into: &json) { $0.append(shared.organizationBytes[offer.provider]!) }
        members.finish(into: &json)
        json.append("}")
    }

    /// A service's own fields, which its file, its list page and its
    /// organization's file all hold: written once, in key order.
    private func serviceFields(_ offer: Offer) -> WrittenMembers {
        WrittenMembers { fields in
            if let registration = offer.registration { fields.member("application_process", registration) }
            fields.member("assured_date", offer.updated.description)
            fields.member("description", offer.bodyText.isEmpty ? offer.summary : "\(offer.summary)\n\n\(offer.bodyText)")
            fields.member("eligibility_description", eligibility(offer))
            if let email = offer.contact?.email { fields.member("email", email) }
            if let fees = offer.cost ?? (offer.free == true ? "kostenlos" : nil) { fields.member("fees_description", fees) }
            fields.member("id", serviceID(offer))
            fields.member("last_modified", "\(offer.updated)T00:00:00Z")
            if let maximum = offer.age?.max { fields.member("maximum_age", maximum) }
            if let minimum = offer.age?.min { fields.member("minimum_age", minimum) }
            fields.member("name", offer.title)
            fields.member("organization_id", organizationID(offer.provider))
            fields.member("status", offer.status == .temporarilyClosed ? "temporarily closed" : "active")
            fields.member("url", links.absolute(links.offer(offer.slug)))
        }
    }

    /// Who the offer is for, in words: its life phases and ages.
    private func eligibility(_ offer: Offer) -> String {
        let phases = offer.lifePhases.compactMap { model.lifePhase($0) }.map { phase in
            phase.ages.map { "\(phase.name) (\($0))" } ?? phase.name
        }
        var text = "Für Familien in der Lebensphase \(Text.list(phases))."
        if let age = Text.age(offer.age) { text += " Alter: \(age)." }
        return text
    }

    /// A service's file: its own fields (`Lists.fields(of:)`, written once
    /// for all files that hold them), its organization and the records that
    /// belong to it. Those are the most numerous records of the export: all
    /// are written straight into the file, member by member in key order.
    private func serviceBytes(_ offer: Offer, shared: Lists) -> [UInt8] {
        var json = JSONWriter(capacity: 8192)
        json.append("{")
        var members = MergedMembers(shared.fields(of: offer))
        let id = serviceID(offer)
        members.member("attributes", into: &json) { attributes(offer, into: &$0) }
        if let name = offer.contact?.name {
            members.member("contacts", into: &json) { json in
                Self.list([name], into: &json) { json, name in
                    if let email = offer.contact?.email { json.member("email", email) }
                    json.member("id", childID(id, "contact", "contact"))
                    json.member("name", name)
                    json.member("service_id", id)
                }
            }
        }
        if offer.free == true {
            members.member("cost_options", into: &json) { json in
                Self.list([offer], into: &json) { json, _ in
                    json.member("amount", 0)
                    json.member("currency", "EUR")
                    json.member("id", childID(id, "cost_option", "free"))
                    json.member("option", "kostenlos")
                    json.member("service_id", id)
                }
            }
        }
        members.member("languages", into: &json) { json in
            Self.list(Array(offer.languages.enumerated()), into: &json) { json, language in
                json.member("code", language.element)
                json.member("id", childID(id, "language", "\(language.offset)"))
                if let name = Languages.name(of: language.element) { json.member("name", name) }
                json.member("service_id", id)
            }
        }
        members.member("organization", into: &json) { $0.append(shared.organizationBytes[offer.provider]!) }
        if let phone = offer.contact?.phone {
            members.member("phones", into: &json) { json in
                Self.list([phone], into: &json) { json, phone in
                    json.member("id", childID(id, "phone", "contact"))
                    json.member("number", phone)
                    json.member("service_id", id)
                    json.member("type", "voice")
                }
            }
        }
        members.member("schedules", into: &json) { schedules(offer, into: &$0) }
        members.member("service_areas", into: &json) { json in
            Self.list(offer.municipalities.compactMap { model.municipality($0) }, into: &json) { json, town in
                json.member("description", town.countyWide ? "Für alle Orte: \(town.name)" : town.name)
                json.member("id", childID(id, "service_area", town.id))
                json.member("name", town.name)
                json.member("service_id", id)
            }
        }
        members.member("service_at_locations", into: &json) { json in
            Self.list(Array(offer.locations.enumerated()), into: &json) { json, location in
                let locationID = childID(id, "location", "\(location.offset)")
                json.member("id", childID(id, "service_at_location", "\(location.offset)"))
                json.member("location")
                write(location.element, id: locationID, offer: offer, into: &json)
                json.member("location_id", locationID)
                json.member("service_id", id)
            }
        }
        members.finish(into: &json)
        json.append("}\n")
        return json.bytes
    }

    /// A JSON array of one object per item, its members written by `members`.
    private static func list<Item>(_ items: [Item], into json: inout JSONWriter, _ members: (inout JSONWriter, Item) -> Void) {
        json.array { json in
            for item in items {
                json.element()
                json.object { members(&$0, item) }
            }
        }
    }

    /// `hours` as weekly RRULE parts; `hours_note` as the notes.
    func schedules(_ offer: Offer, into json: inout JSONWriter) {
        let id = serviceID(offer)
        if offer.hours.isEmpty, let note = offer.hoursNote {
            return Self.list([note], into: &json) { json, note in
                json.member("description", note)
                json.member("id", childID(id, "schedule", "note"))
                json.member("notes", note)
                json.member("service_id", id)
            }
        }
        Self.list(Array(offer.hours.enumerated()), into: &json) { json, hours in
            let days = Array(Set(hours.element.days)).sorted()
            json.member("byday", days.map(\.rruleDay).joined(separator: ","))
            json.member("closes_at", hours.element.closes)
            json.member("description", "\(Text.days(days)) \(hours.element.opens)–\(hours.element.closes) Uhr")
            json.member("freq", "WEEKLY")
            json.member("id", childID(id, "schedule", "\(hours.offset)"))
            json.member("interval", 1)
            if let note = offer.hoursNote { json.member("notes", note) }
            json.member("opens_at", hours.element.opens)
            json.member("service_id", id)
            json.member("wkst", "MO")
        }
    }

    /// A location as published: a confidential one keeps its name and city
    /// only (in words), with no address record and no coordinates.
    private func write(_ location: Location, id: String, offer: Offer, into json: inout JSONWriter) {
        let name = location.name ?? offer.title
        if location.confidential {
            let city = location.city.map { "Ort: \($0). " } ?? ""
            json.object { json in
                json.member("description", city + "Die Adresse wird zum Schutz der Besucherinnen und Besucher nicht veröffentlicht.")
                json.member("id", id)
                json.member("location_type", "physical")
                json.member("name", name)
            }
            return
        }
        let district = location.district.map { "Stadtteil \($0)" }
        let address = location.street.flatMap { street in
            location.postalCode.flatMap { postalCode in location.city.map { (street, postalCode, $0) } }
        }
        // Without a full address, the description names the city as well.
        let description = address == nil && location.city != nil ? [district, location.city].compactMap { $0 }.joined(separator: ", ") : district
        json.object { json in
            if let access = Text.access(offer.accessible) {
                json.member("accessibility")
                json.array { json in
                    json.element()
                    json.object { json in
                        json.member("description", access)
                        json.member("id", StableID.of("accessibility", id, baseURL: baseURL))
                        json.member("location_id", id)
                    }
                }
            }
            if let (street, postalCode, city) = address {
                json.member("addresses")
                json.array { json in
                    json.element()
                    json.object { json in
                        json.member("address_1", street)
                        json.member("address_type", "physical")
                        json.member("city", city)
                        json.member("country", model.site.country ?? "DE")
                        json.member("id", StableID.of("address", id, baseURL: baseURL))
                        json.member("location_id", id)
                        json.member("postal_code", postalCode)
                        json.member("state_province", model.site.state ?? "")
                    }
                }
            }
            if let description { json.member("description", description) }
            json.member("id", id)
            if let latitude = location.latitude { json.member("latitude", latitude) }
            json.member("location_type", "physical")
            if let longitude = location.longitude { json.member("longitude", longitude) }
            json.member("name", name)
        }
    }

    // MARK: - Vocabularies as taxonomies

    enum Vocabulary: String, CaseIterable {
        case municipalities, lifePhases = "life_phases", areas
    }

    struct Term {
        var id: String
        var name: String
        var description: String
        var path: String
    }

    func terms(of vocabulary: Vocabulary) -> [Term] { Self.terms(of: vocabulary, site: model.site, links: links) }

    static func terms(of vocabulary: Vocabulary, site: SiteConfig, links: Links) -> [Term] {
        switch vocabulary {
        case .municipalities:
            return site.municipalities.map {
                Term(id: $0.id, name: $0.name, description: $0.description ?? ($0.countyWide ? "Angebote für alle Orte" : $0.name),
                     path: links.town($0.id))
            }
        case .lifePhases:
            return site.lifePhases.map {
                Term(id: $0.id, name: $0.name, description: $0.description ?? $0.ages ?? $0.name, path: links.lifePhase($0.id))
            }
        case .areas:
            return site.areas.map { Term(id: $0.id, name: $0.name, description: $0.description ?? $0.name, path: links.area($0.id)) }
        }
    }

    func taxonomy(_ vocabulary: Vocabulary) -> [String: JSON] { Self.taxonomy(vocabulary, site: model.site, links: links) }

    static func taxonomy(_ vocabulary: Vocabulary, site: SiteConfig, links: Links) -> [String: JSON] {
        let id = StableID.of("taxonomy", vocabulary.rawValue, baseURL: site.baseURL)
        let (name, description): (String, String) =
            switch vocabulary {
            case .municipalities: ("Orte", "Die Orte, für die ein Angebot da ist (aus site.yml).")
            case .lifePhases: ("Lebensphasen", "Die Lebensphasen der Präventionskette, in ihrer Reihenfolge (aus site.yml).")
            case .areas: ("Themen", "Die Bereiche der Angebote (aus site.yml).")
            }
        return [
            "id": .string(id), "name": .string(name), "description": .string(description),
            "uri": .string(links.absolute(links.root + "hsds/taxonomies/\(id).json")),
        ]
    }

    func term(_ vocabulary: Vocabulary, _ term: Term) -> [String: JSON] {
        termRecords["\(vocabulary.rawValue)/\(term.id)"] ?? Self.term(vocabulary, term, site: model.site, links: links)
    }

    static func term(_ vocabulary: Vocabulary, _ term: Term, site: SiteConfig, links: Links) -> [String: JSON] {
        [
            "id": .string(StableID.of("taxonomy_term", "\(vocabulary.rawValue)/\(term.id)", baseURL: site.baseURL)),
            "code": .string(term.id), "name": .string(term.name),
            "description": .string(term.description), "taxonomy": .string(vocabulary.rawValue),
            "taxonomy_id": .string(StableID.of("taxonomy", vocabulary.rawValue, baseURL: site.baseURL)),
            "taxonomy_detail": .object(taxonomy(vocabulary, site: site, links: links)),
            "language": .string(site.language), "term_uri": .string(links.absolute(term.path)),
        ]
    }

    /// The offer's towns, life phases and areas, each an attribute with its
    /// term: the most numerous records of a service, written member by
    /// member in key order.
    private func attributes(_ offer: Offer, into json: inout JSONWriter) {
        let service = serviceID(offer)
        let filed: [(Vocabulary, [String])] = [(.municipalities, offer.municipalities), (.lifePhases, offer.lifePhases), (.areas, offer.areas)]
        json.array { json in
            for (vocabulary, ids) in filed {
                for id in ids {
                    guard let term = attributeTerms["\(vocabulary.rawValue)/\(id)"] else { continue }
                    json.element()
                    json.object { json in
                        json.member("id", childID(service, "attribute", "\(vocabulary.rawValue)/\(id)"))
                        json.member("link_entity", "service")
                        json.member("link_id", service)
                        json.member("link_type", vocabulary.rawValue)
                        json.member("taxonomy_term")
                        json.append(term.bytes)
                        json.member("taxonomy_term_id", term.id)
                    }
                }
            }
        }
    }

    // MARK: - Organizations

    /// The organization as a service or a list names it, without its services.
    func organization(_ provider: String) -> [String: JSON] {
        [
            "id": .string(organizationID(provider)), "name": .string(provider),
            "description": .string("Träger von Angeboten im Verzeichnis „\(model.site.title)“."),
        ]
    }

    /// An organization's own file: its record and its services' fields,
    /// each as written before.
    private func organizationBytes(_ provider: String, offers: [Offer], shared: Lists) -> [UInt8] {
        // Three megabytes at 10,000 offers: written once, into room made
        // beforehand. `services` is the last key, after the organization's own.
        let fields = sortedByServiceID(offers).map(shared.fields(of:))
        var json = JSONWriter(capacity: fields.reduce(1024) { $0 + $1.bytes.count + 3 })
        json.object { json in
            json.writeMembers(organization(provider))
            json.member("services")
            json.array { json in
                for written in fields {
                    json.element()
                    json.object { $0.writeMembers(sorted: [(String, JSON)](), with: written) }
                }
            }
        }
        json.append("\n")
        return json.bytes
    }
}

extension Weekday {
    /// RFC 5545's two-letter day, as HSDS's `byday` takes it.
    var rruleDay: String {
        switch self {
        case .mo: "MO"
        case .di: "TU"
        case .mi: "WE"
        case .do: "TH"
        case .fr: "FR"
        case .sa: "SA"
        case .so: "SU"
        }
    }
}
