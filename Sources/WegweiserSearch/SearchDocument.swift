// The contract between the site generator and the search index: what the
// generator hands over for each published offer, and the files it gets back.

/// One published offer as the search index sees it. Confidential addresses,
/// drafts and inactive offers never reach this type.
public struct SearchDocument: Sendable, Equatable {
    /// URL path of the offer page, e.g. `/angebote/hebammenhilfe-unna/`.
    public var url: String
    public var title: String
    public var summary: String
    public var topics: [String]
    /// The Markdown body as plain text (no markup).
    public var body: String
    /// Display label of the towns, e.g. "Unna" or "Kreis Unna (kreisweit)".
    public var place: String
    /// Municipality ids the offer is filed under, as in site.yml.
    public var municipalities: [String]
    /// True when the offer is filed under a county-wide municipality: it then
    /// counts for every town's filter.
    public var countyWide: Bool
    public var lifePhases: [String]
    public var areas: [String]
    public var free: Bool
    /// ISO 639-1 codes.
    public var languages: [String]
    /// `yes`, `partly`, `no`, or nil when unknown.
    public var accessible: String?
    /// Opening hours for "open now"; nil or empty when the offer names none.
    public var hours: [SearchHours]?
    /// Published locations with coordinates, for "near me". Never a confidential one.
    public var points: [SearchPoint]?

    public init(
        url: String, title: String, summary: String, topics: [String], body: String,
        place: String, municipalities: [String], countyWide: Bool, lifePhases: [String],
        areas: [String], free: Bool, languages: [String], accessible: String?
    ) {
        self.url = url
        self.title = title
        self.summary = summary
        self.topics = topics
        self.body = body
        self.place = place
        self.municipalities = municipalities
        self.countyWide = countyWide
        self.lifePhases = lifePhases
        self.areas = areas
        self.free = free
        self.languages = languages
        self.accessible = accessible
    }
}

/// An entry of one of the site's closed vocabularies, in site.yml order.
public struct SearchFacetValue: Sendable, Equatable {
    public var id: String
    public var name: String
    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// The vocabularies the search page filters by.
public struct SearchVocabularies: Sendable, Equatable {
    /// Towns that are not county-wide.
    public var towns: [SearchFacetValue]
    public var lifePhases: [SearchFacetValue]
    public var areas: [SearchFacetValue]
    /// Municipality centres: where a typed town name points when no location there has coordinates.
    public var centers: [SearchPlace]?
    public init(towns: [SearchFacetValue], lifePhases: [SearchFacetValue], areas: [SearchFacetValue]) {
        self.towns = towns
        self.lifePhases = lifePhases
        self.areas = areas
    }
}

// Codable so that tools and tests can read documents and vocabularies from JSON
// (the benchmark's corpus, the search fixtures).
extension SearchDocument: Codable {}
extension SearchFacetValue: Codable {}
extension SearchVocabularies: Codable {}
