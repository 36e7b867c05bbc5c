// What the search page needs for "open now" and "near me": each offer's
// opening hours in a compact form, the coordinates of its published
// locations, and a small gazetteer that turns a typed town, district or postal
// code into a point. Confidential locations never reach these types: the
// generator hands over only published coordinates.

import Foundation

/// One line of an offer's opening hours.
public struct SearchHours: Sendable, Equatable, Codable {
    /// Bit 0 Monday … bit 6 Sunday.
    public var days: Int
    /// Minutes after midnight, local time of the site.
    public var opens: Int
    /// Minutes after midnight; 1440 is midnight at the end of the day, a value
    /// not after `opens` means the next day (overnight hours).
    public var closes: Int

    public init(days: Int, opens: Int, closes: Int) {
        self.days = days
        self.opens = opens
        self.closes = closes
    }
}

/// A published location with coordinates, and the names it may be looked up by.
public struct SearchPoint: Sendable, Equatable, Codable {
    public var latitude: Double
    public var longitude: Double
    /// City, district and postal code of the location, as written.
    public var names: [String]

    public init(latitude: Double, longitude: Double, names: [String]) {
        self.latitude = latitude
        self.longitude = longitude
        self.names = names
    }
}

/// A name that "near" may be typed as, with the point it stands for.
public struct SearchPlace: Sendable, Equatable, Codable {
    public var names: [String]
    public var latitude: Double
    public var longitude: Double

    public init(names: [String], latitude: Double, longitude: Double) {
        self.names = names
        self.latitude = latitude
        self.longitude = longitude
    }
}

enum Gazetteer {
    /// Folded name → point: the mean of the locations that carry the name;
    /// a municipality's centre only where no location does. Sorted by name.
    static func places(documents: [SearchDocument], centers: [SearchPlace]) -> [SearchPlace] {
        var pointsOfName: [String: [(Double, Double)]] = [:]
        for document in documents {
            for point in document.points ?? [] {
                for name in Set(point.names.map(key)) where !name.isEmpty {
                    pointsOfName[name, default: []].append((point.latitude, point.longitude))
                }
            }
        }
        var places: [String: (Double, Double)] = [:]
        for (name, points) in pointsOfName {
            let mean = (
                points.map(\.0).reduce(0, +) / Double(points.count), points.map(\.1).reduce(0, +) / Double(points.count))
            // A district name several towns have ("Mitte") points nowhere in particular.
            guard points.allSatisfy({ kilometres($0, mean) <= maximumSpreadKilometres }) else { continue }
            places[name] = mean
        }
        for center in centers {
            for name in center.names.map(key) where !name.isEmpty && places[name] == nil {
                places[name] = (center.latitude, center.longitude)
            }
        }
        return places.keys.sorted(by: scalarOrder).map {
            SearchPlace(names: [$0], latitude: places[$0]!.0, longitude: places[$0]!.1)
        }
    }

    /// How far a location may lie from the mean of the others of its name.
    static let maximumSpreadKilometres = 10.0

    /// Distance on a flat map: exact enough within a county.
    static func kilometres(_ a: (Double, Double), _ b: (Double, Double)) -> Double {
        let y = (a.0 - b.0) * 111.2, x = (a.1 - b.1) * 111.2 * cos((a.0 + b.0) / 2 * .pi / 180)
        return (x * x + y * y).squareRoot()
    }

    /// The form the script looks a typed name up in: folded words, one space apart.
    static func key(_ name: String) -> String { Tokenizer.words(name).joined(separator: " ") }
}

extension IndexWriter {
    /// `"h"`: per document `0` or `[days, opens, closes, …]`.
    mutating func hours(_ model: SearchIndexModel) {
        append("[")
        for (index, hours) in model.hours.enumerated() {
            if index > 0 { append(",") }
            if hours.isEmpty {
                append("0")
                continue
            }
            append("[")
            for (number, line) in hours.enumerated() {
                if number > 0 { append(",") }
                write(line.days)
                append(",")
                write(line.opens)
                append(",")
                write(line.closes)
            }
            append("]")
        }
        append("]")
    }

    /// `"g"`: per document `0` or `[lat, lon, …]`, 4 decimals (about 10 m).
    mutating func points(_ model: SearchIndexModel) {
        append("[")
        for (index, points) in model.points.enumerated() {
            if index > 0 { append(",") }
            if points.isEmpty {
                append("0")
                continue
            }
            append("[")
            for (number, point) in points.enumerated() {
                if number > 0 { append(",") }
                append(IndexJSON.coordinate(point.latitude))
                append(",")
                append(IndexJSON.coordinate(point.longitude))
            }
            append("]")
        }
        append("]")
    }

    /// `"k"`: `[[name, lat, lon], …]` sorted by name.
    mutating func places(_ model: SearchIndexModel) {
        append("[")
        for (index, place) in model.places.enumerated() {
            if index > 0 { append(",") }
            append("[")
            write(place.names[0])
            append(",")
            append(IndexJSON.coordinate(place.latitude))
            append(",")
            append(IndexJSON.coordinate(place.longitude))
            append("]")
        }
        append("]")
    }
}

extension IndexJSON {
    /// A coordinate with at most 4 decimals, no trailing zeros: `51.5367`, `7.7`.
    static func coordinate(_ value: Double) -> String {
        let scaled = Int((value * 10_000).rounded())
        let sign = scaled < 0 ? "-" : ""
        let whole = abs(scaled) / 10_000, fraction = abs(scaled) % 10_000
        guard fraction > 0 else { return sign + "\(whole)" }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 4 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return sign + "\(whole)." + digits
    }
}
