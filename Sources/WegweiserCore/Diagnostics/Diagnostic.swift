// Diagnostics: every problem found in the content, with where it is and how
// to fix it, written for editors rather than programmers.
import Foundation

public struct Diagnostic: Error, Sendable, Equatable, Comparable {
    public enum Severity: String, Sendable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    /// Path as the editor knows it, e.g. `content/angebote/unna/hebamme.md`.
    public var file: String
    /// 1-based line in the file (front matter lines included), 0 when unknown.
    public var line: Int
    public var column: Int
    public var severity: Severity
    public var message: String
    public var hint: String?
    /// A short name for the kind of problem (`veraltet`, `toter-link`), where
    /// one is given: GitLab shows it as the check's name.
    public var code: String?

    public init(
        file: String, line: Int = 0, column: Int = 0, severity: Severity = .error,
        message: String, hint: String? = nil, code: String? = nil
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
        self.hint = hint
        self.code = code
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.file, lhs.line, lhs.column, lhs.message) < (rhs.file, rhs.line, rhs.column, rhs.message)
    }

    var location: String {
        line > 0 ? "\(file):\(line):\(max(column, 1))" : file
    }
}

/// How `check` and `build` print diagnostics.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text
    case github
    case json
    /// GitLab's Code Quality report: https://docs.gitlab.com/ci/testing/code_quality/
    case gitlab

    public func render(_ diagnostics: [Diagnostic]) -> String {
        switch self {
        case .text:
            return diagnostics.map { diagnostic in
                var text = "\(diagnostic.location): \(diagnostic.severity.rawValue): \(diagnostic.message)"
                if let hint = diagnostic.hint { text += "\n    Hinweis: \(hint)" }
                return text + "\n"
            }.joined()
        case .github:
            return diagnostics.map { diagnostic in
                var properties = ["file=\(Self.escapeProperty(diagnostic.file))"]
                if diagnostic.line > 0 {
                    properties.append("line=\(diagnostic.line)")
                    properties.append("col=\(max(diagnostic.column, 1))")
                }
                var message = diagnostic.message
                if let hint = diagnostic.hint { message += "\nHinweis: \(hint)" }
                return "::\(diagnostic.severity.rawValue) \(properties.joined(separator: ","))::\(Self.escapeData(message))\n"
            }.joined()
        case .json:
            let objects: [[String: Any]] = diagnostics.map { diagnostic in
                var object: [String: Any] = [
                    "file": diagnostic.file, "line": diagnostic.line, "column": diagnostic.column,
                    "severity": diagnostic.severity.rawValue, "message": diagnostic.message,
                ]
                if let hint = diagnostic.hint { object["hint"] = hint }
                if let code = diagnostic.code { object["code"] = code }
                return object
            }
            return Self.encode(objects)
        case .gitlab:
            return Self.encode(CodeQuality.report(diagnostics))
        }
    }

    private static func encode(_ objects: [[String: Any]]) -> String {
        let data = try! JSONSerialization.data(
            withJSONObject: objects, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    // GitHub workflow commands: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
    private static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errorCount: Int { filter { $0.severity == .error }.count }
    public var warningCount: Int { filter { $0.severity == .warning }.count }

    /// Warnings become errors, as `--strict` asks.
    public func strict() -> [Diagnostic] {
        map { diagnostic in
            var diagnostic = diagnostic
            diagnostic.severity = .error
            return diagnostic
        }
    }
}

/// Several diagnostics at once, where a step fails as a whole.
public struct DiagnosticList: Error, Sendable {
    public var diagnostics: [Diagnostic]
}
