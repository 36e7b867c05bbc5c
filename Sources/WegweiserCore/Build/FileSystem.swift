// The two edges of the pipeline that touch the disk: reading the content and
// templates folders, and replacing the output folder only once a build worked.
import Foundation
import WegweiserSearch

public enum SiteFiles {
    /// Reads `site.yml`, `angebote/**/*.md` and `seiten/*.md` below `directory`.
    /// `displayPrefix` is how messages name the folder (e.g. `content`).
    public static func readContent(at directory: URL, displayPrefix: String) -> ContentFiles {
        var diagnostics: [Diagnostic] = []
        func display(_ relative: String) -> String {
            displayPrefix.isEmpty ? relative : "\(displayPrefix)/\(relative)"
        }
        func read(_ relative: String) -> SourceFile? {
            let display = display(relative)
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(relative).path) else {
                diagnostics.append(Diagnostic(
                    file: display, message: "Die Datei lässt sich nicht lesen.",
                    hint: "Prüfen Sie, ob die Datei noch in einem anderen Programm geöffnet ist und ob Sie sie lesen dürfen."))
                return nil
            }
            guard let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(Diagnostic(
                    file: display, line: 1, column: 1, message: "Die Datei ist nicht in UTF-8 gespeichert.",
                    hint: "Speichern Sie die Datei im Editor mit der Kodierung „UTF-8“."))
                return nil
            }
            return SourceFile(path: relative, displayPath: display, text: text)
        }

        // A missing site.yml is the loader's to report.
        let siteConfig = FileManager.default.fileExists(atPath: directory.appendingPathComponent("site.yml").path)
            ? read("site.yml") : nil
        var offers: [SourceFile] = []
        for relative in files(below: directory, in: "angebote") {
            if relative.hasSuffix(".md") {
                if let file = read(relative) { offers.append(file) }
            } else if !relative.split(separator: "/").last!.hasPrefix(".") {
                diagnostics.append(Diagnostic(
                    file: display(relative), severity: .warning,
                    message: "Die Datei wird nicht veröffentlicht: nur Dateien mit der Endung `.md` sind Angebote.",
                    hint: "Benennen Sie die Datei in `….md` um oder verschieben Sie sie aus dem Ordner angebote/."))
            }
        }
        let pages = files(below: directory, in: "seiten").filter { $0.hasSuffix(".md") }.compactMap(read)
        return ContentFiles(
            siteConfig: siteConfig, offers: offers, pages: pages, problems: diagnostics,
            siteConfigPath: display("site.yml"))
    }

    /// Every `*.mustache` file (by name without extension) and every file below `assets/`.
    public static func readTemplates(at directory: URL) throws -> TemplateFiles {
        var templates: [String: String] = [:]
        var assets: [String: Data] = [:]
        for relative in files(below: directory, in: "") {
            let url = directory.appendingPathComponent(relative)
            if relative.hasPrefix("assets/") {
                assets[String(relative.dropFirst("assets/".count))] = try Data(contentsOf: url)
            } else if relative.hasSuffix(".mustache") {
                templates[String(relative.dropLast(".mustache".count))] = try String(contentsOf: url, encoding: .utf8)
            }
        }
        return TemplateFiles(templates: templates, assets: assets)
    }

    /// The German word list the search index splits compounds with, one word
    /// a line (Debian's wngerman: /usr/share/dict/ngerman). Asked for by
    /// `--dictionary`, so a missing list is an error, not a quieter search.
    public static func readDictionary(at path: String) -> Result<CompoundDictionary, Diagnostic> {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "lässt sich nicht lesen" : "fehlt"
            return .failure(Diagnostic(
                file: path, message: "Die Wortliste für die Suche \(reason).",
                hint: "Installieren Sie sie mit `apt-get install wngerman` (das tut `make deps`) oder lassen Sie "
                    + "`--dictionary` weg: Dann zerlegt die Suche zusammengesetzte Wörter nur in Wörter der Angebote."))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(Diagnostic(
                file: path, message: "Die Wortliste für die Suche ist kein UTF-8-Text.",
                hint: "Geben Sie eine Wortliste mit einem Wort je Zeile in UTF-8 an, etwa /usr/share/dict/ngerman."))
        }
        return .success(CompoundDictionary(wordList: text))
    }

    /// Relative paths of the regular files below `directory/sub`, sorted; hidden files skipped.
    static func files(below directory: URL, in sub: String) -> [String] {
        let base = sub.isEmpty ? directory : directory.appendingPathComponent(sub)
        guard let enumerator = FileManager.default.enumerator(
            at: base, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        let basePath = directory.standardizedFileURL.path
        var result: [String] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(basePath + "/") else { continue }
            result.append(String(path.dropFirst(basePath.count + 1)))
        }
        return result.sorted()
    }

    /// The system's own reason for a failed file operation ("Not a directory",
    /// "No space left on device") and the path it failed on, rather than
    /// Foundation's generic "The operation could not be completed".
    static func reason(_ error: Error) -> String {
        let error = error as NSError
        let path = error.userInfo[NSFilePathErrorKey] as? String
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            let reason = String(cString: strerror(Int32(underlying.code)))
            return path.map { "\(reason): \($0)" } ?? reason
        }
        return path ?? error.localizedDescription
    }

    /// Plain write without `Data.write`'s fsync per file: the folder swap is
    /// what makes the output appear at once.
    private static func writeFile(_ data: Data, to url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path]) }
        defer { close(descriptor) }
        let written = data.withUnsafeBytes { buffer -> Int in
            var offset = 0
            while offset < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count <= 0 { return -1 }
                offset += count
            }
            return offset
        }
        guard written == data.count else { throw CocoaError(.fileWriteOutOfSpace, userInfo: [NSFilePathErrorKey: url.path]) }
    }

    /// Writes the site into a new folder beside `output`, then swaps it in:
    /// until this succeeds, the previous output stays exactly as it was.
    public static func replace(_ output: URL, with files: [String: Data]) throws {
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(name).new-\(pid)")
        let retired = parent.appendingPathComponent(".\(name).old-\(pid)")
        try? fileManager.removeItem(at: staging)
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            var folders: Set<String> = [""]
            for (path, data) in files.sorted(by: { $0.key < $1.key }) {
                let folder = path.split(separator: "/").dropLast().joined(separator: "/")
                if folders.insert(folder).inserted {
                    try fileManager.createDirectory(
                        at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
                }
                try writeFile(data, to: staging.appendingPathComponent(path))
            }
            // The repository keeps the empty output folder with a .gitkeep.
            let keep = output.appendingPathComponent(".gitkeep")
            if fileManager.fileExists(atPath: keep.path) {
                try fileManager.copyItem(at: keep, to: staging.appendingPathComponent(".gitkeep"))
            }
            if fileManager.fileExists(atPath: output.path) {
                try fileManager.moveItem(at: output, to: retired)
            }
            try fileManager.moveItem(at: staging, to: output)
        } catch {
            try? fileManager.removeItem(at: staging)
            if !fileManager.fileExists(atPath: output.path), fileManager.fileExists(atPath: retired.path) {
                try? fileManager.moveItem(at: retired, to: output)
            }
            throw error
        }
        try? fileManager.removeItem(at: retired)
    }
}

/// One build from folders to a folder, as `build` and `serve` run it.
public struct DiskBuild: Sendable {
    public var content: String
    public var templates: String
    public var output: String
    public var options: BuildOptions
    /// A German word list (`--dictionary`, e.g. /usr/share/dict/ngerman) for
    /// the search index to split compounds with; nil: none.
    public var dictionary: String?

    public init(content: String, templates: String, output: String, options: BuildOptions) {
        self.content = content
        self.templates = templates
        self.output = output
        self.options = options
    }

    /// Builds and, only if there is no error, replaces the output folder.
    /// The result's `site` is nil when the build failed; the output folder is
    /// then as it was, even when writing the new one failed.
    public func run() -> BuildResult {
        let files = SiteFiles.readContent(at: URL(fileURLWithPath: content), displayPrefix: content)
        let templateFiles: TemplateFiles
        do {
            templateFiles = try SiteFiles.readTemplates(at: URL(fileURLWithPath: templates))
        } catch {
            let diagnostic = Diagnostic(
                file: templates, message: "Die Vorlagen lassen sich nicht lesen: \(error.localizedDescription)",
                hint: "Ist `--templates` der richtige Ordner? Er enthält die `.mustache`-Dateien und assets/.")
            return BuildResult(site: nil, diagnostics: [diagnostic], offerCount: 0)
        }
        var dictionaryWords: CompoundDictionary?
        if let dictionary {
            switch SiteFiles.readDictionary(at: dictionary) {
            case .success(let words): dictionaryWords = words
            case .failure(let diagnostic): return BuildResult(site: nil, diagnostics: [diagnostic], offerCount: 0)
            }
        }
        var result = SiteBuilder.build(content: files, templates: templateFiles, options: options, dictionary: dictionaryWords)
        guard let site = result.site else { return result }
        do {
            try SiteFiles.replace(URL(fileURLWithPath: output), with: site.files)
        } catch {
            result.site = nil
            result.diagnostics.append(Diagnostic(
                file: output, message: "Die Website lässt sich nicht schreiben (\(SiteFiles.reason(error))).",
                hint: "Prüfen Sie, ob Sie in den Ordner neben `\(output)` schreiben dürfen und ob genug Platz frei ist."))
        }
        return result
    }
}
