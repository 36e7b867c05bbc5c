// What the index holds, before it becomes JSON: records in title order, the
// term dictionary with BM25F-scored postings (compound parts included), and
// the facet bit columns. Pure values, built from the documents alone.

import Foundation

struct SearchIndexModel: Sendable, Equatable {
    /// What a result shows. Only these four texts of a document leave the build.
    struct Record: Sendable, Equatable {
        var url: String
        var title: String
        var place: String
        var summary: String
    }

    struct Facet: Sendable, Equatable {
        /// The URL parameter that filters by it: ort, phase, thema, kosten, sprache, zugang.
        var key: String
        var values: [SearchFacetValue]
        /// `ceil(values / 6)` base64url characters per document, in document
        /// order; bit `v % 6` of character `v / 6` says the document has value `v`.
        var bits: String
    }

    var records: [Record]
    /// Sorted by Unicode scalars (JavaScript sorts the same way for the BMP).
    var terms: [String]
    /// Per term: document id deltas and scores, interleaved: `[Δid, score, Δid, score, …]`.
    var postings: [[Int]]
    var facets: [Facet]
    /// Per document in record order: opening hours and published coordinates.
    var hours: [[SearchHours]] = []
    var points: [[SearchPoint]] = []
    /// Folded place names (one each) and their points, sorted by name.
    var places: [SearchPlace] = []

    init(documents: [SearchDocument], vocabularies: SearchVocabularies, dictionary: CompoundDictionary? = nil) {
        // Each key made once, not in every comparison; the positions are
        // sorted, so a document is copied once, not moved about in pairs.
        let keys = documents.concurrentMap { $0.sortKey }
        let ordered = documents.indices
            .sorted { (keys[$0], documents[$0].url) < (keys[$1], documents[$1].url) }
            .map { documents[$0] }
        records = ordered.map {
            Record(url: $0.url, title: $0.title, place: $0.place, summary: $0.summary)
        }
        facets = FacetColumns.facets(for: ordered, vocabularies: vocabularies)
        let scored = Scoring.postings(for: ordered, vocabularies: vocabularies, dictionary: dictionary)
        terms = scored.map(\.term)
        postings = scored.map(\.postings)
        hours = ordered.map { $0.hours ?? [] }
        points = ordered.map { $0.points ?? [] }
        places = Gazetteer.places(documents: ordered, centers: vocabularies.centers ?? [])
    }
}

extension SearchDocument {
    /// Documents are listed by title when there is no query to rank them.
    var sortKey: String { Tokenizer.words(title).joined(separator: " ") }
}

/// BM25F over the fields of a document, with parts of compound words counted
/// as weaker occurrences of the part. The index stores each document's
/// saturated term weight; the idf is the script's, computed per query word
/// over every document the word matches, prefixes and typos included, so
/// that a rare longer word ("fruhforderung") found by prefix does not outrank
/// the word itself ("fruh").
enum Scoring {
    /// Field weights: the title counts most, the body least. `locations`
    /// (name, district and city of each place the offer is held) weighs as
    /// the summary: where an offer is matters more than the town labels,
    /// which list every town for a county-wide offer, and less than what it is.
    enum Field: Int, CaseIterable {
        case title, topics, summary, labels, body, locations

        var weight: Double {
            switch self {
            case .title: 5
            case .topics: 3
            case .summary: 2
            case .labels: 1
            case .body: 1
            case .locations: 2
            }
        }

        /// BM25's b: how much a field's length dilutes a word in it. Title
        /// and topics are short and say what an offer is; a longer title
        /// ("Griffbereit und Rucksack – Sprachförderung mit Eltern in Kita und
        /// Familienzentrum") is more precise, not wordier, so it is
        /// normalised less than running text. An offer with three places
        /// is no less at each of them, so their text is normalised by half.
        var lengthNormalisation: Double {
            switch self {
            case .title, .topics: 0.3
            case .summary, .labels, .body: 0.75
            case .locations: 0.5
            }
        }
    }

    static let k1 = 1.2
    /// A part of a compound ("beratung" in "erziehungsberatung") counts this much of a word.
    static let compoundPartWeight = 0.5
    /// Weights are stored as integers: weight × this, at least 1. The
    /// saturated weight lies below k1 + 1, so a stored weight has two digits.
    static let scoreScale = 32.0
    /// Parts of compounds are looked for from this many letters into the word…
    static let minimumCompoundHead = 3
    /// …and must be words of the index of at least this many letters.
    static let minimumCompoundPart = 4

    /// The text of each field. `labels` holds the names of the document's
    /// towns, life phases and areas, so "hebamme lünen" works without the
    /// filter; `locations` the published names, districts and cities of its
    /// places, so "rünthe" finds what is held in Rünthe.
    static func fieldTexts(of document: SearchDocument, vocabularies: SearchVocabularies) -> [String] {
        let towns = document.countyWide
            ? vocabularies.towns.map(\.name)
            : vocabularies.towns.filter { document.municipalities.contains($0.id) }.map(\.name)
        let phases = vocabularies.lifePhases.filter { document.lifePhases.contains($0.id) }.map(\.name)
        let areas = vocabularies.areas.filter { document.areas.contains($0.id) }.map(\.name)
        let labels = ([document.place] + towns + phases + areas).joined(separator: " ")
        return [
            document.title, document.topics.joined(separator: " "), document.summary, labels, document.body,
            document.locations.joined(separator: ", "),
        ]
    }
}

/// Orders strings by Unicode scalar values, as JavaScript compares code points
/// for text without surrogate pairs; never by locale.
/// UTF-8 keeps that order, so the bytes are compared: with one `memcmp` where
/// both strings hold their bytes in one piece (native strings do) rather than
/// by walking two `UTF8View`s (the JSON writer sorts every object's keys so).
public func scalarOrder(_ left: String, _ right: String) -> Bool {
    let contiguous = left.utf8.withContiguousStorageIfAvailable { leftBytes in
        right.utf8.withContiguousStorageIfAvailable { rightBytes in bytesPrecede(leftBytes, rightBytes) }
    }
    if let contiguous, let order = contiguous { return order }
    return left.utf8.lexicographicallyPrecedes(right.utf8)
}

/// Whether `left` comes before `right` in byte order (a prefix first).
public func bytesPrecede(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
    let common = min(left.count, right.count)
    if common > 0 {
        let order = memcmp(left.baseAddress!, right.baseAddress!, common)
        if order != 0 { return order < 0 }
    }
    return left.count < right.count
}

/// The facets as bit columns, one per filter parameter of the search page.
enum FacetColumns {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    static func facets(for documents: [SearchDocument], vocabularies: SearchVocabularies) -> [SearchIndexModel.Facet] {
        let languageCodes = Set(documents.flatMap(\.languages)).sorted()
        let languages = languageCodes
            .map { SearchFacetValue(id: $0, name: languageNames[$0] ?? $0.uppercased()) }
            .sorted { languageOrder($0) < languageOrder($1) }
        return [
            facet("ort", vocabularies.towns, documents) { document, town in
                document.countyWide || document.municipalities.contains(town)
            },
            facet("phase", vocabularies.lifePhases, documents) { $0.lifePhases.contains($1) },
            facet("thema", vocabularies.areas, documents) { $0.areas.contains($1) },
            facet("kosten", [SearchFacetValue(id: "frei", name: "kostenlos")], documents) { document, _ in
                document.free
            },
            facet("sprache", languages, documents) { $0.languages.contains($1) },
            facet("zugang", accessValues, documents) { document, value in
                // "partly" means at least partly, so it includes full access.
                document.accessible == value || (value == "partly" && document.accessible == "yes")
            },
        ]
    }

    /// German first, then by name.
    private static func languageOrder(_ value: SearchFacetValue) -> (Int, String, String) {
        (value.id == "de" ? 0 : 1, Tokenizer.words(value.name).joined(separator: " "), value.id)
    }

    static let accessValues = [
        SearchFacetValue(id: "yes", name: "rollstuhlgerecht"),
        SearchFacetValue(id: "partly", name: "mindestens teilweise rollstuhlgerecht"),
    ]

    private static func facet(
        _ key: String, _ values: [SearchFacetValue], _ documents: [SearchDocument],
        has: (SearchDocument, String) -> Bool
    ) -> SearchIndexModel.Facet {
        let width = (values.count + 5) / 6
        var bits: [Character] = []
        bits.reserveCapacity(width * documents.count)
        // By index: `for document in documents` copied each document (a
        // dozen strings and arrays) for every facet.
        for number in documents.indices {
            var groups = Array(repeating: 0, count: width)
            for (index, value) in values.enumerated() where has(documents[number], value.id) {
                groups[index / 6] |= 1 << (index % 6)
            }
            bits.append(contentsOf: groups.map { alphabet[$0] })
        }
        return SearchIndexModel.Facet(key: key, values: values, bits: String(bits))
    }

    /// German names of the languages offers are most often given in.
    static let languageNames: [String: String] = [
        "ar": "Arabisch", "bg": "Bulgarisch", "bs": "Bosnisch", "de": "Deutsch", "el": "Griechisch",
        "en": "Englisch", "es": "Spanisch", "fa": "Persisch", "fr": "Französisch", "hr": "Kroatisch",
        "hu": "Ungarisch", "it": "Italienisch", "ku": "Kurdisch", "nl": "Niederländisch", "pl": "Polnisch",
        "ps": "Paschtu", "pt": "Portugiesisch", "ro": "Rumänisch", "ru": "Russisch", "so": "Somali",
        "sq": "Albanisch", "sr": "Serbisch", "ti": "Tigrinya", "tr": "Türkisch", "uk": "Ukrainisch",
        "ur": "Urdu", "vi": "Vietnamesisch", "zh": "Chinesisch",
    ]
}
