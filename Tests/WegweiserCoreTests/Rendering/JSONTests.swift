// The byte JSON writer: escapes, non-ASCII text, control characters,
// nesting, sorted keys and number forms; and the same bytes as the writer
// it replaced (a String appended scalar by scalar, kept here as the model).
import Foundation
import Testing
@testable import WegweiserCore

@Suite struct JSONTests {
    @Test(arguments: [
        ("plain", #""plain""#),
        ("", #""""#),
        ("a\"b", #""a\"b""#),
        ("a\\b", #""a\\b""#),
        ("line\nbreak\r\ttab", #""line\nbreak\r\ttab""#),
        ("</script>", #""\u003c/script>""#),
        ("\u{0}\u{1}\u{8}\u{C}\u{1F}\u{7F}", #""\u0000\u0001\u0008\u000c\u001f"# + "\u{7F}\""),
        ("Straße – „Öffnungszeiten“ ✓ 👪", "\"Straße – „Öffnungszeiten“ ✓ 👪\""),
        ("a\u{2028}b\u{2029}c\u{2027}d\u{2030}", #""a\u2028b\u2029c"# + "\u{2027}d\u{2030}\""),
        ("e\u{301} und ﬁ", "\"e\u{301} und ﬁ\""),
    ])
    func stringsAreEscaped(_ value: String, _ expected: String) {
        #expect(JSON.string(value).text == expected)
        #expect(JSON.string(value).text == ReferenceJSON.text(.string(value)))
    }

    @Test func keysAreSortedByTheirBytes() {
        let object: JSON = ["b": .int(1), "a": .int(2), "B": .int(3), "ä": .int(4), "aa": .int(5), "": .int(6), "z": .int(7)]
        #expect(object.text == #"{"":6,"B":3,"a":2,"aa":5,"b":1,"z":7,"ä":4}"#)
    }

    @Test func membersWrittenBeforeMergeInKeyOrder() {
        let fields = WrittenMembers { fields in
            fields.member("b", 1)
            fields.member("d", "vier")
            fields.member("f", JSON.bool(false))
            fields.member("ä", [.int(2)])
        }
        func object(_ own: [String: JSON]) -> String {
            var writer = JSONWriter()
            writer.append("{")
            writer.writeMembers(own, with: fields)
            writer.append("}")
            return String(decoding: writer.bytes, as: UTF8.self)
        }
        #expect(object([:]) == #"{"b":1,"d":"vier","f":false,"ä":[2]}"#)
        #expect(object(["a": .int(0), "c": .raw(Array(#"{"x":1}"#.utf8)), "z": .int(9), "ö": "ö"])
            == #"{"a":0,"b":1,"c":{"x":1},"d":"vier","f":false,"z":9,"ä":[2],"ö":"ö"}"#)
        // A member of its own replaces the one written before.
        #expect(object(["d": .int(4)]) == #"{"b":1,"d":4,"f":false,"ä":[2]}"#)
        #expect(object(["d": .int(4)]) == ReferenceJSON.text(["b": .int(1), "d": .int(4), "ä": [.int(2)], "f": .bool(false)]))
    }

    @Test func valuesNest() {
        let value: JSON = ["list": [.int(1), "zwei", ["drei": .bool(true)], [], [:]], "leer": .object([:]), "nein": .bool(false)]
        #expect(value.text == #"{"leer":{},"list":[1,"zwei",{"drei":true},[],{}],"nein":false}"#)
    }

    @Test(arguments: [
        (JSON.int(0), "0"), (.int(-7), "-7"), (.int(1234567890), "1234567890"),
        (.int(Int.max), "9223372036854775807"), (.int(Int.min), "-9223372036854775808"),
        (.double(7), "7"), (.double(-0.0), "0"), (.double(51.5), "51.5"), (.double(7.6543), "7.6543"),
        (.double(1e15), "1000000000000000.0"), (.double(1e16), "1e+16"), (.double(0.1), "0.1"), (.double(-3.25), "-3.25"),
    ])
    func numbers(_ value: JSON, _ expected: String) {
        #expect(value.text == expected)
        #expect(value.text == ReferenceJSON.text(value))
    }

    @Test func bytesAndTextAgree() {
        let value: JSON = ["name": "Familienbüro <Mitte>", "n": .int(3)]
        #expect(value.bytes == Array(value.text.utf8))
    }

    /// Random texts from an alphabet of what needs escaping and what does not.
    @Test func sameBytesAsTheScalarWriter() {
        let alphabet: [String] = [
            "a", "Z", "0", " ", "\"", "\\", "\n", "\r", "\t", "<", ">", "&", "\u{0}", "\u{1B}", "\u{7F}", "ä", "ß", "é",
            "\u{301}", "–", "„", "\u{2028}", "\u{2029}", "\u{2026}", "\u{E2}", "€", "👪", "🇩🇪", "\u{FEFF}", "\u{AD}",
        ]
        var generator = SplitMix(seed: 8)
        for _ in 0..<500 {
            let length = Int(generator.next() % 40)
            let text = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
            let value: JSON = [text: .string(text), "list": [.string(text), .int(length)]]
            #expect(value.text == ReferenceJSON.text(value), "\(text.debugDescription)")
        }
    }
}

/// A small deterministic random number generator for the tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The writer `JSON` had before it wrote bytes: the model the bytes must match.
enum ReferenceJSON {
    static func text(_ value: JSON) -> String {
        var output = ""
        write(value, to: &output)
        return output
    }

    private static func write(_ value: JSON, to output: inout String) {
        switch value {
        case .string(let string): writeString(string, to: &output)
        case .int(let int): output += String(int)
        case .double(let double):
            output += double == double.rounded() && abs(double) < 1e15 ? String(Int(double)) : String(double)
        case .bool(let bool): output += bool ? "true" : "false"
        case .array(let items):
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                write(item, to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, key) in members.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
                if index > 0 { output += "," }
                writeString(key, to: &output)
                output += ":"
                write(members[key]!, to: &output)
            }
            output += "}"
        case .raw(let json):
            output += String(decoding: json, as: UTF8.self)
        }
    }

    private static func writeString(_ string: String, to output: inout String) {
        output += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "<": output += "\\u003c"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
