// The words the search index learns of an offer's places: their name,
// district and city, as a family types them ("Königsborn", "Rünthe"). No
// street, postal code or coordinate becomes a search term, of no place.
import Foundation

extension Location {
    /// "Familienzentrum Kunterbunt, Oberaden, Bergkamen"; the parts a place
    /// lacks are left out.
    var searchText: String {
        [name, district, city].compactMap { $0?.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: ", ")
    }
}
