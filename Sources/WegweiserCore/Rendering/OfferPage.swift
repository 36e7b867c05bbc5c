// The offer page: every field an offer has, and its schema.org description.
import Foundation

extension ViewModels {
    func offer(_ offer: Offer, html: String) -> ViewModel {
        let path = links.offer(offer.slug)
        var breadcrumbs: [(String, String)] = [("Orte", links.towns)]
        if let first = offer.municipalities.first, let town = model.municipality(first) {
            breadcrumbs.append((town.name, links.town(town.id)))
        }
        var view = frame(title: offer.title, path: path, description: offer.summary, section: .offer, breadcrumbs: breadcrumbs)
        view["offer"] = offerDetails(offer, html: html)
        view["jsonLD"] = jsonLD(offer)
        return view
    }

    private func offerDetails(_ offer: Offer, html: String) -> ViewModel {
        var details: ViewModel = [
            "title": offer.title, "summary": offer.summary, "body": html, "provider": offer.provider,
            "place": place(of: offer), "countyWide": model.isCountyWide(offer),
            "updated": offer.updated.description, "updatedText": offer.updated.germanText,
            "phases": offer.lifePhases.compactMap { id in model.lifePhase(id).map { ["name": $0.name, "url": links.lifePhase(id)] } },
            "areas": offer.areas.compactMap { id in model.area(id).map { ["name": $0.name, "url": links.area(id)] } },
            "towns": offer.municipalities.compactMap { id in model.municipality(id).map { ["name": $0.name, "url": links.town(id)] } },
        ]
        details["status"] = Text.status(offer.status)
        details["draft"] = offer.draft ? true : nil
        details["age"] = Text.age(offer.age)
        details["access"] = Text.access(offer.accessible)
        details["registration"] = offer.registration
        details["hoursNote"] = offer.hoursNote
        if offer.free == true {
            details["cost"] = offer.cost.map { "kostenlos (\($0))" } ?? "kostenlos"
        } else if let cost = offer.cost {
            details["cost"] = cost
        }
        if !offer.languages.isEmpty {
            details["languages"] = Text.list(offer.languages.map { Languages.name(of: $0) ?? $0 })
        }
        if !offer.topics.isEmpty { details["topics"] = offer.topics.joined(separator: ", ") }
        if !offer.hours.isEmpty {
            details["hasHours"] = true
            details["hours"] = offer.hours.map { hours -> ViewModel in
                [
                    "days": Text.days(hours.days),
                    "daysLong": hours.days.sorted().map(\.name).joined(separator: ", "),
                    "opens": hours.opens, "closes": hours.closes,
                ]
            }
            details["openNow"] = openNowData(OpenAndNear.hours(of: offer))
        }
        let locations = offer.locations.map(\.published)
        if !locations.isEmpty {
            details["hasLocations"] = true
            details["locationsHeading"] = locations.count == 1 ? "Adresse" : "Adressen"
            details["locations"] = locations.map { location -> ViewModel in
                var item: ViewModel = [:]
                item["name"] = location.name
                item["street"] = location.street
                item["city"] = [location.postalCode, location.city].compactMap { $0 }.joined(separator: " ").nonEmpty
                item["district"] = location.district
                if location.confidential { item["confidential"] = true }
                if let lat = location.latitude, let lon = location.longitude {
                    item["mapURL"] = "https://www.openstreetmap.org/?mlat=\(coordinate(lat))&mlon=\(coordinate(lon))#map=17/\(coordinate(lat))/\(coordinate(lon))"
                }
                return item
            }
        }
        var contact: ViewModel = [:]
        if let person = offer.contact?.name { contact["name"] = person }
        if let phone = offer.contact?.phone { contact["phone"] = ["text": phone, "uri": ContactRules.telURI(phone)] }
        if let email = offer.contact?.email { contact["email"] = ["text": email, "uri": "mailto:" + email] }
        if let website = offer.contact?.website { contact["website"] = website }
        if !contact.isEmpty { details["contact"] = contact }
        return details
    }

    /// schema.org JSON-LD, safe to embed in a `<script>` element.
    func jsonLD(_ offer: Offer) -> String {
        var provider: [String: JSON] = ["@type": "Organization", "name": .string(offer.provider)]
        if let phone = offer.contact?.phone { provider["telephone"] = .string(phone) }
        if let email = offer.contact?.email { provider["email"] = .string(email) }
        if let website = offer.contact?.website { provider["url"] = .string(website) }

        var service: [String: JSON] = [
            "@context": "https://schema.org",
            "@type": "Service",
            "name": .string(offer.title),
            "description": .string(offer.summary),
            "url": .string(links.absolute(links.offer(offer.slug))),
            "provider": .object(provider),
            "dateModified": .string(offer.updated.description),
            "areaServed": .array(offer.municipalities.compactMap { model.municipality($0) }.map { town in
                [
                    "@type": town.countyWide ? "AdministrativeArea" : "City",
                    "name": .string(town.name),
                ]
            }),
            "serviceType": .array(offer.areas.compactMap { model.area($0)?.name }.map(JSON.string)),
        ]
        if let id = offer.id { service["identifier"] = .string(id) }
        if offer.free == true { service["isAccessibleForFree"] = .bool(true) }
        if !offer.languages.isEmpty { service["availableLanguage"] = .array(offer.languages.map(JSON.string)) }
        if !offer.topics.isEmpty { service["keywords"] = .string(offer.topics.joined(separator: ", ")) }
        if let age = offer.age {
            var audience: [String: JSON] = ["@type": "PeopleAudience"]
            if let min = age.min { audience["suggestedMinAge"] = .int(min) }
            if let max = age.max { audience["suggestedMaxAge"] = .int(max) }
            service["audience"] = .object(audience)
        }
        if !offer.hours.isEmpty {
            service["hoursAvailable"] = .array(offer.hours.map { hours in
                [
                    "@type": "OpeningHoursSpecification",
                    "dayOfWeek": .array(hours.days.sorted().map { .string("https://schema.org/\($0.schemaName)") }),
                    "opens": .string(hours.opens), "closes": .string(hours.closes),
                ]
            })
        }
        let places = offer.locations.map(\.published).map { location -> JSON in
            var address: [String: JSON] = ["@type": "PostalAddress", "addressCountry": "DE"]
            if let street = location.street { address["streetAddress"] = .string(street) }
            if let postalCode = location.postalCode { address["postalCode"] = .string(postalCode) }
            if let city = location.city { address["addressLocality"] = .string(city) }
            var place: [String: JSON] = ["@type": "Place", "address": .object(address)]
            if let name = location.name { place["name"] = .string(name) }
            if let lat = location.latitude, let lon = location.longitude {
                place["geo"] = ["@type": "GeoCoordinates", "latitude": .double(lat), "longitude": .double(lon)]
            }
            return .object(place)
        }
        if !places.isEmpty {
            service["availableChannel"] = ["@type": "ServiceChannel", "serviceLocation": .array(places)]
        }
        return JSON.object(service).text
    }

    private func coordinate(_ value: Double) -> String {
        String(format: "%.5f", value)
    }
}
