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
        var provider: [String: Any] = ["@type": "Organization", "name": offer.provider]
        if let phone = offer.contact?.phone { provider["telephone"] = phone }
        if let email = offer.contact?.email { provider["email"] = email }
        if let website = offer.contact?.website { provider["url"] = website }

        var service: [String: Any] = [
            "@context": "https://schema.org",
            "@type": "Service",
            "name": offer.title,
            "description": offer.summary,
            "url": links.absolute(links.offer(offer.slug)),
            "provider": provider,
            "dateModified": offer.updated.description,
            "areaServed": offer.municipalities.compactMap { model.municipality($0) }.map { town -> [String: Any] in
                town.countyWide
                    ? ["@type": "AdministrativeArea", "name": town.name]
                    : ["@type": "City", "name": town.name]
            },
            "serviceType": offer.areas.compactMap { model.area($0)?.name },
        ]
        if let id = offer.id { service["identifier"] = id }
        if offer.free == true { service["isAccessibleForFree"] = true }
        if !offer.languages.isEmpty { service["availableLanguage"] = offer.languages }
        if !offer.topics.isEmpty { service["keywords"] = offer.topics.joined(separator: ", ") }
        if let age = offer.age {
            var audience: [String: Any] = ["@type": "PeopleAudience"]
            if let min = age.min { audience["suggestedMinAge"] = min }
            if let max = age.max { audience["suggestedMaxAge"] = max }
            service["audience"] = audience
        }
        if !offer.hours.isEmpty {
            service["hoursAvailable"] = offer.hours.map { hours -> [String: Any] in
                [
                    "@type": "OpeningHoursSpecification",
                    "dayOfWeek": hours.days.sorted().map { "https://schema.org/\($0.schemaName)" },
                    "opens": hours.opens, "closes": hours.closes,
                ]
            }
        }
        let places = offer.locations.map(\.published).map { location -> [String: Any] in
            var address: [String: Any] = ["@type": "PostalAddress", "addressCountry": "DE"]
            if let street = location.street { address["streetAddress"] = street }
            if let postalCode = location.postalCode { address["postalCode"] = postalCode }
            if let city = location.city { address["addressLocality"] = city }
            var place: [String: Any] = ["@type": "Place", "address": address]
            if let name = location.name { place["name"] = name }
            if let lat = location.latitude, let lon = location.longitude {
                place["geo"] = ["@type": "GeoCoordinates", "latitude": lat, "longitude": lon]
            }
            return place
        }
        if !places.isEmpty {
            service["availableChannel"] = ["@type": "ServiceChannel", "serviceLocation": places]
        }
        let data = try! JSONSerialization.data(withJSONObject: service, options: [.sortedKeys, .withoutEscapingSlashes])
        // `<` escaped so that no text can close the script element.
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
    }

    private func coordinate(_ value: Double) -> String {
        String(format: "%.5f", value)
    }
}
