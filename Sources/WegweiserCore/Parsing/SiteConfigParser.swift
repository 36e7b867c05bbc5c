// Reads content/site.yml: the site's settings and its closed vocabularies.
import Foundation

enum SiteConfigParser {
    static let knownKeys = [
        "title", "tagline", "base_url", "language", "description", "notice",
        "municipalities", "life_phases", "areas", "timezone", "holidays", "state", "country", "review_after_months",
    ]

    static func parse(_ file: SourceFile) -> (SiteConfig?, [Diagnostic]) {
        var reader = YAMLReader(file: file.displayPath, firstLine: 1)
        guard let root = reader.compose(FrontMatter.normalize(file.text)) else {
            if reader.diagnostics.isEmpty {
                reader.error(nil, "site.yml ist leer.", hint: "Tragen Sie mindestens `title`, `base_url`, `language`, `municipalities`, `life_phases` und `areas` ein.")
            }
            return (nil, reader.diagnostics)
        }
        guard let fields = reader.fields(root, of: "site.yml") else { return (nil, reader.diagnostics) }
        reader.warnUnknownKeys(fields, known: knownKeys)

        let title = reader.text(reader.required(fields, "title"), "title", maxLength: 120)
        let baseURLNode = reader.required(fields, "base_url")
        var baseURL = reader.string(baseURLNode, "base_url")
        if let url = baseURL {
            if !(url.hasPrefix("https://") || url.hasPrefix("http://")) || url.contains(" ") {
                reader.error(baseURLNode, "`base_url` muss eine Adresse mit http:// oder https:// sein.",
                    hint: "Zum Beispiel `https://familien.example.org/`.")
                baseURL = nil
            } else if !url.hasSuffix("/") {
                baseURL = url + "/"
            }
        }
        let language = reader.string(reader.required(fields, "language"), "language")
        let municipalities = vocabulary(&reader, fields, "municipalities", what: "Ort") { reader, entry, id, name in
            reader.warnUnknownKeys(entry, known: ["id", "name", "description", "county_wide", "youth_office", "center"])
            return Municipality(
                id: id, name: name,
                description: reader.text(entry["description"], "description"),
                countyWide: reader.bool(entry["county_wide"], "county_wide") ?? false,
                youthOffice: youthOffice(&reader, entry["youth_office"]),
                center: center(&reader, entry["center"]))
        }
        let lifePhases = vocabulary(&reader, fields, "life_phases", what: "Lebensphase") { reader, entry, id, name in
            reader.warnUnknownKeys(entry, known: ["id", "name", "ages", "description"])
            return LifePhase(
                id: id, name: name, ages: reader.text(entry["ages"], "ages"),
                description: reader.text(entry["description"], "description"))
        }
        let areas = vocabulary(&reader, fields, "areas", what: "Bereich") { reader, entry, id, name in
            reader.warnUnknownKeys(entry, known: ["id", "name", "description"])
            return Area(id: id, name: name, description: reader.text(entry["description"], "description"))
        }

        let timeZone = timeZone(&reader, fields["timezone"])
        let holidayState = holidayState(&reader, fields["holidays"])
        guard let title, let baseURL, let language, let municipalities, let lifePhases, let areas,
            !reader.diagnostics.hasErrors
        else { return (nil, reader.diagnostics) }
        var config = SiteConfig(
            title: title, tagline: reader.text(fields["tagline"], "tagline"), baseURL: baseURL,
            language: language, description: reader.text(fields["description"], "description"),
            notice: reader.text(fields["notice"], "notice"), municipalities: municipalities,
            lifePhases: lifePhases, areas: areas)
        config.timeZone = timeZone
        config.holidayState = holidayState
        config.state = reader.string(fields["state"], "state")
        config.country = reader.string(fields["country"], "country")
        if let months = reader.int(fields["review_after_months"], "review_after_months", range: 1...120) {
            config.reviewAfterMonths = months
        }
        return (config, reader.diagnostics)
    }

    /// `timezone`: an IANA zone name such as `Europe/Berlin`.
    private static func timeZone(_ reader: inout YAMLReader, _ node: YAMLNode?) -> String {
        guard let node, !node.isNull, let name = reader.string(node, "timezone") else { return "Europe/Berlin" }
        guard name.contains("/") || name == "UTC", TimeZone(identifier: name) != nil else {
            reader.error(node, "Die Zeitzone `\(name)` ist unbekannt.",
                hint: "Schreiben Sie den Namen der Zeitzone wie `Europe/Berlin`, oder lassen Sie `timezone` weg (dann gilt Europe/Berlin).")
            return "Europe/Berlin"
        }
        return name
    }

    /// `holidays`: the state whose public holidays count as closed days.
    private static func holidayState(_ reader: inout YAMLReader, _ node: YAMLNode?) -> String? {
        guard let node, !node.isNull, let text = reader.string(node, "holidays") else { return nil }
        let state = text.lowercased()
        guard Holidays.states.contains(state) else {
            reader.error(node, "`holidays: \(text)` nennt kein Bundesland.",
                hint: "Schreiben Sie das Kürzel des Bundeslands, für Nordrhein-Westfalen `nw`. Gültig: \(Holidays.states.joined(separator: ", ")).")
            return nil
        }
        return state
    }

    /// A municipality's `center: {lat, lon}`.
    private static func center(_ reader: inout YAMLReader, _ node: YAMLNode?) -> GeoPoint? {
        guard let node, !node.isNull, let entry = reader.fields(node, of: "`center`") else { return nil }
        reader.warnUnknownKeys(entry, known: ["lat", "lon"])
        let latitude = reader.double(reader.required(entry, "lat", hint: "Zum Beispiel `center: {lat: 51.5367, lon: 7.6894}`."), "lat", range: -90...90)
        let longitude = reader.double(reader.required(entry, "lon", hint: "Zum Beispiel `center: {lat: 51.5367, lon: 7.6894}`."), "lon", range: -180...180)
        guard let latitude, let longitude else { return nil }
        return GeoPoint(latitude: latitude, longitude: longitude)
    }

    /// A closed vocabulary: a non-empty list of entries with unique `id` and a `name`.
    private static func vocabulary<Term>(
        _ reader: inout YAMLReader, _ fields: Fields, _ key: String, what: String,
        entry makeTerm: (inout YAMLReader, Fields, String, String) -> Term
    ) -> [Term]? {
        guard let node = reader.required(fields, key), let items = reader.list(node, key) else { return nil }
        if items.isEmpty {
            reader.error(node, "`\(key)` ist leer.", hint: "Tragen Sie mindestens einen Eintrag mit `id` und `name` ein.")
            return nil
        }
        var terms: [Term] = []
        var seen: [String: YAMLNode] = [:]
        for item in items {
            guard let entry = reader.fields(item, of: "einem Eintrag von `\(key)`") else { continue }
            let idNode = reader.required(entry, "id")
            guard let id = reader.string(idNode, "id"),
                let name = reader.text(reader.required(entry, "name"), "name")
            else { continue }
            guard Slug.isValidID(id) else {
                reader.error(idNode, "Die id `\(id)` (\(what)) enthält unerlaubte Zeichen.",
                    hint: "Erlaubt sind nur Kleinbuchstaben a–z, Ziffern und `-`, z. B. `\(Slug.fold(id))`.")
                continue
            }
            if let earlier = seen[id] {
                reader.error(idNode, "Die id `\(id)` steht zweimal in `\(key)`.",
                    hint: "Sie wird schon in Zeile \(earlier.mark.line) verwendet. Jede id darf nur einmal vorkommen.")
                continue
            }
            seen[id] = idNode
            terms.append(makeTerm(&reader, entry, id, name))
        }
        return terms
    }

    private static func youthOffice(_ reader: inout YAMLReader, _ node: YAMLNode?) -> YouthOffice? {
        guard let node, !node.isNull, let entry = reader.fields(node, of: "`youth_office`") else { return nil }
        reader.warnUnknownKeys(entry, known: ["name", "phone", "email", "website", "street", "postal_code", "city"])
        guard let name = reader.text(reader.required(entry, "name"), "name") else { return nil }
        return YouthOffice(
            name: name,
            phone: ContactRules.phone(&reader, entry["phone"]),
            email: ContactRules.email(&reader, entry["email"]),
            website: ContactRules.website(&reader, entry["website"]),
            street: reader.text(entry["street"], "street"),
            postalCode: reader.string(entry["postal_code"], "postal_code"),
            city: reader.text(entry["city"], "city"))
    }
}

extension SiteConfig {
    /// An absolute http(s) URL with a host, ending in `/`; nil for anything else.
    public static func normalizedBaseURL(_ text: String) -> String? {
        let lowered = text.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://"),
            !text.contains(where: { $0.isWhitespace || $0 == "?" || $0 == "#" }),
            let components = URLComponents(string: text), let host = components.host, !host.isEmpty
        else { return nil }
        return text.hasSuffix("/") ? text : text + "/"
    }
}

/// Rules shared by offers' contacts and youth offices.
enum ContactRules {
    static func phone(_ reader: inout YAMLReader, _ node: YAMLNode?) -> String? {
        guard let phone = reader.string(node, "phone") else { return nil }
        guard isPhoneNumber(phone) else {
            reader.error(node, "Die Telefonnummer `\(phone)` ist ungültig.",
                hint: "Schreiben Sie sie so, wie man sie in Deutschland wählt (`02303 27-0`), oder mit +49 (`+49 2303 270`).")
            return nil
        }
        return phone
    }

    /// Digits, spaces and `+-/()` only (on bytes: each allowed character is one
    /// ASCII byte), at least five digits, starting with `0` or a single `+`.
    static func isPhoneNumber(_ phone: String) -> Bool {
        var digits = 0
        for byte in phone.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: " "), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "("), UInt8(ascii: ")"): break
            default: return false
            }
        }
        let utf8 = phone.utf8
        return digits >= 5 && (utf8.first == UInt8(ascii: "0") || utf8.first == UInt8(ascii: "+"))
            && !utf8.dropFirst().contains(UInt8(ascii: "+"))
    }

    /// The number for a `tel:` link: `+49…` form, no spaces.
    static func telURI(_ phone: String) -> String {
        // A number in ASCII (nearly every one) is filtered by its bytes, without
        // breaking it into characters.
        var digits = phone.utf8.allSatisfy { $0 < 0x80 }
            ? String(decoding: phone.utf8.filter { (0x30...0x39).contains($0) || $0 == UInt8(ascii: "+") }, as: UTF8.self)
            : phone.filter { $0.isNumber || $0 == "+" }
        if digits.hasPrefix("00") {
            digits = "+" + digits.dropFirst(2)
        } else if digits.hasPrefix("0") {
            digits = "+49" + digits.dropFirst()
        }
        return "tel:" + digits
    }

    static func email(_ reader: inout YAMLReader, _ node: YAMLNode?) -> String? {
        guard let email = reader.string(node, "email") else { return nil }
        guard isEmailAddress(email) else {
            reader.error(node, "Die E-Mail-Adresse `\(email)` ist ungültig.", hint: "Zum Beispiel `beratung@example.org`.")
            return nil
        }
        return email
    }

    /// One `@` with text before it, a domain with a dot inside after it, no white space.
    static func isEmailAddress(_ email: String) -> Bool {
        let utf8 = email.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            // Beyond ASCII, Characters decide (a combining mark belongs to the character before it).
            let parts = email.split(separator: "@", omittingEmptySubsequences: false)
            return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !email.contains(where: \.isWhitespace)
                && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
        }
        guard let at = utf8.firstIndex(of: UInt8(ascii: "@")), at != utf8.startIndex else { return false }
        let domain = utf8[utf8.index(after: at)...]
        return !domain.contains(UInt8(ascii: "@")) && domain.contains(UInt8(ascii: "."))
            && domain.first != UInt8(ascii: ".") && domain.last != UInt8(ascii: ".")
            && !utf8.contains(where: { $0 == 0x20 || (0x09...0x0D).contains($0) })
    }

    static func website(_ reader: inout YAMLReader, _ node: YAMLNode?) -> String? {
        guard let website = reader.string(node, "website") else { return nil }
        let lowered = website.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://"), website.count > 8,
            !website.contains(where: \.isWhitespace)
        else {
            reader.error(node, "Die Webseite `\(website)` ist keine http(s)-Adresse.",
                hint: "Schreiben Sie die volle Adresse mit `https://`, z. B. `https://example.org/beratung`.")
            return nil
        }
        return website
    }
}
