// The two edges of the pipeline that touch the disk: reading the content and
// templates folders, and replacing the output folder only once a build worked.
import Foundation
import WegweiserSearch

public enum SiteFiles {
    /// Reads `site.yml`, `angebote/**/*.md` and `seiten/*.md` below `directory`.
    /// `displayPrefix` is how messages name the folder (e.g. `content`).
    /// `cache`: the texts read last time (as `serve` keeps them), so that
    /// a file that has not changed since is not read again.
    public static func readContent(at directory: URL, displayPrefix: String, cache: SourceFileCache? = nil) -> ContentFiles {
        var diagnostics: [Diagnostic] = []
        func display(_ relative: String) -> String {
            displayPrefix.isEmpty ? relative : "\(displayPrefix)/\(relative)"
        }
        let root = directory.standardizedFileURL.path
        func source(_ relative: String, _ text: TextFile) -> SourceFile? {
            let display = display(relative)
            switch text {
            case .text(let text):
                return SourceFile(path: relative, displayPath: display, text: text)
            case .unreadable:
                diagnostics.append(Diagnostic(
                    file: display, message: "Die Datei lässt sich nicht lesen.",
                    hint: "Prüfen Sie, ob die Datei noch in einem anderen Programm geöffnet ist und ob Sie sie lesen dürfen."))
            case .notUTF8:
                diagnostics.append(Diagnostic(
                    file: display, line: 1, column: 1, message: "Die Datei ist nicht in UTF-8 gespeichert.",
                    hint: "Speichern Sie die Datei im Editor mit der Kodierung „UTF-8“."))
            }
            return nil
        }

        let folders = [("angebote", "Angebote"), ("seiten", "Seiten")].map { folder, what in
            (folder: folder, what: what, walk: walk(directory, in: folder))
        }
        // site.yml and every Markdown file read at once, in parallel; used
        // below in the walk's order. A missing site.yml is the loader's to report.
        let hasSiteConfig = FileManager.default.fileExists(atPath: root + "/site.yml")
        let paths = (hasSiteConfig ? ["site.yml"] : []) + folders.flatMap { $0.walk.files.filter { $0.hasSuffix(".md") } }
        let texts = cache?.texts(paths.map { root + "/" + $0 }) ?? paths.parallelMap { TextFile(path: root + "/" + $0) }
        var next = texts.makeIterator()
        let siteConfig = hasSiteConfig ? source("site.yml", next.next()!) : nil
        var offers: [SourceFile] = []
        var pages: [SourceFile] = []
        for (folder, what, walk) in folders {
            for relative in walk.files {
                if relative.hasSuffix(".md") {
                    if let file = source(relative, next.next()!) {
                        if folder == "angebote" { offers.append(file) } else { pages.append(file) }
                    }
                } else {
                    diagnostics.append(Diagnostic(
                        file: display(relative), severity: .warning,
                        message: "Die Datei wird nicht veröffentlicht: nur Dateien mit der Endung `.md` sind \(what).",
                        hint: "Benennen Sie die Datei in `….md` um oder verschieben Sie sie aus dem Ordner \(folder)/."))
                }
            }
            for (relative, reason) in walk.unreadable {
                diagnostics.append(Diagnostic(
                    file: display(relative), message: "\(reason) Die Datei fehlt deshalb auf der Website.",
                    hint: "Legen Sie statt der Verknüpfung die Datei selbst in den Ordner \(folder)/ oder löschen Sie die Verknüpfung."))
            }
            for relative in walk.hidden where relative.hasSuffix(".md") {
                diagnostics.append(Diagnostic(
                    file: display(relative), severity: .warning,
                    message: "Die Datei wird nicht veröffentlicht: ihr Name beginnt mit einem Punkt (versteckte Datei).",
                    hint: "Entfernen Sie den Punkt am Anfang des Dateinamens, wenn die Datei veröffentlicht werden soll."))
            }
        }
        return ContentFiles(
            siteConfig: siteConfig, offers: offers, pages: pages, problems: diagnostics,
            siteConfigPath: display("site.yml"))
    }

    /// A content file's text, read with plain system calls.
    enum TextFile: Sendable {
        case text(String)
        case unreadable
        case notUTF8

        init(path: String) {
            guard let bytes = SiteFiles.bytes(atPath: path) else {
                self = .unreadable
                return
            }
            // Foundation's decoding, as before: strict UTF-8, one byte-order mark at the start dropped.
            guard let text = String(bytes: bytes, encoding: .utf8) else {
                self = .notUTF8
                return
            }
            self = .text(text)
        }
    }

    /// A file's bytes, read with plain system calls (no copy through
    /// `Data`); nil when it cannot be read.
    static func bytes(atPath path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes += [UInt8](repeating: 0, count: max(bytes.count, 4096)) }
            let received = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if received < 0, errno == EINTR { continue }
            guard received >= 0 else { return nil }
            if received == 0 { break }
            count += received
        }
        bytes.removeLast(bytes.count - count)
        return bytes
    }

    /// When a file was last changed, as far as `stat` tells: a file whose
    /// stamp is the same was not written since (its size, both times to the
    /// nanosecond, and its inode would have moved).
    struct Stamp: Equatable, Sendable {
        var size: Int
        var modified: Int, modifiedNanoseconds: Int
        var changed: Int, changedNanoseconds: Int
        var inode: UInt64

        /// The file's stamp (a link's target's), nil when there is no such file.
        init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            size = Int(info.st_size)
            modified = Int(info.st_mtim.tv_sec)
            modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
            changed = Int(info.st_ctim.tv_sec)
            changedNanoseconds = Int(info.st_ctim.tv_nsec)
            inode = UInt64(info.st_ino)
        }

        /// The file last changed more than a few seconds before `now`
        /// (seconds since 1970), so a change since would have moved the stamp.
        func isSettled(now: Int) -> Bool {
            modified + Self.settling < now && changed + Self.settling < now
        }

        /// Seconds after a change during which a stamp is not trusted: the
        /// kernel's file clock is coarse (git treats such files the same way).
        static let settling = 2
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
        guard let bytes = bytes(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "lässt sich nicht lesen" : "fehlt"
            return .failure(Diagnostic(
                file: path, message: "Die Wortliste für die Suche \(reason).",
                hint: "Installieren Sie sie mit `apt-get install wngerman` (das tut `make deps`) oder lassen Sie "
                    + "`--dictionary` weg: Dann zerlegt die Suche zusammengesetzte Wörter nur in Wörter der Angebote."))
        }
        guard let dictionary = CompoundDictionary(utf8: bytes) else {
            return .failure(Diagnostic(
                file: path, message: "Die Wortliste für die Suche ist kein UTF-8-Text.",
                hint: "Geben Sie eine Wortliste mit einem Wort je Zeile in UTF-8 an, etwa /usr/share/dict/ngerman."))
        }
        return .success(dictionary)
    }

    /// Relative paths of the regular files below `directory/sub`, sorted; hidden files skipped.
    static func files(below directory: URL, in sub: String) -> [String] {
        walk(directory, in: sub).files
    }

    /// What a walk through a folder found: files to read, and the entries
    /// that cannot be read with the reason, so none is left out in silence.
    struct Walk {
        /// Relative paths, sorted; a symbolic link to a file inside the
        /// folder is listed under its own path and read like that file.
        var files: [String] = []
        /// Relative path → why it is left out (a link that dangles, loops or
        /// leads outside the folder).
        var unreadable: [(path: String, reason: String)] = []
        /// Hidden files (name starting with `.`), which are never read.
        var hidden: [String] = []
        /// Every folder the walk went into, the first one included, as
        /// full paths (a linked folder under the link's path), in walk order.
        var folders: [String] = []
    }

    /// The folder and every folder below it that a build reads (hidden ones
    /// and links leading outside left out): what `serve` watches.
    public static func folders(below directory: URL) -> [String] {
        walk(directory, in: "").folders
    }

    /// Walks `directory/sub` without `FileManager`'s enumerator, which on
    /// Linux skips symbolic links without a word. Links are followed when
    /// they stay inside `directory`.
    static func walk(_ directory: URL, in sub: String) -> Walk {
        var walk = Walk()
        let root = directory.standardizedFileURL.path
        guard let realRoot = OutputFolder.realPath(root) else { return walk }
        var visited: Set<String> = [realRoot]

        func visit(_ relative: String) {
            let folder = relative.isEmpty ? root : root + "/" + relative
            guard let entries = entries(of: folder) else { return }
            walk.folders.append(folder)
            for (name, type) in entries.sorted(by: { $0.name < $1.name }) {
                let path = relative.isEmpty ? name : relative + "/" + name
                if name.hasPrefix(".") {
                    walk.hidden.append(path)
                    continue
                }
                var info = stat()
                var kind: mode_t
                switch type {
                case UInt8(DT_REG): kind = S_IFREG
                case UInt8(DT_DIR): kind = S_IFDIR
                case UInt8(DT_LNK): kind = S_IFLNK
                default:  // the file system does not say: ask
                    guard lstat(root + "/" + path, &info) == 0 else { continue }
                    kind = info.st_mode & S_IFMT
                }
                let linked = kind == S_IFLNK
                if linked {
                    guard let target = OutputFolder.realPath(root + "/" + path) else {
                        let looping = errno == ELOOP
                        walk.unreadable.append((path, looping
                            ? "Die Verknüpfung (symbolischer Link) verweist im Kreis auf sich selbst."
                            : "Die Verknüpfung (symbolischer Link) zeigt auf eine Datei, die es nicht gibt."))
                        continue
                    }
                    guard OutputFolder.isInside(target, realRoot) else {
                        walk.unreadable.append((path, "Die Verknüpfung (symbolischer Link) führt aus dem Ordner `\(directory.lastPathComponent)` hinaus, nach `\(target)`."))
                        continue
                    }
                    guard stat(target, &info) == 0 else { continue }
                    kind = info.st_mode & S_IFMT
                    if kind == S_IFDIR {
                        guard visited.insert(target).inserted else {
                            walk.unreadable.append((path, "Die Verknüpfung (symbolischer Link) führt in einen Ordner, der schon gelesen wird; die Dateien stünden doppelt da."))
                            continue
                        }
                    }
                }
                if kind == S_IFDIR {
                    // A folder a link led into before (the link's name sorts
                    // first) is read once, under the link's path.
                    if !linked, let real = OutputFolder.realPath(root + "/" + path), !visited.insert(real).inserted { continue }
                    visit(path)
                } else if kind == S_IFREG {
                    walk.files.append(path)
                }
            }
        }
        visit(sub)
        walk.files.sort()
        return walk
    }

    /// A folder's entries with their types as the folder lists them
    /// (`DT_REG`, `DT_DIR`, `DT_LNK`, or `DT_UNKNOWN` where the file system
    /// does not say), in no order; nil when the folder cannot be read. One
    /// `readdir` pass instead of `FileManager` and an `lstat` per entry:
    /// `serve` walks ten thousand files after every save.
    private static func entries(of folder: String) -> [(name: String, type: UInt8)]? {
        guard let stream = opendir(folder) else { return nil }
        defer { closedir(stream) }
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            entries.append((name, entry.pointee.d_type))
        }
        return entries
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
}

/// What `DiskBuild.run` did.
public struct DiskBuildResult: Sendable {
    /// Pages written; nil when the build failed and nothing was replaced.
    public var pageCount: Int?
    public var diagnostics: [Diagnostic]
    /// Offers published (drafts only with `--drafts`).
    public var offerCount: Int
    /// How long each stage took, in order (`build --timings`).
    public var timings = BuildTimings()

    public var succeeded: Bool { pageCount != nil }
}

/// One build from folders to a folder, as `build` and `serve` run it.
public struct DiskBuild: Sendable {
    public var content: String
    public var templates: String
    public var output: String
    public var options: BuildOptions
    /// Replace an output folder that holds files Wegweiser did not write.
    public var force: Bool
    /// A German word list (`--dictionary`, e.g. /usr/share/dict/ngerman) for
    /// the search index to split compounds with; nil: none.
    public var dictionary: String?

    public init(content: String, templates: String, output: String, options: BuildOptions, force: Bool = false) {
        self.content = content
        self.templates = templates
        self.output = output
        self.options = options
        self.force = force
    }

    /// Builds and, only if there is no error, replaces the output folder;
    /// pages go to disk as they are rendered. The output folder is as it
    /// was when the build fails, even when writing the new one failed. An
    /// output folder that must not be replaced fails the build before
    /// anything is read.
    public func run() -> DiskBuildResult {
        if let refusal = OutputFolder.refusal(output: output, content: content, templates: templates, force: force) {
            return DiskBuildResult(pageCount: nil, diagnostics: [refusal], offerCount: 0)
        }
        var timings = BuildTimings()
        // The word list is needed only by the search index: it is read while
        // the content is read and checked, on the cores those leave free.
        let dictionary = Background { [self] in try readDictionary().get() }
        let planned: (plan: SitePlan?, diagnostics: [Diagnostic], offerCount: Int)
        switch timings.measure("Dateien lesen", { readSources() }) {
        case .failure(let error):
            return DiskBuildResult(pageCount: nil, diagnostics: error.diagnostics, offerCount: 0, timings: timings)
        case .success(let (files, templates)):
            planned = timings.measure("Inhalte prüfen, Seiten planen") {
                SiteBuilder.plan(content: files, templates: templates, options: options)
            }
        }
        let words: CompoundDictionary?
        do {
            words = try timings.measure("auf die Wortliste warten") { try dictionary.value() }
        } catch {
            // As when the list was read first: its error alone.
            let diagnostics = (error as? DiagnosticList)?.diagnostics ?? []
            return DiskBuildResult(pageCount: nil, diagnostics: diagnostics, offerCount: 0, timings: timings)
        }
        var result = DiskBuildResult(pageCount: nil, diagnostics: planned.diagnostics, offerCount: planned.offerCount)
        guard var plan = planned.plan else {
            result.timings = timings
            return result
        }
        plan.dictionary = words
        do {
            result.pageCount = try OutputFolder.replace(URL(fileURLWithPath: output), timings: &timings) { folder, timings in
                try plan.write(into: folder, timings: &timings)
            }
        } catch {
            result.offerCount = 0
            result.diagnostics.append(Diagnostic(
                file: output, message: "Die Website lässt sich nicht schreiben (\(SiteFiles.reason(error))).",
                hint: "Prüfen Sie, ob Sie in den Ordner neben `\(output)` schreiben dürfen und ob genug Platz frei ist."))
        }
        result.timings = timings
        // Freeing every offer, page and view keeps a core busy for a while at
        // 10,000 offers; another thread does it, and `build` may end first.
        DispatchQueue.global().async { withExtendedLifetime(planned) {} }
        return result
    }

    /// The word list `dictionary` names, nil when it names none. `serve`
    /// reads it once, not at every rebuild.
    public func readDictionary() -> Result<CompoundDictionary?, DiagnosticList> {
        guard let dictionary else { return .success(nil) }
        return SiteFiles.readDictionary(at: dictionary)
            .map { Optional($0) }.mapError { DiagnosticList(diagnostics: [$0]) }
    }

    /// The content and templates folders as files; unchanged content files
    /// from `cache` when given.
    func readSources(cache: SourceFileCache? = nil) -> Result<(ContentFiles, TemplateFiles), DiagnosticList> {
        let files = SiteFiles.readContent(at: URL(fileURLWithPath: content), displayPrefix: content, cache: cache)
        do {
            return .success((files, try SiteFiles.readTemplates(at: URL(fileURLWithPath: templates))))
        } catch {
            let diagnostic = Diagnostic(
                file: templates, message: "Die Vorlagen lassen sich nicht lesen: \(error.localizedDescription)",
                hint: "Ist `--templates` der richtige Ordner? Er enthält die `.mustache`-Dateien und assets/.")
            return .failure(DiagnosticList(diagnostics: [diagnostic]))
        }
    }
}

/// The content files' texts as `serve` read them last, each with the file's
/// stamp then: after a save, only the files whose stamp moved are read again.
/// A file changed in the last seconds is always read again: the kernel's file
/// times advance in steps of a few milliseconds, so a second save of the same
/// size within one step would keep its stamp (`Stamp.isSettled`).
public final class SourceFileCache: @unchecked Sendable {
    private var entries: [String: (stamp: SiteFiles.Stamp, text: SiteFiles.TextFile)] = [:]
    private let lock = NSLock()

    public init() {}

    /// How many files the last `texts` call read from disk.
    private(set) var filesRead = 0

    /// The texts of the files at `paths` (full paths), in their order, on
    /// all cores. The cache then holds these files only. `now`: seconds
    /// since 1970.
    func texts(_ paths: [String], now: Int = Int(Date().timeIntervalSince1970)) -> [SiteFiles.TextFile] {
        lock.lock()
        let known = entries
        lock.unlock()
        let read = paths.parallelMap { path -> (stamp: SiteFiles.Stamp?, text: SiteFiles.TextFile, fromDisk: Bool) in
            let stamp = SiteFiles.Stamp(path: path)
            if let stamp, let entry = known[path], entry.stamp == stamp { return (stamp, entry.text, false) }
            return (stamp, SiteFiles.TextFile(path: path), true)
        }
        var kept: [String: (stamp: SiteFiles.Stamp, text: SiteFiles.TextFile)] = [:]
        kept.reserveCapacity(paths.count)
        for (path, file) in zip(paths, read) {
            guard let stamp = file.stamp, stamp.isSettled(now: now) else { continue }
            kept[path] = (stamp, file.text)
        }
        lock.lock()
        entries = kept
        filesRead = read.count { $0.fromDisk }
        lock.unlock()
        return read.map(\.text)
    }
}
