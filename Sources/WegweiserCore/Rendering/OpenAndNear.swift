// What the pages and the search index hand to the browser for "open now" and
// "near me": opening hours as minutes, the published coordinates of an
// offer's locations, the municipalities' centres and the site's time zone and
// holidays. The time logic itself runs in the browser
// (templates/assets/hours.js), since "now" is the family's moment, not the build's.

import WegweiserSearch

enum OpenAndNear {
    static func hours(of offer: Offer) -> [SearchHours] {
        offer.hours.compactMap { hours in
            guard let opens = minutes(hours.opens), let closes = minutes(hours.closes) else { return nil }
            let days = hours.days.reduce(0) { $0 | 1 << Weekday.allCases.firstIndex(of: $1)! }
            return SearchHours(days: days, opens: opens, closes: closes)
        }
    }

    /// Only published locations: a confidential one has no coordinates to give.
    static func points(of offer: Offer) -> [SearchPoint] {
        offer.locations.map(\.published).compactMap { location in
            guard !location.confidential, let latitude = location.latitude, let longitude = location.longitude
            else { return nil }
            var names = [location.city, location.district, location.postalCode].compactMap { $0 }
            if let city = location.city, let district = location.district { names.append(city + " " + district) }
            return SearchPoint(latitude: latitude, longitude: longitude, names: names)
        }
    }

    static func centers(of site: SiteConfig) -> [SearchPlace] {
        site.municipalities.compactMap { town in
            town.center.map { SearchPlace(names: [town.name, town.id], latitude: $0.latitude, longitude: $0.longitude) }
        }
    }

    /// "09:30" → 570; "24:00" → 1440.
    static func minutes(_ time: String) -> Int? {
        let parts = time.split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]) else { return nil }
        return hour * 60 + minute
    }

    /// Hours as the offer page's `data-hours`: `days,opens,closes,…`.
    static func hoursAttribute(_ hours: [SearchHours]) -> String {
        hours.map { "\($0.days),\($0.opens),\($0.closes)" }.joined(separator: ",")
    }

    /// The holidays as the scripts read them (`data-holidays`): `01-01 -2 1 …`.
    static func holidaysAttribute(_ site: SiteConfig) -> String {
        (site.holidayState.flatMap(Holidays.rules(for:)) ?? []).map(\.code).joined(separator: " ")
    }
}

extension ViewModels {
    /// `openNow`: what hours.js reads from a page.
    struct OpenNow: TemplateData {
        var timeZone, holidays: String
        var hours: String?

        func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            case .timeZone: .text(timeZone)
            case .holidays: .text(holidays)
            case .hours: TemplateValue(hours)
            default: .absent
            }
        }
    }

    /// What hours.js reads from a page: the site's time zone and holidays and,
    /// on an offer page, the offer's hours (`data-open-hours`).
    func openNowData(_ hours: [SearchHours]?) -> OpenNow {
        OpenNow(
            timeZone: model.site.timeZone, holidays: holidays,
            hours: hours.map(OpenAndNear.hoursAttribute))
    }
}
