// Small German text forms used on several pages.

public enum Text {
    static func age(_ age: AgeRange?) -> String? {
        switch (age?.min, age?.max) {
        case let (min?, max?) where min == max: "\(min) \(min == 1 ? "Jahr" : "Jahre")"
        case let (min?, max?): "\(min) bis \(max) \(max == 1 ? "Jahr" : "Jahre")"
        case let (min?, nil): "ab \(min) Jahren"
        case let (nil, max?): "bis \(max) \(max == 1 ? "Jahr" : "Jahre")"
        default: nil
        }
    }

    static func access(_ access: Offer.Access?) -> String? {
        switch access {
        case .yes: "rollstuhlgerecht"
        case .partly: "teilweise rollstuhlgerecht"
        case .no: "nicht rollstuhlgerecht"
        case nil: nil
        }
    }

    static func status(_ status: Offer.Status) -> String? {
        status == .temporarilyClosed ? "Vorübergehend geschlossen" : nil
    }

    static func count(_ count: Int) -> String { counted(count, "Angebot", "Angebote") }

    /// "1 Warnung", "3 Warnungen": a number with its noun in the singular or the plural.
    public static func counted(_ count: Int, _ one: String, _ many: String) -> String {
        "\(count) \(count == 1 ? one : many)"
    }

    /// "Mo, Di, Do" — or "Mo–Fr" for a run of three or more days.
    static func days(_ days: [Weekday]) -> String {
        let sorted = Array(Set(days)).sorted()
        var parts: [String] = []
        var index = 0
        while index < sorted.count {
            var end = index
            while end + 1 < sorted.count,
                Weekday.allCases.firstIndex(of: sorted[end + 1])! == Weekday.allCases.firstIndex(of: sorted[end])! + 1
            {
                end += 1
            }
            if end - index >= 2 {
                parts.append("\(sorted[index].shortName)–\(sorted[end].shortName)")
            } else {
                parts += sorted[index...end].map(\.shortName)
            }
            index = end + 1
        }
        return parts.joined(separator: ", ")
    }

    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " und " + items.last!
        }
    }
}
