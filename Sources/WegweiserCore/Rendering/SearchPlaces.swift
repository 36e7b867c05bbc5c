// The words the search index learns of an offer's places: their name,
// district and city, as a family types them ("Königsborn", "Rünthe"). No
// street, postal code or coordinate becomes a search term, of no place.
import Foundation

extension Location {
    /// "Familienzentrum Kunterbunt, Oberaden, Bergkamen"; the parts a place
    /// lacks are left out.
    var searchText: String {
        [name, district, city].compactMap { $0.map(Self.trimmed) }
            .filter { !$0.isEmpty }.joined(separator: ", ")
    }

    /// Without spaces and tabs at either end (Foundation's `.whitespaces`);
    /// most texts have none, and are returned without asking Foundation.
    private static func trimmed(_ text: String) -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator }
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last, isSpace(first) || isSpace(last) else {
            return text
        }
        return text.trimmingCharacters(in: .whitespaces)
    }
}
