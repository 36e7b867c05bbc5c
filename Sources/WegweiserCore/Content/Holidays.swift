// The public holidays of a German state, as rules the browser turns into
// dates for any year: a fixed day ("12-25"), a day counted from Easter
// Sunday (-2 is Good Friday) or Buß- und Bettag ("buss", the Wednesday before
// 23 November). The site's open-now state counts them as closed days.

public struct HolidayRule: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Month and day.
        case fixed(Int, Int)
        /// Days after Easter Sunday (negative: before).
        case easter(Int)
        /// Buß- und Bettag: the Wednesday before 23 November.
        case repentanceDay
    }

    public var kind: Kind
    public var name: String

    /// The rule as the scripts read it: `12-25`, `-2`, `buss`.
    public var code: String {
        switch kind {
        case .fixed(let month, let day): (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)"
        case .easter(let offset): "\(offset)"
        case .repentanceDay: "buss"
        }
    }
}

public enum Holidays {
    /// State codes as in ISO 3166-2:DE without `DE-`, lower case.
    public static let states = [
        "bw", "by", "be", "bb", "hb", "hh", "he", "mv", "ni", "nw", "rp", "sl", "sn", "st", "sh", "th",
    ]

    /// The state's public holidays in the order of the year (Easter-based ones at Easter).
    public static func rules(for state: String) -> [HolidayRule]? {
        guard states.contains(state) else { return nil }
        func has(_ list: [String]) -> Bool { list.contains(state) }
        var rules = [HolidayRule(kind: .fixed(1, 1), name: "Neujahr")]
        if has(["bw", "by", "st"]) { rules.append(HolidayRule(kind: .fixed(1, 6), name: "Heilige Drei Könige")) }
        if has(["be", "mv"]) { rules.append(HolidayRule(kind: .fixed(3, 8), name: "Internationaler Frauentag")) }
        rules.append(HolidayRule(kind: .easter(-2), name: "Karfreitag"))
        if has(["bb"]) { rules.append(HolidayRule(kind: .easter(0), name: "Ostersonntag")) }
        rules.append(HolidayRule(kind: .easter(1), name: "Ostermontag"))
        rules.append(HolidayRule(kind: .fixed(5, 1), name: "Tag der Arbeit"))
        rules.append(HolidayRule(kind: .easter(39), name: "Christi Himmelfahrt"))
        if has(["bb"]) { rules.append(HolidayRule(kind: .easter(49), name: "Pfingstsonntag")) }
        rules.append(HolidayRule(kind: .easter(50), name: "Pfingstmontag"))
        if has(["bw", "by", "he", "nw", "rp", "sl"]) { rules.append(HolidayRule(kind: .easter(60), name: "Fronleichnam")) }
        if has(["sl"]) { rules.append(HolidayRule(kind: .fixed(8, 15), name: "Mariä Himmelfahrt")) }
        if has(["th"]) { rules.append(HolidayRule(kind: .fixed(9, 20), name: "Weltkindertag")) }
        rules.append(HolidayRule(kind: .fixed(10, 3), name: "Tag der Deutschen Einheit"))
        if has(["bb", "hb", "hh", "mv", "ni", "sn", "st", "sh", "th"]) {
            rules.append(HolidayRule(kind: .fixed(10, 31), name: "Reformationstag"))
        }
        if has(["bw", "by", "nw", "rp", "sl"]) { rules.append(HolidayRule(kind: .fixed(11, 1), name: "Allerheiligen")) }
        if has(["sn"]) { rules.append(HolidayRule(kind: .repentanceDay, name: "Buß- und Bettag")) }
        rules.append(HolidayRule(kind: .fixed(12, 25), name: "1. Weihnachtstag"))
        rules.append(HolidayRule(kind: .fixed(12, 26), name: "2. Weihnachtstag"))
        return rules
    }
}
