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
        layout: SearchIndexLayout = SearchIndexLayout(), dictionary: CompoundDictionary? = nil
    ) -> [String: Data] {
        build(for: documents, vocabularies: vocabularies, layout: layout, dictionary: dictionary).files
    }

    /// The index files and what the search page must say about them. With a
    /// `dictionary`, compounds are also split into its words (the word list
    /// itself is not written); without, into the documents' own words only.
    public static func build(
        for documents: [SearchDocument], vocabularies: SearchVocabularies,
        layout: SearchIndexLayout = SearchIndexLayout(), dictionary: CompoundDictionary? = nil
    ) -> SearchIndexFiles {
        let model = SearchIndexModel(documents: documents, vocabularies: vocabularies, dictionary: dictionary)
        if let single = IndexJSON.single(model, limit: layout.maxSingleFileBytes) {
            return SearchIndexFiles(files: ["index.json": Data(single)], shardPrefixLength: nil)
        }
        var files: [String: Data] = ["index.json": Data(IndexJSON.meta(model, layout: layout))]
        for (name, shard) in IndexJSON.shards(model, prefixLength: layout.shardPrefixLength) {
            files["t/\(name).json"] = Data(shard)
        }
        for (number, chunk) in IndexJSON.recordChunks(model, size: layout.recordsPerChunk).enumerated() {
            files["r/\(number).json"] = Data(chunk)
        }
        // Hours and coordinates of every offer, fetched only for "open now" and "near me".
        if IndexJSON.hasHours(model) {
            var json = IndexWriter()
            json.append("{\"h\":")
            json.hours(model)
            json.append("}")
            files["h.json"] = Data(json.bytes)
        }
        if IndexJSON.hasPoints(model) {
            var json = IndexWriter()
            json.append("{\"g\":")
            json.points(model)
            if !model.places.isEmpty {
                json.append(",\"k\":")
                json.places(model)
            }
            json.append("}")
            files["g.json"] = Data(json.bytes)
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
    /// The whole index as one file, or nil once it grows beyond `limit` bytes.
    static func single(_ model: SearchIndexModel, limit: Int = .max) -> [UInt8]? {
        var json = IndexWriter()
        json.append("{\"f\":")
        json.facets(model)
        if hasPoints(model) {
            json.append(",\"g\":")
            json.points(model)
        }
        if hasHours(model) {
            json.append(",\"h\":")
            json.hours(model)
        }
        if hasPoints(model) && !model.places.isEmpty {
            json.append(",\"k\":")
            json.places(model)
        }
        // A large index is over the limit before its postings: stop there.
        guard json.bytes.count <= limit else { return nil }
        json.append(",\"n\":")
        json.write(model.records.count)
        json.append(",\"p\":")
        guard json.postingLists(model.postings[...], limit: limit) else { return nil }
        json.append(",\"r\":")
        json.records(model.records[...])
        json.append(",\"t\":")
        json.strings(model.terms[...])
        json.append(",\"v\":")
        json.write(SearchIndex.formatVersion)
        json.append("}")
        return json.bytes.count <= limit ? json.bytes : nil
    }

    static func meta(_ model: SearchIndexModel, layout: SearchIndexLayout) -> [UInt8] {
        var json = IndexWriter()
        json.append("{\"chunk\":")
        json.write(layout.recordsPerChunk)
        json.append(",\"f\":")
        json.facets(model)
        json.append(",\"n\":")
        json.write(model.records.count)
        json.append(",\"shard\":")
        json.write(layout.shardPrefixLength)
        json.append(",\"v\":")
        json.write(SearchIndex.formatVersion)
        json.append("}")
        return json.bytes
    }

    /// Shards keyed by file name, in term order; written on all cores.
    static func shards(_ model: SearchIndexModel, prefixLength: Int) -> [(String, [UInt8])] {
        var names: [String] = []
        // Terms are sorted, so the terms of a prefix are next to each other;
        // two prefixes may still share a file name, which then gets both.
        var groupOfName: [String: Int] = [:]
        var members: [[Range<Int>]] = []
        var start = 0
        while start < model.terms.count {
            let name = searchShardName(String(String.UnicodeScalarView(model.terms[start].unicodeScalars.prefix(prefixLength))))
            var end = start + 1
            while end < model.terms.count,
                  searchShardName(String(String.UnicodeScalarView(model.terms[end].unicodeScalars.prefix(prefixLength)))) == name {
                end += 1
            }
            if let group = groupOfName[name] {
                members[group].append(start..<end)
            } else {
                groupOfName[name] = names.count
                names.append(name)
                members.append([start..<end])
            }
            start = end
        }
        let (ranges, fileNames) = (members, names)
        return Array(names.indices).concurrentMap { group in
            var json = IndexWriter()
            json.append("{\"p\":[")
            var first = true
            for range in ranges[group] {
                for postings in model.postings[range] {
                    if !first { json.append(",") }
                    first = false
                    json.postingList(postings)
                }
            }
            json.append("],\"t\":[")
            first = true
            for range in ranges[group] {
                for term in model.terms[range] {
                    if !first { json.append(",") }
                    first = false
                    json.write(term)
                }
            }
            json.append("]}")
            return (fileNames[group], json.bytes)
        }
    }

    static func recordChunks(_ model: SearchIndexModel, size: Int) -> [[UInt8]] {
        Array(stride(from: 0, to: model.records.count, by: size)).concurrentMap { start in
            var json = IndexWriter()
            json.records(model.records[start..<min(start + size, model.records.count)])
            return json.bytes
        }
    }

    static func hasHours(_ model: SearchIndexModel) -> Bool { model.hours.contains { !$0.isEmpty } }
    static func hasPoints(_ model: SearchIndexModel) -> Bool { model.points.contains { !$0.isEmpty } }

    static func string(_ value: String) -> String {
        var json = IndexWriter()
        json.write(value)
        return String(decoding: json.bytes, as: UTF8.self)
    }
}

/// The index's JSON as UTF-8 bytes: strings escaped as JSON requires (no
/// more: the index is fetched, never inlined into a page), numbers in decimal.
struct IndexWriter {
    private(set) var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(4096) }

    mutating func append(_ ascii: StaticString) {
        ascii.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// Postings are most of the index: a number's digits are made in a
    /// small buffer and appended at once.
    mutating func write(_ int: Int) {
        if int < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = int.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = 20
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// A string: runs of bytes that need no escape are appended at once.
    mutating func write(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { source in
            var runStart = 0
            for index in source.indices {
                let byte = source[index]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
                runStart = index + 1
                switch byte {
                case 0x22: append("\\\"")
                case 0x5C: append("\\\\")
                case 0x0A: append("\\n")
                case 0x0D: append("\\r")
                case 0x09: append("\\t")
                default:
                    append("\\u00")
                    bytes.append(Self.hexDigits[Int(byte >> 4)])
                    bytes.append(Self.hexDigits[Int(byte & 0x0F)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    mutating func facets(_ model: SearchIndexModel) {
        append("[")
        for (index, facet) in model.facets.enumerated() {
            if index > 0 { append(",") }
            append("[")
            write(facet.key)
            append(",[")
            for (number, value) in facet.values.enumerated() {
                if number > 0 { append(",") }
                append("[")
                write(value.id)
                append(",")
                write(value.name)
                append("]")
            }
            append("],")
            write(facet.bits)
            append("]")
        }
        append("]")
    }

    mutating func postingList(_ postings: [Int]) {
        bytes.append(UInt8(ascii: "["))
        for (index, value) in postings.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            write(value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// False, and stopped, once the text is longer than `limit` bytes.
    mutating func postingLists(_ lists: ArraySlice<[Int]>, limit: Int = .max) -> Bool {
        append("[")
        for (index, postings) in lists.enumerated() {
            if index > 0 { append(",") }
            postingList(postings)
            if bytes.count > limit { return false }
        }
        append("]")
        return true
    }

    mutating func records(_ records: ArraySlice<SearchIndexModel.Record>) {
        append("[")
        for (index, record) in records.enumerated() {
            if index > 0 { append(",") }
            append("[")
            write(record.url)
            append(",")
            write(record.title)
            append(",")
            write(record.place)
            append(",")
            write(record.summary)
            append("]")
        }
        append("]")
    }

    mutating func strings(_ values: ArraySlice<String>) {
        append("[")
        for (index, value) in values.enumerated() {
            if index > 0 { append(",") }
            write(value)
        }
        append("]")
    }
}
