// The offer page: every field an offer has, and its schema.org description.
import Foundation

extension ViewModels {
    /// An offer's page.
    struct OfferPage: TemplateData {
        var frame: Frame
        var offer: OfferDetails
        var jsonLD: String

        func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            case .offer: .object(offer)
            case .jsonLD: .text(jsonLD)
            default: frame.value(key)
            }
        }
    }

    /// `offer`: every field of the offer, in words.
    final class OfferDetails: TemplateData, Sendable {
        let title, summary, body, provider, place, updated, updatedText, slug: String
        let countyWide: Bool
        let phases, areas, towns: [NamedLink]
        let status, age, access, registration, hoursNote, cost, languages, topics: String?
        let draft: Bool
        let hours: [HoursRow]
        let openNow: OpenNow?
        let locationsHeading: String
        let locations: [PlaceInfo]
        let contact: ContactInfo?

        init(
            title: String, summary: String, body: String, provider: String, place: String, updated: String,
            updatedText: String, slug: String, countyWide: Bool, phases: [NamedLink], areas: [NamedLink],
            towns: [NamedLink], status: String? = nil, age: String? = nil, access: String? = nil,
            registration: String? = nil, hoursNote: String? = nil, cost: String? = nil, languages: String? = nil,
            topics: String? = nil, draft: Bool, hours: [HoursRow], openNow: OpenNow? = nil, locationsHeading: String,
            locations: [PlaceInfo], contact: ContactInfo? = nil
        ) {
            self.title = title
            self.summary = summary
            self.body = body
            self.provider = provider
            self.place = place
            self.updated = updated
            self.updatedText = updatedText
            self.slug = slug
            self.countyWide = countyWide
            self.phases = phases
            self.areas = areas
            self.towns = towns
            self.status = status
            self.age = age
            self.access = access
            self.registration = registration
            self.hoursNote = hoursNote
            self.cost = cost
            self.languages = languages
            self.topics = topics
            self.draft = draft
            self.hours = hours
            self.openNow = openNow
            self.locationsHeading = locationsHeading
            self.locations = locations
            self.contact = contact
        }

        func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            case .title: .text(title)
            case .summary: .text(summary)
            case .body: .text(body)
            case .provider: .text(provider)
            case .place: .text(place)
            case .countyWide: .bool(countyWide)
            case .updated: .text(updated)
            case .updatedText: .text(updatedText)
            case .phases: .list(phases)
            case .areas: .list(areas)
            case .towns: .list(towns)
            case .slug: .text(slug)
            case .status: TemplateValue(status)
            case .draft: .flag(draft)
            case .age: TemplateValue(age)
            case .access: TemplateValue(access)
            case .registration: TemplateValue(registration)
            case .hoursNote: TemplateValue(hoursNote)
            case .cost: TemplateValue(cost)
            case .languages: TemplateValue(languages)
            case .topics: TemplateValue(topics)
            case .hasHours: .flag(!hours.isEmpty)
            case .hours: hours.isEmpty ? .absent : .list(hours)
            case .openNow: TemplateValue(openNow)
            case .hasLocations: .flag(!locations.isEmpty)
            case .locationsHeading: locations.isEmpty ? .absent : .text(locationsHeading)
            case .locations: locations.isEmpty ? .absent : .list(locations)
            case .contact: TemplateValue(contact)
            default: .absent
            }
        }
    }

    /// A row of opening hours.
    final class HoursRow: TemplateData, Sendable {
        let days, daysLong, opens, closes: String

        init(days: String, daysLong: String, opens: String, closes: String) {
            self.days = days
            self.daysLong = daysLong
            self.opens = opens
            self.closes = closes
        }

        func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            case .days: .text(days)
            case .daysLong: .text(daysLong)
            case .opens: .text(opens)
            case .closes: .text(closes)
            default: .absent
            }
        }
    }

    /// A location as published: a confidential one has no street and no map.
    final class PlaceInfo: TemplateData, Sendable {
        let name, street, city, district, mapURL: String?
        let confidential: Bool

        init(
            name: String? = nil, street: String? = nil, city: String? = nil, district: String? = nil,
            mapURL: String? = nil, confidential: Bool
        ) {
            self.name = name
            self.street = street
            self.city = city
            self.district = district
            self.mapURL = mapURL
            self.confidential = confidential
        }

        func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            case .name: TemplateValue(name)
            case .street: TemplateValue(street)
            case .city: TemplateValue(city)
            case .district: TemplateValue(district)
            case .confidential: .flag(confidential)
            case .mapURL: TemplateValue(mapURL)
            default: .absent
            }
        }
    }

    final class ContactInfo: TemplateData, Sendable {
        let name, website: String?
        let phone, email: ContactLink?

        init(name: String? = nil, website: String? = nil, phone: ContactLink? = nil, email: ContactLink? = nil) {
            self.name = name
            self.website = website
            self.phone = phone
            self.email = email
        }

        func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            case .name: TemplateValue(name)
            case .phone: TemplateValue(phone)
            case .email: TemplateValue(email)
            case .website: TemplateValue(website)
            default: .absent
            }
        }
    }

    func offer(_ offer: Offer, html: String) -> OfferPage {
        let path = links.offer(offer.slug)
        var breadcrumbs: [(String, String)] = [("Orte", links.towns)]
        if let first = offer.municipalities.first, let town = model.municipality(first) {
            breadcrumbs.append((town.name, links.town(town.id)))
        }
        return OfferPage(
            frame: frame(title: offer.title, path: path, description: offer.summary, section: .offer, breadcrumbs: breadcrumbs),
            offer: offerDetails(offer, html: html), jsonLD: jsonLD(offer))
    }

    private func offerDetails(_ offer: Offer, html: String) -> OfferDetails {
        var cost: String?
        if offer.free == true {
            cost = offer.cost.map { "kostenlos (\($0))" } ?? "kostenlos"
        } else if let text = offer.cost {
            cost = text
        }
        let locations = offer.locations.map(\.published)
        var contact: ContactInfo? = ContactInfo(
            name: offer.contact?.name, website: offer.contact?.website,
            phone: offer.contact?.phone.map { ContactLink(text: $0, uri: ContactRules.telURI($0)) },
            email: offer.contact?.email.map { ContactLink(text: $0, uri: "mailto:" + $0) })
        if contact?.name == nil, contact?.website == nil, contact?.phone == nil, contact?.email == nil { contact = nil }
        return OfferDetails(
            title: offer.title, summary: offer.summary, body: html, provider: offer.provider, place: place(of: offer),
            updated: offer.updated.description, updatedText: offer.updated.germanText,
            slug: offer.slug,  // the Merkliste button's key
            countyWide: model.isCountyWide(offer),
            phases: offer.lifePhases.compactMap { id in model.lifePhase(id).map { NamedLink(name: $0.name, url: links.lifePhase(id)) } },
            areas: offer.areas.compactMap { id in model.area(id).map { NamedLink(name: $0.name, url: links.area(id)) } },
            towns: offer.municipalities.compactMap { id in model.municipality(id).map { NamedLink(name: $0.name, url: links.town(id)) } },
            status: Text.status(offer.status), age: Text.age(offer.age), access: Text.access(offer.accessible),
            registration: offer.registration, hoursNote: offer.hoursNote, cost: cost,
            languages: offer.languages.isEmpty ? nil : Text.list(offer.languages.map { Languages.name(of: $0) ?? $0 }),
            topics: offer.topics.isEmpty ? nil : offer.topics.joined(separator: ", "),
            draft: offer.draft,
            hours: offer.hours.map { hours in
                HoursRow(
                    days: Text.days(hours.days), daysLong: hours.days.sorted().map(\.name).joined(separator: ", "),
                    opens: hours.opens, closes: hours.closes)
            },
            openNow: offer.hours.isEmpty ? nil : openNowData(OpenAndNear.hours(of: offer)),
            locationsHeading: locations.count == 1 ? "Adresse" : "Adressen",
            locations: locations.map { location in
                var mapURL: String?
                if let lat = location.latitude, let lon = location.longitude {
                    mapURL = "https://www.openstreetmap.org/?mlat=\(coordinate(lat))&mlon=\(coordinate(lon))#map=17/\(coordinate(lat))/\(coordinate(lon))"
                }
                return PlaceInfo(
                    name: location.name, street: location.street,
                    city: [location.postalCode, location.city].compactMap { $0 }.joined(separator: " ").nonEmpty,
                    district: location.district, mapURL: mapURL, confidential: location.confidential)
            },
            contact: contact)
    }

    /// schema.org JSON-LD, safe to embed in a `<script>` element.
    /// The offer as schema.org's `Service`, for search engines; members
    /// in key order, as the JSON writer sorts them.
    func jsonLD(_ offer: Offer) -> String {
        var json = JSONWriter(capacity: 2048)
        json.object { json in
            json.member("@context", "https://schema.org")
            json.member("@type", "Service")
            json.member("areaServed")
            json.array { json in
                for town in offer.municipalities.compactMap({ model.municipality($0) }) {
                    json.element()
                    json.object { json in
                        json.member("@type", town.countyWide ? "AdministrativeArea" : "City")
                        json.member("name", town.name)
                    }
                }
            }
            if let age = offer.age {
                json.member("audience")
                json.object { json in
                    json.member("@type", "PeopleAudience")
                    if let max = age.max { json.member("suggestedMaxAge", max) }
                    if let min = age.min { json.member("suggestedMinAge", min) }
                }
            }
            if !offer.locations.isEmpty {
                json.member("availableChannel")
                json.object { json in
                    json.member("@type", "ServiceChannel")
                    json.member("serviceLocation")
                    json.array { json in
                        for location in offer.locations.map(\.published) {
                            json.element()
                            place(location, into: &json)
                        }
                    }
                }
            }
            if !offer.languages.isEmpty { json.member("availableLanguage", strings: offer.languages) }
            json.member("dateModified", offer.updated.description)
            json.member("description", offer.summary)
            if !offer.hours.isEmpty {
                json.member("hoursAvailable")
                json.array { json in
                    for hours in offer.hours {
                        json.element()
                        json.object { json in
                            json.member("@type", "OpeningHoursSpecification")
                            json.member("closes", hours.closes)
                            json.member("dayOfWeek", strings: hours.days.sorted().map { "https://schema.org/\($0.schemaName)" })
                            json.member("opens", hours.opens)
                        }
                    }
                }
            }
            if let id = offer.id { json.member("identifier", id) }
            if offer.free == true { json.member("isAccessibleForFree", true) }
            if !offer.topics.isEmpty { json.member("keywords", offer.topics.joined(separator: ", ")) }
            json.member("name", offer.title)
            json.member("provider")
            json.object { json in
                json.member("@type", "Organization")
                if let email = offer.contact?.email { json.member("email", email) }
                json.member("name", offer.provider)
                if let phone = offer.contact?.phone { json.member("telephone", phone) }
                if let website = offer.contact?.website { json.member("url", website) }
            }
            json.member("serviceType", strings: offer.areas.compactMap { model.area($0)?.name })
            json.member("url", links.absolute(links.offer(offer.slug)))
        }
        return String(decoding: json.bytes, as: UTF8.self)
    }

    /// A location as schema.org's `Place` (a confidential one as published: name and city).
    private func place(_ location: Location, into json: inout JSONWriter) {
        json.object { json in
            json.member("@type", "Place")
            json.member("address")
            json.object { json in
                json.member("@type", "PostalAddress")
                json.member("addressCountry", "DE")
                if let city = location.city { json.member("addressLocality", city) }
                if let postalCode = location.postalCode { json.member("postalCode", postalCode) }
                if let street = location.street { json.member("streetAddress", street) }
            }
            if let latitude = location.latitude, let longitude = location.longitude {
                json.member("geo")
                json.object { json in
                    json.member("@type", "GeoCoordinates")
                    json.member("latitude", latitude)
                    json.member("longitude", longitude)
                }
            }
            if let name = location.name { json.member("name", name) }
        }
    }

    private func coordinate(_ value: Double) -> String {
        String(format: "%.5f", value)
    }
}
