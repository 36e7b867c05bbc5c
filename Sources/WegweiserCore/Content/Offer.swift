// One offer of the directory: an entry a family can find and contact.
import Foundation

@dynamicMemberLookup
public struct Offer: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        case active
        case inactive
        case temporarilyClosed = "temporarily-closed"
    }

    public enum Access: String, Sendable, CaseIterable {
        case yes, partly, no
    }

    /// An offer is copied into every list that shows it (its towns, phases,
    /// areas, cells, pages of the open data): with its fields in one shared
    /// box, a copy costs one reference count instead of one per field (about
    /// twenty), which was 6 % of a 10,000-offer build's CPU time. A change
    /// copies the box first unless this offer holds the only reference, so
    /// an offer is still a value.
    private final class Box: @unchecked Sendable {  // changed only while uniquely referenced
        var fields: Fields
        /// The title as lists sort and the review compares it (`SortKey`),
        /// folded once when the offer is read: the site model and the
        /// review need it at every build, and `serve` keeps parsed offers.
        var titleKey: String

        init(_ fields: Fields, titleKey: String? = nil) {
            self.fields = fields
            self.titleKey = titleKey ?? SortKey.of(fields.title)
        }
    }

    private var box: Box

    init(_ fields: Fields) { box = Box(fields) }

    public subscript<Value>(dynamicMember field: WritableKeyPath<Fields, Value>) -> Value {
        get { box.fields[keyPath: field] }
        set {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields, titleKey: box.titleKey) }
            let title = box.fields.title
            box.fields[keyPath: field] = newValue
            if box.fields.title != title { box.titleKey = SortKey.of(box.fields.title) }
        }
    }

    /// `SortKey.of(title)`.
    var titleKey: String { box.titleKey }

    public static func == (lhs: Offer, rhs: Offer) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }
}

extension Offer {
    public struct Fields: Sendable, Equatable {
        /// Where the offer came from: content-relative path for messages.
        public var sourcePath: String
        public var slug: String
        public var id: String?
        public var title: String
        public var summary: String
        public var municipalities: [String]
        public var lifePhases: [String]
        public var areas: [String]
        public var provider: String
        public var updated: CalendarDate
        public var status: Status = .active
        public var topics: [String] = []
        public var age: AgeRange?
        public var locations: [Location] = []
        public var contact: Contact?
        public var hours: [OpeningHours] = []
        public var hoursNote: String?
        public var free: Bool?
        public var cost: String?
        public var languages: [String] = []
        public var accessible: Access?
        public var registration: String?
        public var reviewBy: CalendarDate?
        public var draft: Bool = false
        /// The body rendered once while parsing: safe HTML and plain text (the
        /// Markdown source is not kept: nothing after parsing reads it).
        public var bodyHTML: String = ""
        public var bodyText: String = ""
        /// Line of the body's first line in the source file, for messages.
        public var bodyLine: Int
        /// Lines of `id` and `review_by`, for messages about them.
        public var idLine: Int = 0
        public var reviewByLine: Int = 0
        /// The file line of each top-level key written, for messages about the offer as a whole.
        public var keyLines: [String: Int] = [:]
        /// Links in the body to the site's own pages, with file lines.
        public var siteLinks: [SiteLink] = []
    }
}

public struct AgeRange: Sendable, Equatable {
    public var min: Int?
    public var max: Int?
}

public struct Location: Sendable, Equatable {
    public var name: String?
    public var street: String?
    public var postalCode: String?
    public var city: String?
    public var district: String?
    public var latitude: Double?
    public var longitude: Double?
    /// A women's shelter, say: no street, no coordinates are ever published.
    public var confidential: Bool = false

    /// What may be published: a confidential location keeps only its name,
    /// city and district.
    public var published: Location {
        guard confidential else { return self }
        return Location(
            name: name, street: nil, postalCode: nil, city: city, district: district,
            latitude: nil, longitude: nil, confidential: true)
    }
}

public struct Contact: Sendable, Equatable {
    public var name: String?
    public var phone: String?
    public var email: String?
    public var website: String?
}

public enum Weekday: String, Sendable, CaseIterable, Comparable {
    case mo, di, mi, `do`, fr, sa, so

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    public var name: String {
        switch self {
        case .mo: "Montag"
        case .di: "Dienstag"
        case .mi: "Mittwoch"
        case .do: "Donnerstag"
        case .fr: "Freitag"
        case .sa: "Samstag"
        case .so: "Sonntag"
        }
    }

    public var shortName: String {
        switch self {
        case .mo: "Mo"
        case .di: "Di"
        case .mi: "Mi"
        case .do: "Do"
        case .fr: "Fr"
        case .sa: "Sa"
        case .so: "So"
        }
    }

    /// schema.org's day names.
    public var schemaName: String {
        switch self {
        case .mo: "Monday"
        case .di: "Tuesday"
        case .mi: "Wednesday"
        case .do: "Thursday"
        case .fr: "Friday"
        case .sa: "Saturday"
        case .so: "Sunday"
        }
    }
}

public struct OpeningHours: Sendable, Equatable {
    public var days: [Weekday]
    /// `HH:MM`
    public var opens: String
    public var closes: String
}

/// A date without time or zone, as editors write it: `YYYY-MM-DD`.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Today in the given time zone (the county's, for a German site).
    public static func today(in timeZone: TimeZone = TimeZone(identifier: "Europe/Berlin")!, now: Date = Date()) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    public var description: String {
        // As "%04d-%02d-%02d" would write it, without Foundation's
        // formatter (dates are written on every page and record).
        func padded(_ number: Int, _ width: Int) -> String {
            let digits = String(number.magnitude)
            return (number < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count - (number < 0 ? 1 : 0))) + digits
        }
        return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
    }

    /// "3. November 2026"
    public var germanText: String {
        let months = [
            "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
            "Oktober", "November", "Dezember",
        ]
        return "\(day). \(months[month - 1]) \(year)"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
