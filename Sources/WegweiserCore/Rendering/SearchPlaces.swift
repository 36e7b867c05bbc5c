// What the search index learns of an offer's places: their name, district
// and city, the words a family types ("Königsborn", "Rünthe"). Streets,
// postal codes and coordinates never reach the index, of no place.
import Foundation

extension Location {
    /// "Familienzentrum Kunterbunt, Oberaden, Bergkamen"; the parts a place
    /// lacks are left out.
    var searchText: String {
        [name, district, city].compactMap { $0?.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: ", ")
    }
}
