// The site's settings and its three closed vocabularies, as read from site.yml.

public struct SiteConfig: Sendable, Equatable {
    public var title: String
    public var tagline: String?
    /// Always ends with `/`.
    public var baseURL: String
    public var language: String
    /// Intro for the home page and the default meta description.
    public var description: String?
    /// A short notice shown on every page (e.g. "all data are examples").
    public var notice: String?
    public var municipalities: [Municipality]
    public var lifePhases: [LifePhase]
    public var areas: [Area]
    /// IANA zone the opening hours are meant in (`timezone`, default Europe/Berlin).
    public var timeZone: String = "Europe/Berlin"
    /// The state whose public holidays close offers (`holidays: nw`), or nil for none.
    public var holidayState: String?
    /// For the addresses of the open-data export (HSDS `state_province`,
    /// `country`): e.g. `Nordrhein-Westfalen`, `DE` (the default).
    public var state: String?
    public var country: String?
    /// After how many months an offer's `updated` date calls for a review.
    public var reviewAfterMonths: Int = 12

    /// The path part of `baseURL`, e.g. `/` or `/familien/`: every link starts with it.
    public var rootPath: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let rest = baseURL[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }

    public var towns: [Municipality] { municipalities.filter { !$0.countyWide } }
}

public struct Municipality: Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var description: String?
    /// Offers filed under a county-wide municipality are listed in every town.
    public var countyWide: Bool
    public var youthOffice: YouthOffice?
    /// Where "near Unna" means when no location in the town has coordinates.
    public var center: GeoPoint? = nil
}

public struct GeoPoint: Sendable, Equatable {
    public var latitude: Double
    public var longitude: Double
}

public struct YouthOffice: Sendable, Equatable {
    public var name: String
    public var phone: String?
    public var email: String?
    public var website: String?
    public var street: String?
    public var postalCode: String?
    public var city: String?
}

public struct LifePhase: Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var ages: String?
    public var description: String?
}

public struct Area: Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var description: String?
}
