// The Merkliste (shortlist): its page, and the file of what a family needs on
// paper for each offer (name, provider, phone, addresses, hours, last check),
// which templates/assets/shortlist.js reads to show and print the saved offers.
// The list itself lives only in the family's browser; the build writes no
// more than this one file, and a confidential location gives it no street.
import Foundation

extension ViewModels {
    /// The Merkliste's page.
    struct ShortlistPage: TemplateData {
        var frame: Frame
        var shortlist: ShortlistInfo

        func value(_ key: TemplateKey) -> TemplateValue {
            key == .shortlist ? .object(shortlist) : frame.value(key)
        }
    }

    /// `shortlist`: where the script finds the offers' data and pages.
    struct ShortlistInfo: TemplateData {
        var dataURL, offersURL: String
        var browse: [Link]

        func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            case .dataURL: .text(dataURL)
            case .offersURL: .text(offersURL)
            case .browse: .list(browse)
            default: .absent
            }
        }
    }

    func shortlist() -> ShortlistPage {
        ShortlistPage(
            frame: frame(
                title: "Merkliste", path: links.shortlist,
                description: "Ihre gemerkten Angebote: zum Ausdrucken, Weitergeben und Mitnehmen.",
                section: .shortlist, noindex: true),
            shortlist: ShortlistInfo(
                dataURL: links.shortlistData, offersURL: links.root + "angebote/",
                browse: [
                    Link("Angebote nach Orten", links.towns),
                    Link("Angebote nach Lebensphasen", links.lifePhases),
                    Link("Angebote nach Themen", links.areas),
                ]))
    }

    /// `{"offers": {slug: entry}}` with sorted keys: the same bytes for the same content.
    func shortlistData() -> Data {
        let entries = Dictionary(uniqueKeysWithValues: model.offers.map { ($0.slug, shortlistEntry($0)) })
        return Data(JSON.object(["offers": .object(entries)]).bytes)
    }

    func shortlistEntry(_ offer: Offer) -> JSON {
        var entry: [String: JSON] = [
            "title": .string(offer.title), "provider": .string(offer.provider),
            "updated": .string(offer.updated.description), "updatedText": .string(offer.updated.germanText),
        ]
        if let phone = offer.contact?.phone {
            entry["phone"] = .string(phone)
            entry["phoneURI"] = .string(ContactRules.telURI(phone))
        }
        let addresses = offer.locations.map(\.published).map(Self.addressLine).filter { !$0.isEmpty }
        if !addresses.isEmpty { entry["addresses"] = .array(addresses.map(JSON.string)) }
        if !offer.hours.isEmpty {
            entry["hours"] = .array(offer.hours.map { .string("\(Text.days($0.days)): \($0.opens)–\($0.closes) Uhr") })
        }
        if let note = offer.hoursNote { entry["hoursNote"] = .string(note) }
        if let status = Text.status(offer.status) { entry["status"] = .string(status) }
        return .object(entry)
    }

    /// One line for paper: "Name, Straße 1, 59425 Unna (Königsborn)". A
    /// confidential location has lost its street in `published` already and
    /// says how to reach it instead.
    static func addressLine(_ location: Location) -> String {
        var place = [location.postalCode, location.city].compactMap { $0 }.joined(separator: " ")
        if let district = location.district { place += place.isEmpty ? district : " (\(district))" }
        var line = [location.name, location.street, place.nonEmpty].compactMap { $0 }.joined(separator: ", ")
        if location.confidential {
            line += (line.isEmpty ? "" : " – ") + "Adresse wird nicht veröffentlicht, bitte anrufen"
        }
        return line
    }
}
