// GitLab's Code Quality report (a subset of Code Climate's issue format), so
// a merge request shows each problem on the line of the changed file.

enum CodeQuality {
    static func report(_ diagnostics: [Diagnostic]) -> [[String: Any]] {
        var seen: [String: Int] = [:]
        return diagnostics.map { diagnostic in
            let checkName = "wegweiser/" + (diagnostic.code ?? diagnostic.severity.rawValue)
            var description = diagnostic.message
            if let hint = diagnostic.hint { description += " Hinweis: \(hint)" }
            // Stable across runs and across edits elsewhere in the file: the line
            // is left out, so a problem keeps its identity when lines move above it.
            let identity = [diagnostic.file, checkName, diagnostic.message].joined(separator: "\u{1F}")
            let occurrence = seen[identity, default: 0]
            seen[identity] = occurrence + 1
            return [
                "type": "issue",
                "description": description,
                "check_name": checkName,
                "fingerprint": fingerprint(identity + "\u{1F}\(occurrence)"),
                "severity": diagnostic.severity == .error ? "critical" : "minor",
                "location": [
                    "path": diagnostic.file,
                    "lines": ["begin": max(diagnostic.line, 1)],
                ] as [String: Any],
            ]
        }
    }

    /// 128 bits of two FNV-1a hashes with different offsets, as 32 hex digits:
    /// enough to tell a site's problems apart, and the same on every machine.
    static func fingerprint(_ text: String) -> String {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x6c62_272e_07bb_0142
        for byte in text.utf8 {
            first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            second = (second ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        second = (second ^ first) &* 0x0000_0100_0000_01b3
        return hex(first) + hex(second)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
