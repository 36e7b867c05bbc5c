// A light tree of YAML values, composed straight from libyaml's events:
// scalars keep their text, style, tag and position; mappings their pairs in
// the order written. Duplicate keys are found while composing.
import Foundation

struct YAMLNode: Sendable {
    enum Content: Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    var content: Content
    /// The tag as written (`tag:yaml.org,2002:str` for `!!str`), nil when none is.
    var tag: String?
    /// Where the node starts; an alias stands for its anchor's node and has that node's position.
    var mark: YAMLMark

    var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// `~`, `null` or nothing at all, unquoted.
    var isNull: Bool {
        guard case .scalar(let scalar) = content, scalar.style == .plain else { return false }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }
}

struct YAMLScalar: Sendable, Hashable {
    var string: String
    var style: YAMLScalarStyle
}

struct YAMLPair: Sendable {
    var key: YAMLNode
    var value: YAMLNode
}

/// A key written twice in one mapping.
struct YAMLDuplicateKey: Sendable, Equatable {
    /// The key's text; `<uncovertable>` for a key that is a list or mapping.
    var key: String
    var first: YAMLMark
    var second: YAMLMark
}

enum YAMLComposeError: Error, Sendable, Equatable {
    case syntax(YAMLSyntaxError)
    /// The keys written twice in the first mapping that has any, by key.
    case duplicateKeys([YAMLDuplicateKey])
}

enum YAMLComposer {
    /// The text's single document, nil when it holds none (empty, or only comments).
    static func compose(_ text: String) throws(YAMLComposeError) -> YAMLNode? {
        var composition = Composition(events: YAMLEventStream(text))
        return try composition.singleDocument()
    }
}

private struct Composition: ~Copyable {
    var events: YAMLEventStream
    /// Anchors seen so far; an anchor is known once its node is complete.
    var anchors: [String: YAMLNode] = [:]

    init(events: consuming YAMLEventStream) {
        self.events = events
    }

    mutating func singleDocument() throws(YAMLComposeError) -> YAMLNode? {
        _ = try next()  // stream start
        guard case .documentStart = try next().kind else { return nil }
        let root = try node(from: next())
        _ = try next()  // document end
        let after = try next()
        guard case .streamEnd = after.kind else {
            throw .syntax(YAMLSyntaxError(
                stage: .composer, problem: "but found another document", mark: after.start,
                context: .init(text: "expected a single document in the stream", mark: YAMLMark(line: 1, column: 1))))
        }
        return root
    }

    private mutating func next() throws(YAMLComposeError) -> YAMLEvent {
        do {
            return try events.next()
        } catch {
            throw .syntax(error)
        }
    }

    private mutating func node(from event: YAMLEvent) throws(YAMLComposeError) -> YAMLNode {
        switch event.kind {
        case .alias(let anchor):
            guard let node = anchors[anchor] else {
                throw .syntax(YAMLSyntaxError(stage: .composer, problem: "found undefined alias", mark: event.start))
            }
            return node
        case .scalar(let scalar):
            let node = YAMLNode(
                content: .scalar(YAMLScalar(string: scalar.value, style: scalar.style)), tag: scalar.tag,
                mark: event.start)
            if let anchor = scalar.anchor { anchors[anchor] = node }
            return node
        case .sequenceStart(let anchor, let tag, _):
            var items: [YAMLNode] = []
            var item = try next()
            while item.kind != .sequenceEnd {
                items.append(try node(from: item))
                item = try next()
            }
            let node = YAMLNode(content: .sequence(items), tag: tag, mark: event.start)
            if let anchor { anchors[anchor] = node }
            return node
        case .mappingStart(let anchor, let tag, _):
            var pairs: [YAMLPair] = []
            var key = try next()
            while key.kind != .mappingEnd {
                let keyNode = try node(from: key)
                let value = try node(from: next())
                pairs.append(YAMLPair(key: keyNode, value: value))
                key = try next()
            }
            let duplicates = YAMLKeys.duplicates(in: pairs)
            if !duplicates.isEmpty { throw .duplicateKeys(duplicates) }
            let node = YAMLNode(content: .mapping(pairs), tag: tag, mark: event.start)
            if let anchor { anchors[anchor] = node }
            return node
        default:
            // libyaml sends only node events here.
            throw .syntax(YAMLSyntaxError(stage: .composer, problem: "found unexpected event", mark: event.start))
        }
    }
}

/// When two keys are the same key: same text and the same resolved type, as
/// YAML 1.1 resolves plain scalars (`1` and `"1"` are two keys, an int and a
/// text; `title` and `"title"` are one).
enum YAMLKeys {
    static func duplicates(in pairs: [YAMLPair]) -> [YAMLDuplicateKey] {
        guard pairs.count > 1 else { return [] }
        var found: [(first: Int, second: Int)] = []
        if pairs.count <= 32 {
            // Nearly always every key differs: found without allocating anything.
            guard hasRepetition(pairs) else { return [] }
            found = repeated(Array(pairs.indices), in: pairs)
        } else {
            // Only keys of the same text can be the same key.
            var byText: [String: [Int]] = [:]
            for (index, pair) in pairs.enumerated() { byText[pair.key.scalar?.string ?? "", default: []].append(index) }
            for indices in byText.values where indices.count > 1 { found += repeated(indices, in: pairs) }
        }
        return found.map { first, second in
            YAMLDuplicateKey(
                key: pairs[first].key.scalar?.string ?? "<uncovertable>", first: pairs[first].key.mark,
                second: pairs[second].key.mark)
        }.sorted { ($0.key, $0.first.line, $0.first.column) < ($1.key, $1.first.line, $1.first.column) }
    }

    private static func hasRepetition(_ pairs: [YAMLPair]) -> Bool {
        // Keys are compared in full only where length, first and last byte
        // agree: every key of every offer file goes through here.
        let signatures = pairs.map { pair -> Int in
            guard case .scalar(let scalar) = pair.key.content, let first = scalar.string.utf8.first else { return -1 }
            return scalar.string.utf8.count << 16 | Int(first) << 8 | Int(scalar.string.utf8.last!)
        }
        for second in 1..<pairs.count {
            for first in 0..<second where signatures[first] == signatures[second] || signatures[first] < 0 || signatures[second] < 0 {
                if isSameKey(pairs[first].key, pairs[second].key) { return true }
            }
        }
        return false
    }

    /// For each key among `indices` written more than once: where it is written first and second.
    private static func repeated(_ indices: [Int], in pairs: [YAMLPair]) -> [(first: Int, second: Int)] {
        var found: [(first: Int, second: Int)] = []
        var repetition = [Bool](repeating: false, count: indices.count)
        for i in indices.indices where !repetition[i] {
            var second: Int?
            for j in (i + 1)..<indices.count where !repetition[j] && isSameKey(pairs[indices[i]].key, pairs[indices[j]].key) {
                repetition[j] = true
                if second == nil { second = indices[j] }
            }
            if let second { found.append((indices[i], second)) }
        }
        return found
    }

    static func isSameKey(_ a: YAMLNode, _ b: YAMLNode) -> Bool {
        switch (a.content, b.content) {
        case (.scalar(let x), .scalar(let y)):
            // Lengths first: cheaper than comparing texts, and nearly always enough.
            guard x.string.utf8.count == y.string.utf8.count, x.string == y.string else { return false }
            // Same text, same way of writing: the same type.
            if a.tag == b.tag, (x.style == .plain) == (y.style == .plain) { return true }
            return resolvedTag(a) == resolvedTag(b)
        case (.sequence(let x), .sequence(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { isSameKey($0, $1) } && resolvedTag(a) == resolvedTag(b)
        case (.mapping(let x), .mapping(let y)):
            return x.count == y.count
                && zip(x, y).allSatisfy { isSameKey($0.key, $1.key) && isSameKey($0.value, $1.value) }
                && resolvedTag(a) == resolvedTag(b)
        default:
            return false
        }
    }

    /// The node's type: its tag, or for an untagged plain scalar the type its
    /// text resolves to; quoted and block scalars are text.
    static func resolvedTag(_ node: YAMLNode) -> String {
        switch node.content {
        case .scalar(let scalar):
            guard let tag = node.tag, tag != "!" else {
                return node.tag == nil && scalar.style == .plain ? resolvedPlainTag(scalar.string) : "tag:yaml.org,2002:str"
            }
            return tag
        case .sequence:
            guard let tag = node.tag, tag != "!" else { return "tag:yaml.org,2002:seq" }
            return tag
        case .mapping:
            guard let tag = node.tag, tag != "!" else { return "tag:yaml.org,2002:map" }
            return tag
        }
    }

    /// YAML 1.1's implicit types, tried in this order.
    private static let implicitTypes: [(tag: String, pattern: String)] = [
        ("bool", "^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$"),
        ("int", "^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$"),
        ("float", "^(?:[-+]?(?:[0-9][0-9_]*)(?:\\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"),
        ("merge", "^(?:<<)$"),
        ("null", "^(?:~|null|Null|NULL|)$"),
        ("timestamp", "^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$"),
        ("value", "^(?:=)$"),
    ]

    /// Reached only for two keys of the same text written differently, so
    /// the expressions are compiled when needed.
    static func resolvedPlainTag(_ text: String) -> String {
        let range = NSRange(location: 0, length: text.utf16.count)
        for (tag, pattern) in implicitTypes {
            if let expression = try? NSRegularExpression(pattern: pattern),
                expression.firstMatch(in: text, range: range) != nil
            {
                return "tag:yaml.org,2002:" + tag
            }
        }
        return "tag:yaml.org,2002:str"
    }
}
