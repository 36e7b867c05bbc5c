// Builds the JSON search index the search page script reads.
import Foundation

public enum SearchIndex {
    /// The index files, keyed by their path relative to the site's `/suche/`
    /// folder (e.g. `index.json`). Deterministic: same documents, same bytes.
    public static func files(
        for documents: [SearchDocument], vocabularies: SearchVocabularies
    ) -> [String: Data] {
        // Placeholder until the search issue lands: an index of the documents' URLs.
        let urls = documents.map(\.url).sorted()
        let json = try! JSONSerialization.data(withJSONObject: ["urls": urls], options: [.sortedKeys])
        return ["index.json": json]
    }
}
