// Reads one offer file: front matter → Offer, with every rule of SPEC §2
// checked and reported at the line where the editor wrote it.
import Foundation

enum OfferParser {
    static let requiredKeys = ["title", "summary", "municipalities", "life_phases", "areas", "provider", "updated"]
    static let optionalKeys = [
        "id", "status", "topics", "age", "locations", "contact", "hours", "hours_note", "free", "cost",
        "languages", "accessible", "registration", "review_by", "draft",
    ]
    static let knownKeys = requiredKeys + optionalKeys

    /// The offer, or nil when the file has an error.
    static func parse(_ file: SourceFile, site: SiteConfig?, today: CalendarDate) -> (Offer?, [Diagnostic]) {
        let (offer, complete, diagnostics) = parseAll(file, site: site, today: today)
        return (complete ? offer : nil, diagnostics)
    }

    /// Whatever could be read, even from a file with errors (so that
    /// duplicate ids are found in the same run), and whether it is complete.
    /// `linkRoot`: the site's root path, when the caller has it at hand for many offers.
    static func parseAll(
        _ file: SourceFile, site: SiteConfig?, today: CalendarDate, linkRoot: String? = nil
    ) -> (Offer?, Bool, [Diagnostic]) {
        let document: FrontMatterDocument
        switch FrontMatter.split(file) {
        case .success(let split): document = split
        case .failure(let diagnostic): return (nil, false, [diagnostic])
        }
        var reader = YAMLReader(file: file.displayPath, firstLine: document.yamlLine)
        reader.warnsAboutCutComments = true
        guard let root = reader.compose(document.yaml) else {
            if reader.diagnostics.isEmpty {
                reader.error(nil, "Die Angaben des Angebots sind leer.", hint: "Pflichtangaben: \(requiredKeys.map { "`\($0)`" }.joined(separator: ", ")).")
            }
            return (nil, false, reader.diagnostics)
        }
        guard let fields = reader.fields(root, of: "den Angaben") else { return (nil, false, reader.diagnostics) }
        reader.warnUnknownKeys(fields, known: knownKeys)

        let title = reader.text(reader.required(fields, "title"), "title", maxLength: 120)
        let summaryNode = reader.required(fields, "summary", hint: "Ergänzen Sie `summary:` mit ein bis zwei Sätzen, worum es geht (höchstens 300 Zeichen).")
        let summary = reader.text(summaryNode, "summary", maxLength: 300)
        let municipalities = ids(&reader, fields, "municipalities", vocabulary: site?.municipalities.map(\.id), what: "Unbekannter Ort")
        let lifePhases = ids(&reader, fields, "life_phases", vocabulary: site?.lifePhases.map(\.id), what: "Unbekannte Lebensphase")
        let areas = ids(&reader, fields, "areas", vocabulary: site?.areas.map(\.id), what: "Unbekannter Bereich")
        let provider = reader.text(reader.required(fields, "provider", hint: "Ergänzen Sie `provider:` mit dem Träger, der das Angebot macht."), "provider")
        let updatedNode = reader.required(fields, "updated", hint: "Ergänzen Sie `updated: \(today)` mit dem Datum, an dem Sie die Angaben geprüft haben.")
        var updated = reader.date(updatedNode, "updated")
        if let date = updated, date > today {
            reader.error(updatedNode, "`updated` liegt in der Zukunft (\(date)).",
                hint: "Tragen Sie das Datum ein, an dem die Angaben zuletzt geprüft wurden, höchstens das heutige (\(today)).")
            updated = nil
        }

        var offer = Offer.Fields(
            sourcePath: file.displayPath, slug: Slug.fold(baseName(of: file.path)), id: nil,
            title: title ?? "", summary: summary ?? "", municipalities: municipalities ?? [],
            lifePhases: lifePhases ?? [], areas: areas ?? [], provider: provider ?? "",
            updated: updated ?? today, bodyLine: document.bodyLine)

        if let node = fields["id"], let id = reader.string(node, "id") {
            if UUID(uuidString: id) == nil {
                reader.error(node, "`id` ist keine gültige UUID: `\(id)`.",
                    hint: "Löschen Sie die Zeile oder lassen Sie `wegweiser new` eine Datei mit neuer id anlegen.")
            } else {
                offer.id = id.lowercased()
                offer.idLine = node.mark.line + document.yamlLine - 1
            }
        }
        offer.status = reader.enumeration(fields["status"], "status", as: Offer.Status.self) ?? .active
        offer.topics = reader.textList(fields["topics"], "topics")?.map(\.0) ?? []
        offer.age = age(&reader, fields["age"])
        offer.locations = locations(&reader, fields["locations"])
        offer.contact = contact(&reader, fields["contact"])
        offer.hours = hours(&reader, fields["hours"])
        offer.hoursNote = reader.text(fields["hours_note"], "hours_note")
        offer.free = reader.bool(fields["free"], "free")
        offer.cost = reader.text(fields["cost"], "cost")
        offer.languages = languages(&reader, fields["languages"])
        offer.accessible = reader.enumeration(fields["accessible"], "accessible", as: Offer.Access.self)
        offer.registration = reader.text(fields["registration"], "registration")
        offer.reviewBy = reader.date(fields["review_by"], "review_by")
        offer.reviewByLine = (fields["review_by"]?.mark.line ?? 0) + document.yamlLine - 1
        offer.draft = reader.bool(fields["draft"], "draft") ?? false
        offer.keyLines.reserveCapacity(fields.entries.count)
        for entry in fields.entries {
            offer.keyLines[entry.key] = entry.keyNode.mark.line + document.yamlLine - 1
        }

        let markdown = MarkdownDocument(document.body, linkRoot: linkRoot ?? site?.rootPath ?? "/")
        offer.bodyHTML = markdown.html
        offer.bodyText = markdown.plainText
        offer.siteLinks = markdown.siteLinks(inFileFrom: document.bodyLine)
        var diagnostics = reader.diagnostics
        diagnostics += bodyNotes(markdown, bodyLine: document.bodyLine, file: file.displayPath)
        let complete = title != nil && summary != nil && municipalities != nil && lifePhases != nil
            && areas != nil && provider != nil && updated != nil
        return (Offer(offer), complete && !diagnostics.hasErrors, diagnostics)
    }

    static func baseName(of path: String) -> String {
        let utf8 = path.utf8
        // A `/` between two ASCII bytes is a character of its own, so the name
        // starts after it; anything rarer is left to splitting by Characters.
        if let slash = utf8.lastIndex(of: UInt8(ascii: "/")), slash != utf8.startIndex,
            utf8[utf8.index(before: slash)] < 0x80, let next = utf8.index(slash, offsetBy: 1, limitedBy: utf8.endIndex),
            next != utf8.endIndex, utf8[next] < 0x80
        {
            let name = path[next...]
            return String(name.hasSuffix(".md") ? name.dropLast(3) : name)
        }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }

    /// Warnings about body Markdown that will not appear as written.
    static func bodyNotes(_ markdown: MarkdownDocument, bodyLine: Int, file: String) -> [Diagnostic] {
        markdown.notes.map { note in
            let line = bodyLine + note.line - 1
            switch note.kind {
            case .rawHTML:
                return Diagnostic(file: file, line: line, column: note.column, severity: .warning,
                    message: "HTML im Text wird nicht veröffentlicht.",
                    hint: "Schreiben Sie Markdown statt HTML: `**fett**`, `[Linktext](https://…)`, Listen mit `- `.")
            case .topLevelHeading:
                return Diagnostic(file: file, line: line, column: note.column, severity: .warning,
                    message: "Eine Hauptüberschrift `# …` im Text doppelt den Titel der Seite.",
                    hint: "Verwenden Sie `## …` für Zwischenüberschriften; der Titel kommt aus `title`.")
            case .unsafeLink(let url):
                return Diagnostic(file: file, line: line, column: note.column, severity: .warning,
                    message: "Der Link `\(url)` wird aus Sicherheitsgründen nicht veröffentlicht.",
                    hint: "Verlinken Sie nur Adressen mit `https://`, `mailto:` oder `tel:`.")
            }
        }
    }

    // MARK: - Keys

    private static func ids(
        _ reader: inout YAMLReader, _ fields: Fields, _ key: String, vocabulary: [String]?, what: String
    ) -> [String]? {
        let node = reader.required(fields, key, hint: "Ergänzen Sie `\(key):` mit mindestens einer id\(vocabulary.map { ": \($0.joined(separator: ", "))" } ?? "").")
        guard let node, let items = reader.stringList(node, key, allowsComment: true) else { return nil }
        guard !items.isEmpty else {
            reader.error(node, "`\(key)` braucht mindestens einen Eintrag.", hint: vocabulary.map { "Gültig: \($0.joined(separator: ", "))." })
            return nil
        }
        var result: [String] = []
        var valid = true
        for (id, item) in items {
            if let vocabulary, !vocabulary.contains(id) {
                var hint = "Gültige ids (aus site.yml): \(vocabulary.joined(separator: ", "))."
                if let nearest = Spelling.nearest(to: id, in: vocabulary) { hint = "Meinten Sie `\(nearest)`? " + hint }
                reader.error(item, "\(what) `\(id)` in `\(key)`.", hint: hint)
                valid = false
            } else if !result.contains(id) {
                result.append(id)
            }
        }
        return valid ? result : nil
    }

    private static func age(_ reader: inout YAMLReader, _ node: YAMLNode?) -> AgeRange? {
        guard let node, !node.isNull, let fields = reader.fields(node, of: "`age`") else { return nil }
        reader.warnUnknownKeys(fields, known: ["min", "max"])
        let min = reader.int(fields["min"], "age.min", range: 0...120)
        let max = reader.int(fields["max"], "age.max", range: 0...120)
        if let min, let max, min > max {
            reader.error(node, "`age.min` (\(min)) ist größer als `age.max` (\(max)).", hint: "Tauschen Sie die beiden Zahlen.")
        }
        if min == nil && max == nil { return nil }
        return AgeRange(min: min, max: max)
    }

    private static func locations(_ reader: inout YAMLReader, _ node: YAMLNode?) -> [Location] {
        guard let items = reader.list(node, "locations") else { return [] }
        let known = ["name", "street", "postal_code", "city", "district", "lat", "lon", "confidential"]
        return items.compactMap { item in
            guard let fields = reader.fields(item, of: "einem Ort unter `locations`") else { return nil }
            reader.warnUnknownKeys(fields, known: known)
            var location = Location(
                name: reader.text(fields["name"], "name"),
                street: reader.text(fields["street"], "street"),
                postalCode: reader.string(fields["postal_code"], "postal_code"),
                city: reader.text(fields["city"], "city"),
                district: reader.text(fields["district"], "district"),
                latitude: reader.double(fields["lat"], "lat", range: -90...90),
                longitude: reader.double(fields["lon"], "lon", range: -180...180),
                confidential: reader.bool(fields["confidential"], "confidential") ?? false)
            if let postalCode = location.postalCode, postalCode.count != 5 || !postalCode.allSatisfy(\.isNumber) {
                reader.error(fields["postal_code"], "Die Postleitzahl `\(postalCode)` hat nicht fünf Ziffern.",
                    hint: "Setzen Sie sie in Anführungszeichen, wenn sie mit 0 beginnt: `postal_code: \"04109\"`.")
                location.postalCode = nil
            }
            if (location.latitude == nil) != (location.longitude == nil) {
                reader.error(item, "Ein Ort braucht `lat` und `lon` zusammen oder keins von beiden.",
                    hint: "Ergänzen Sie die fehlende Koordinate (z. B. aus OpenStreetMap) oder löschen Sie beide.")
            }
            if location.name == nil && location.city == nil && location.street == nil {
                reader.error(item, "Ein Ort unter `locations` braucht mindestens `name` oder `city`.",
                    hint: "Ergänzen Sie z. B. `city: Unna`.")
            }
            return location
        }
    }

    private static func contact(_ reader: inout YAMLReader, _ node: YAMLNode?) -> Contact? {
        guard let node, !node.isNull, let fields = reader.fields(node, of: "`contact`") else { return nil }
        reader.warnUnknownKeys(fields, known: ["name", "phone", "email", "website"])
        return Contact(
            name: reader.string(fields["name"], "name"),
            phone: ContactRules.phone(&reader, fields["phone"]),
            email: ContactRules.email(&reader, fields["email"]),
            website: ContactRules.website(&reader, fields["website"]))
    }

    private static func hours(_ reader: inout YAMLReader, _ node: YAMLNode?) -> [OpeningHours] {
        guard let items = reader.list(node, "hours") else { return [] }
        return items.compactMap { item in
            guard let fields = reader.fields(item, of: "einem Eintrag unter `hours`") else { return nil }
            reader.warnUnknownKeys(fields, known: ["days", "opens", "closes"])
            let days = reader.list(reader.required(fields, "days"), "days")?.compactMap { day -> Weekday? in
                reader.enumeration(day, "days", as: Weekday.self)
            }
            let opens = time(&reader, reader.required(fields, "opens"), "opens")
            let closes = time(&reader, reader.required(fields, "closes"), "closes")
            guard let days, !days.isEmpty, let opens, let closes else { return nil }
            // Hours over midnight (a night café, 20:00–02:00) close the next
            // morning; other times with `closes` first are taken for a typo.
            let overnight = closes < opens && opens >= "12:00" && closes <= "08:00"
            if closes <= opens && !overnight {
                reader.error(fields["closes"], "`closes` (\(closes)) liegt nicht nach `opens` (\(opens)).",
                    hint: "Prüfen Sie die Uhrzeiten. Über Mitternacht geht es so: `opens: \"20:00\"`, `closes: \"02:00\"` (schließt am nächsten Morgen, spätestens 08:00).")
                return nil
            }
            return OpeningHours(days: days, opens: opens, closes: closes)
        }
    }

    private static func time(_ reader: inout YAMLReader, _ node: YAMLNode?, _ key: String) -> String? {
        guard let node, let text = reader.string(node, key, allowsComment: true) else { return nil }
        if isClockTime(text) { return text }
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
            let hour = Int(parts[0]), let minute = Int(parts[1]), (0...24).contains(hour), (0...59).contains(minute),
            hour < 24 || minute == 0
        else {
            reader.error(node, "`\(key)` ist keine gültige Uhrzeit: `\(text)`.", hint: "Schreiben Sie die Uhrzeit als \"HH:MM\" in Anführungszeichen, z. B. `\"09:30\"`.")
            return nil
        }
        return text
    }

    /// Exactly `HH:MM` from 00:00 to 24:00, read from its five bytes; anything
    /// else is left to the rules above, which accept nothing more.
    private static func isClockTime(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 5, bytes[2] == UInt8(ascii: ":") else { return false }
        let digits = [bytes[0], bytes[1], bytes[3], bytes[4]].map { Int($0) - Int(UInt8(ascii: "0")) }
        guard digits.allSatisfy({ (0...9).contains($0) }) else { return false }
        let hour = digits[0] * 10 + digits[1], minute = digits[2] * 10 + digits[3]
        return minute < 60 && (hour < 24 || (hour == 24 && minute == 0))
    }

    private static func languages(_ reader: inout YAMLReader, _ node: YAMLNode?) -> [String] {
        guard let items = reader.stringList(node, "languages", allowsComment: true) else { return [] }
        return items.compactMap { code, item in
            let lowered = code.lowercased()
            guard Languages.name(of: lowered) != nil else {
                reader.error(item, "`\(code)` ist kein bekannter Sprachcode.",
                    hint: "Verwenden Sie zweibuchstabige Codes nach ISO 639-1, z. B. `de`, `en`, `tr`, `ar`, `ru`, `uk`.")
                return nil
            }
            return lowered
        }
    }
}
