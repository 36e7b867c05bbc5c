// Reckoning with dates as editors write them: months added for a review
// deadline, a date in German notation recognised for a hint.

extension CalendarDate {
    /// The same day `months` later; the last of the month where that day does not exist.
    func adding(months: Int) -> CalendarDate {
        let total = year * 12 + (month - 1) + months
        let (newYear, newMonth) = (total / 12, total % 12 + 1)
        var day = self.day
        while CalendarDate(year: newYear, month: newMonth, day: day) == nil { day -= 1 }
        return CalendarDate(year: newYear, month: newMonth, day: day)!
    }
}

extension CalendarDate {
    /// `02.11.2026` or `2.11.2026`, as Germans write a date: for the hint only.
    init?(germanNotation text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }
}
