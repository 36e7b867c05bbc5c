// Builds the JSON search index the search page script reads: documents in
// title order, BM25F scores computed here and stored per posting, facet
// membership as bit columns. One file for a small site, shards for a large one.
// The format is described in docs/search.md.

import Foundation

public enum SearchIndex {
    /// Format version, bumped when the script must change with the files.
    /// 2: postings hold saturated term weights; the script adds the idf.
    public static let formatVersion = 2

    /// The index files, keyed by their path relative to the site's `/suche/`
    /// folder (e.g. `index.json`). Deterministic: same documents, same bytes.
    public static func files(
        for documents: [SearchDocument], vocabularies: SearchVocabularies,
        layout: SearchIndexLayout = SearchIndexLayout()
    ) -> [String: Data] {
        build(for: documents, vocabularies: vocabularies, layout: layout).files
    }

    /// The index files and what the search page must say about them.
    public static func build(
        for documents: [SearchDocument], vocabularies: SearchVocabularies,
        layout: SearchIndexLayout = SearchIndexLayout()
    ) -> SearchIndexFiles {
        let model = SearchIndexModel(documents: documents, vocabularies: vocabularies)
        let single = IndexJSON.single(model)
        if single.utf8.count <= layout.maxSingleFileBytes {
            return SearchIndexFiles(files: ["index.json": Data(single.utf8)], shardPrefixLength: nil)
        }
        var files: [String: Data] = ["index.json": Data(IndexJSON.meta(model, layout: layout).utf8)]
        for (name, shard) in IndexJSON.shards(model, prefixLength: layout.shardPrefixLength) {
            files["t/\(name).json"] = Data(shard.utf8)
        }
        for (number, chunk) in IndexJSON.recordChunks(model, size: layout.recordsPerChunk).enumerated() {
            files["r/\(number).json"] = Data(chunk.utf8)
        }
        // Hours and coordinates of every offer, fetched only for "open now" and "near me".
        if let hours = IndexJSON.hours(model) { files["h.json"] = Data(("{\"h\":" + hours + "}").utf8) }
        if let points = IndexJSON.points(model) {
            files["g.json"] = Data(("{\"g\":" + points + (IndexJSON.places(model).map { ",\"k\":" + $0 } ?? "") + "}").utf8)
        }
        return SearchIndexFiles(files: files, shardPrefixLength: layout.shardPrefixLength)
    }
}

/// A built index: its files, and for a split index the shard prefix length,
/// which the search page announces (`data-shard`) so that its script requests
/// a query's shards together with `index.json` instead of after it.
public struct SearchIndexFiles: Sendable, Equatable {
    /// Path relative to the site's `/suche/` folder → bytes.
    public var files: [String: Data]
    /// Letters per shard prefix when the index is split; nil for one file.
    public var shardPrefixLength: Int?
}

/// When and how the index is split into files.
public struct SearchIndexLayout: Sendable, Equatable {
    /// Up to this size the whole index is one `index.json`: one request, and
    /// later queries need none. About 30–40 KB after gzip.
    public var maxSingleFileBytes: Int
    /// Terms are sharded by their first this many letters.
    public var shardPrefixLength: Int
    /// Records (url, title, place, summary) per file in a split index.
    public var recordsPerChunk: Int

    public init(maxSingleFileBytes: Int = 128 * 1024, shardPrefixLength: Int = 2, recordsPerChunk: Int = 8) {
        self.maxSingleFileBytes = maxSingleFileBytes
        self.shardPrefixLength = shardPrefixLength
        self.recordsPerChunk = recordsPerChunk
    }
}

/// The name of a shard file for a term prefix: the prefix itself when it is
/// plain ASCII letters and digits, else each other code point as `_hex_`.
/// Mirrored in search.js.
public func searchShardName(_ prefix: String) -> String {
    var name = ""
    for scalar in prefix.unicodeScalars {
        if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
            name.unicodeScalars.append(scalar)
        } else {
            name += "_" + String(scalar.value, radix: 16) + "_"
        }
    }
    return name
}

/// The serialisation of a `SearchIndexModel`; a small JSON writer of our own
/// so that key order, number format and escaping never depend on Foundation.
enum IndexJSON {
    static func single(_ model: SearchIndexModel) -> String {
        var json = "{\"f\":" + facets(model)
        if let points = points(model) { json += ",\"g\":" + points }
        if let hours = hours(model) { json += ",\"h\":" + hours }
        if points(model) != nil, let places = places(model) { json += ",\"k\":" + places }
        json += ",\"n\":\(model.records.count)"
        json += ",\"p\":" + postingLists(model.postings)
        json += ",\"r\":" + records(model.records[...])
        json += ",\"t\":" + strings(model.terms)
        json += ",\"v\":\(SearchIndex.formatVersion)}"
        return json
    }

    static func meta(_ model: SearchIndexModel, layout: SearchIndexLayout) -> String {
        "{\"chunk\":\(layout.recordsPerChunk),\"f\":" + facets(model)
            + ",\"n\":\(model.records.count),\"shard\":\(layout.shardPrefixLength)"
            + ",\"v\":\(SearchIndex.formatVersion)}"
    }

    /// Shards keyed by file name, in term order.
    static func shards(_ model: SearchIndexModel, prefixLength: Int) -> [(String, String)] {
        var groups: [(name: String, terms: [String], postings: [[Int]])] = []
        var groupOfName: [String: Int] = [:]
        for (term, postings) in zip(model.terms, model.postings) {
            let name = searchShardName(String(String.UnicodeScalarView(term.unicodeScalars.prefix(prefixLength))))
            if let group = groupOfName[name] {
                groups[group].terms.append(term)
                groups[group].postings.append(postings)
            } else {
                groupOfName[name] = groups.count
                groups.append((name, [term], [postings]))
            }
        }
        return groups.map { group in
            (group.name, "{\"p\":" + postingLists(group.postings) + ",\"t\":" + strings(group.terms) + "}")
        }
    }

    static func recordChunks(_ model: SearchIndexModel, size: Int) -> [String] {
        stride(from: 0, to: model.records.count, by: size).map { start in
            records(model.records[start..<min(start + size, model.records.count)])
        }
    }

    private static func facets(_ model: SearchIndexModel) -> String {
        "[" + model.facets.map { facet in
            "[" + string(facet.key) + ",["
                + facet.values.map { "[" + string($0.id) + "," + string($0.name) + "]" }.joined(separator: ",")
                + "]," + string(facet.bits) + "]"
        }.joined(separator: ",") + "]"
    }

    private static func postingLists(_ lists: [[Int]]) -> String {
        "[" + lists.map { "[" + $0.map(String.init).joined(separator: ",") + "]" }.joined(separator: ",") + "]"
    }

    private static func records(_ records: ArraySlice<SearchIndexModel.Record>) -> String {
        "[" + records.map { record in
            "[" + [record.url, record.title, record.place, record.summary].map(string).joined(separator: ",") + "]"
        }.joined(separator: ",") + "]"
    }

    private static func strings(_ values: [String]) -> String {
        "[" + values.map(string).joined(separator: ",") + "]"
    }

    static func string(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
