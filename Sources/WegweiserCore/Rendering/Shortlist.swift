// The Merkliste (shortlist): its page, and the file of what a family needs on
// paper for each offer (name, provider, phone, addresses, hours, last check),
// which templates/assets/shortlist.js reads to show and print the saved offers.
// The list itself lives only in the family's browser; the build writes no
// more than this one file, and a confidential location gives it no street.
import Foundation
import WegweiserSearch

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

    /// `{"offers": {slug: entry}}` with sorted keys: the same bytes for the
    /// same content. Written member by member (slugs in byte order, an
    /// entry's keys in order): it holds every offer.
    func shortlistData() -> Data {
        let offers = model.offers.sorted { scalarOrder($0.slug, $1.slug) }
        var json = JSONWriter(capacity: 512 * offers.count)
        json.object { json in
            json.member("offers")
            json.object { json in
                for offer in offers {
                    json.member(offer.slug)
                    shortlistEntry(offer, into: &json)
                }
            }
        }
        return Data(json.bytes)
    }

    private func shortlistEntry(_ offer: Offer, into json: inout JSONWriter) {
        json.object { json in
            let addresses = offer.locations.map(\.published).map(Self.addressLine).filter { !$0.isEmpty }
            if !addresses.isEmpty { json.member("addresses", strings: addresses) }
            if !offer.hours.isEmpty {
                json.member("hours", strings: offer.hours.lazy.map { "\(Text.days($0.days)): \($0.opens)–\($0.closes) Uhr" })
            }
            if let note = offer.hoursNote { json.member("hoursNote", note) }
            if let phone = offer.contact?.phone {
                json.member("phone", phone)
                json.member("phoneURI", ContactRules.telURI(phone))
            }
            json.member("provider", offer.provider)
            if let status = Text.status(offer.status) { json.member("status", status) }
            json.member("title", offer.title)
            json.member("updated", offer.updated.description)
            json.member("updatedText", offer.updated.germanText)
        }
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
