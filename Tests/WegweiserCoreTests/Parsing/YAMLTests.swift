import Testing
@testable import WegweiserCore

/// The libyaml wrapper: its events, and the tree composed from them.
@Suite struct YAMLEventTests {
    func events(_ text: String) throws -> [YAMLEvent] {
        var stream = YAMLEventStream(text)
        var events: [YAMLEvent] = []
        while true {
            let event = try stream.next()
            events.append(event)
            if event.kind == .streamEnd { return events }
        }
    }

    func scalar(_ value: String, _ style: YAMLScalarStyle = .plain, tag: String? = nil, anchor: String? = nil) -> YAMLEvent.Kind {
        .scalar(.init(value: value, style: style, tag: tag, anchor: anchor))
    }

    @Test func aMappingWithAFlowList() throws {
        let kinds = try events("a: 1\nb: [x, 'y']\n").map(\.kind)
        #expect(kinds == [
            .streamStart, .documentStart, .mappingStart(anchor: nil, tag: nil, flow: false),
            scalar("a"), scalar("1"), scalar("b"), .sequenceStart(anchor: nil, tag: nil, flow: true),
            scalar("x"), scalar("y", .singleQuoted), .sequenceEnd, .mappingEnd, .documentEnd, .streamEnd,
        ])
    }

    @Test func marksCountLinesAndUnicodeScalars() throws {
        let events = try events("titel: Ä\nüber: \"ja\"\n")
        let scalars = events.filter { if case .scalar = $0.kind { true } else { false } }
        #expect(scalars.map(\.start) == [
            YAMLMark(line: 1, column: 1), YAMLMark(line: 1, column: 8), YAMLMark(line: 2, column: 1), YAMLMark(line: 2, column: 7),
        ])
        #expect(scalars[3].end == YAMLMark(line: 2, column: 11))
    }

    @Test func stylesOfScalars() throws {
        let text = "a: plain\nb: 'single'\nc: \"double\"\nd: |\n  literal\n  lines\ne: >\n  folded\n  lines\nf: |-\n  kept\n"
        let values = try events(text).compactMap { event -> YAMLEvent.Scalar? in
            if case .scalar(let scalar) = event.kind { return scalar }
            return nil
        }.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        #expect(values.map(\.style) == [.plain, .singleQuoted, .doubleQuoted, .literal, .folded, .literal])
        #expect(values.map(\.value) == ["plain", "single", "double", "literal\nlines\n", "folded lines\n", "kept"])
    }

    @Test func multiLineScalarsAreFolded() throws {
        let root = try #require(try YAMLComposer.compose("summary: eins\n  zwei\n\n  drei\nquoted: \"a\n  b\"\n"))
        let values = root.mapping?.map { $0.value.scalar?.string }
        #expect(values == ["eins zwei\ndrei", "a b"])
    }

    @Test func tagsAreResolvedAgainstTheirHandles() throws {
        let kinds = try events("a: !!str 2026-01-05\nb: !lokal x\nc: ! y\n").map(\.kind)
        #expect(kinds.contains(scalar("2026-01-05", tag: "tag:yaml.org,2002:str")))
        #expect(kinds.contains(scalar("x", tag: "!lokal")))
        #expect(kinds.contains(scalar("y", tag: "!")))
    }

    @Test func anchorsAndAliasesAreEvents() throws {
        let kinds = try events("a: &ort Unna\nb: *ort\n").map(\.kind)
        #expect(kinds.contains(scalar("Unna", anchor: "ort")))
        #expect(kinds.contains(.alias(anchor: "ort")))
    }

    @Test func aByteOrderMarkStartingAValueIsDropped() throws {
        let root = try #require(try YAMLComposer.compose("max: \u{FEFF}19\n"))
        #expect(root.mapping?.first?.value.scalar?.string == "19")
    }

    @Test func syntaxErrorsCarryLibyamlsProblemMarkAndContext() {
        var stream = YAMLEventStream("a: \"offen\nb: 1\n")
        var error: YAMLSyntaxError?
        do {
            while try stream.next().kind != .streamEnd {}
        } catch let caught {
            error = caught
        }
        #expect(error?.stage == .scanner)
        #expect(error?.problem == "found unexpected end of stream")
        #expect(error?.context == .init(text: "while scanning a quoted scalar", mark: YAMLMark(line: 1, column: 4)))
        #expect(error?.mark == YAMLMark(line: 3, column: 1))
    }

    @Test func aColonInAPlainValue() {
        #expect(throws: YAMLComposeError.syntax(YAMLSyntaxError(
            stage: .scanner, problem: "mapping values are not allowed in this context", mark: YAMLMark(line: 1, column: 15)))
        ) {
            try YAMLComposer.compose("summary: Hilfe: sofort\n")
        }
    }

    @Test func aControlCharacterIsAReaderError() {
        var stream = YAMLEventStream("a: x\u{1}\n")
        #expect(throws: YAMLSyntaxError.self) { while try stream.next().kind != .streamEnd {} }
        var reader = YAMLReader(file: "a.md", firstLine: 2)
        #expect(reader.compose("title: \"Ä\u{1}b\"") == nil)
        // As the Swift wrapper of libyaml used before put it.
        #expect(reader.diagnostics.map(\.message) == [
            "Die Angaben sind kein gültiges YAML (1:10: error: reader: control characters are not allowed:\ntitle: \"Ä\u{1}b\"\n         ^)."
        ])
        #expect(reader.diagnostics.map(\.line) == [1])
    }
}

@Suite struct YAMLTreeTests {
    @Test func emptyTextAndCommentsHoldNoDocument() throws {
        #expect(try YAMLComposer.compose("") == nil)
        #expect(try YAMLComposer.compose("# nur ein Kommentar\n\n") == nil)
    }

    @Test func mappingsKeepTheirOrderAndMarks() throws {
        let root = try #require(try YAMLComposer.compose("b: 1\na:\n  - x\n  - {k: v}\n"))
        let pairs = try #require(root.mapping)
        #expect(pairs.map { $0.key.scalar?.string } == ["b", "a"])
        #expect(pairs.map(\.key.mark) == [YAMLMark(line: 1, column: 1), YAMLMark(line: 2, column: 1)])
        let items = try #require(pairs[1].value.sequence)
        #expect(pairs[1].value.mark == YAMLMark(line: 3, column: 3))
        #expect(items[0].scalar == YAMLScalar(string: "x", style: .plain))
        #expect(items[1].mapping?.first?.value.mark == YAMLMark(line: 4, column: 9))
    }

    @Test(arguments: ["", "~", "null", "Null", "NULL"])
    func unquotedNullsAreNull(text: String) throws {
        let root = try #require(try YAMLComposer.compose("a: \(text)\nb: \"\(text)\"\n"))
        #expect(root.mapping?.map(\.value.isNull) == [true, false])
    }

    @Test func aDuplicateKeyIsFoundWithBothPlaces() {
        #expect(throws: YAMLComposeError.duplicateKeys([
            YAMLDuplicateKey(key: "title", first: YAMLMark(line: 1, column: 1), second: YAMLMark(line: 3, column: 1)),
        ])) {
            try YAMLComposer.compose("title: A\nsummary: B\ntitle: C\ntitle: D\n")
        }
    }

    @Test func duplicatesInANestedMappingAreFoundThere() {
        let text = """
            locations:
              - city: Unna
                street: A
              - city: Kamen
                street: B
                city: Kamen
            contact: {name: X, name: Y}
            """
        // The first mapping that is complete with a duplicate: the second location.
        #expect(throws: YAMLComposeError.duplicateKeys([
            YAMLDuplicateKey(key: "city", first: YAMLMark(line: 4, column: 5), second: YAMLMark(line: 6, column: 5)),
        ])) {
            try YAMLComposer.compose(text)
        }
    }

    @Test func keysOfTheSameTextAndTypeAreTheSameKey() throws {
        // `1` is a number, `"1"` a text: two keys, as YAML 1.1 resolves them.
        #expect(try YAMLComposer.compose("1: a\n\"1\": b\n")?.mapping?.count == 2)
        #expect(try YAMLComposer.compose("yes: a\n'yes': b\n")?.mapping?.count == 2)
        #expect(throws: YAMLComposeError.self) { try YAMLComposer.compose("title: a\n\"title\": b\n") }
        #expect(throws: YAMLComposeError.self) { try YAMLComposer.compose("!!str 1: a\n\"1\": b\n") }
        #expect(throws: YAMLComposeError.self) { try YAMLComposer.compose("[a, b]: 1\n[a, b]: 2\n") }
    }

    @Test func manyKeysAreCheckedToo() {
        let keys = (1...40).map { "k\($0): \($0)" } + ["k7: again"]
        #expect(throws: YAMLComposeError.duplicateKeys([
            YAMLDuplicateKey(key: "k7", first: YAMLMark(line: 7, column: 1), second: YAMLMark(line: 41, column: 1)),
        ])) {
            try YAMLComposer.compose(keys.joined(separator: "\n"))
        }
    }

    @Test func anAliasStandsForItsAnchorsNode() throws {
        let root = try #require(try YAMLComposer.compose("a: &ort {city: Unna}\nb: *ort\n"))
        let pairs = try #require(root.mapping)
        #expect(pairs[1].value.mapping?.first?.value.scalar?.string == "Unna")
        #expect(pairs[1].value.mark == pairs[0].value.mark)
    }

    @Test func anUndefinedAliasIsAnError() {
        #expect(throws: YAMLComposeError.syntax(YAMLSyntaxError(
            stage: .composer, problem: "found undefined alias", mark: YAMLMark(line: 1, column: 4)))
        ) {
            try YAMLComposer.compose("a: *nirgends\n")
        }
        // An anchor is known once its node is complete.
        #expect(throws: YAMLComposeError.self) { try YAMLComposer.compose("a: &x [*x]\n") }
    }

    @Test func aSecondDocumentIsAnError() {
        #expect(throws: YAMLComposeError.syntax(YAMLSyntaxError(
            stage: .composer, problem: "but found another document", mark: YAMLMark(line: 2, column: 1),
            context: .init(text: "expected a single document in the stream", mark: YAMLMark(line: 1, column: 1))))
        ) {
            try YAMLComposer.compose("a: 1\n---\nb: 2\n")
        }
    }
}

@Suite struct YAMLReaderTests {
    @Test func aDuplicateKeyNamesBothLinesOfTheFile() {
        var reader = YAMLReader(file: "content/angebote/a.md", firstLine: 2)
        #expect(reader.compose("contact:\n  name: A\n  phone: \"0\"\n  name: B") == nil)
        #expect(reader.diagnostics.map(\.message) == ["Die Angabe `name` steht zweimal."])
        #expect(reader.diagnostics.map(\.line) == [5])
        #expect(reader.diagnostics.map(\.hint) == ["Sie steht schon in Zeile 3. Löschen Sie eine davon."])
    }

    @Test(arguments: [
        (" Text ", "Text"), ("Text", "Text"), ("\u{A0}Text\u{A0}", "Text"), ("Grün", "Grün"), ("\tA\n", "A"), ("", ""),
    ])
    func valuesAreTrimmedAsFoundationTrims(text: String, trimmed: String) {
        #expect(YAMLReader.trimmed(text) == trimmed)
    }

    @Test(arguments: ["2026-01-05", "2026-02-30", "2026-1-05", "20260105", "2026-01-0x", "２０２６-01-05", "2026-13-01"])
    func datesAreReadAsCalendarDateReadsThem(text: String) {
        #expect((YAMLReader.isoDate(text) ?? CalendarDate(text)) == CalendarDate(text))
    }
}
