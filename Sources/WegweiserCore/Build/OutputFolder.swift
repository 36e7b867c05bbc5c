// The folder a build replaces: only one that Wegweiser wrote itself (it
// carries a marker file), an empty one, or one holding only `.gitkeep`; never
// the content or templates, a folder holding them or the working folder, a
// repository's root, or, without `--force`, someone's files. The swap is one
// system call, so a build killed at any moment leaves the old site whole.
import CFileSwap
import Foundation

public enum OutputFolder {
    /// Written into the root of every output folder; says "Wegweiser wrote
    /// this". Hidden, and in no sitemap.
    public static let markerName = ".wegweiser-ausgabe"
    static let markerText = """
        Diesen Ordner hat `wegweiser build` geschrieben. Jeder Bau ersetzt ihn ganz.
        Legen Sie hier keine eigenen Dateien ab: Inhalte gehören in content/, Vorlagen in templates/.

        """

    /// Why `output` must not be replaced, as a message for the editor; nil
    /// when it may. Only the last rule (files Wegweiser did not write) yields
    /// to `force`.
    public static func refusal(
        output: String, content: String, templates: String, force: Bool,
        workingDirectory: String = FileManager.default.currentDirectoryPath
    ) -> Diagnostic? {
        let target = resolved(output, in: workingDirectory)
        let sources = [
            (name: content, path: resolved(content, in: workingDirectory), folder: "Inhalte-Ordner", loses: "die Angebote"),
            (name: templates, path: resolved(templates, in: workingDirectory), folder: "Vorlagen-Ordner", loses: "die Vorlagen"),
        ]
        let pick = "Geben Sie mit `--output` einen eigenen Ordner nur für die fertige Website an, z. B. `--output public`."
        func refuse(_ message: String, hint: String = pick) -> Diagnostic {
            Diagnostic(file: output, message: message, hint: hint)
        }

        for source in sources {
            if target == source.path {
                return refuse("Der Ausgabeordner `\(output)` ist der \(source.folder) (`\(source.name)`): der Bau würde \(source.loses) löschen.")
            }
            if isInside(target, source.path) {
                return refuse("Der Ausgabeordner `\(output)` liegt im \(source.folder) `\(source.name)`: die fertige Website würde dort mitgelesen.")
            }
            if isInside(source.path, target) {
                return refuse("Der Ausgabeordner `\(output)` enthält den \(source.folder) `\(source.name)`: der Bau würde ihn ersetzen und \(source.loses) löschen.")
            }
        }
        let working = resolved(".", in: workingDirectory)
        if target == working || isInside(working, target) {
            return refuse("Der Ausgabeordner `\(output)` enthält den Ordner, in dem Sie gerade arbeiten: der Bau würde ihn mitsamt allen Dateien ersetzen.")
        }

        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target, isDirectory: &isFolder) else { return nil }
        guard isFolder.boolValue else {
            return refuse("Der Ausgabeordner `\(output)` ist eine Datei, kein Ordner.")
        }
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []).sorted()
        if entries.contains(".git") {
            return refuse("Der Ausgabeordner `\(output)` ist die Wurzel eines Git-Repositorys (er enthält `.git`): der Bau würde das Repository löschen.")
        }
        let foreign = entries.filter { $0 != ".gitkeep" }
        guard !foreign.isEmpty, !entries.contains(markerName), !force else { return nil }
        let examples = foreign.prefix(3).map { "`\($0)`" }.joined(separator: ", ")
        return refuse(
            "Der Ausgabeordner `\(output)` enthält Dateien, die nicht von Wegweiser stammen (\(examples)\(foreign.count > 3 ? " …" : "")); der Bau würde sie löschen.",
            hint: "Wählen Sie mit `--output` einen neuen oder leeren Ordner. Nur wenn alles darin ersetzt werden darf: `wegweiser build --force`.")
    }

    /// Writes the site into a new folder beside `output`, then swaps the two
    /// in one step: until then the previous output stays exactly as it was,
    /// and at no moment is it missing. Leftovers of killed builds go first.
    public static func replace(_ output: URL, with files: [String: Data]) throws {
        var timings = BuildTimings()
        try replace(output, timings: &timings) { staging, _ in
            try staging.makeFolders(for: files.keys)
            for (path, data) in files.sorted(by: { $0.key < $1.key }) { try staging.write(data, to: path) }
        }
    }

    /// As above, with `write` filling the new folder (it may write from many
    /// threads); its result is returned once the new folder is in place.
    static func replace<Result>(
        _ output: URL, timings: inout BuildTimings, writing write: (StagingFolder, inout BuildTimings) throws -> Result
    ) throws -> Result {
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        removeLeftovers(of: name, in: parent)
        let staging = parent.appendingPathComponent(".\(name).new-\(pid)")
        try? fileManager.removeItem(at: staging)
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
        let result: Result
        do {
            let folder = try StagingFolder(opening: staging.path)
            defer { folder.close() }
            // The marker first: a folder left by a killed build is then known as ours.
            try folder.write(Data(markerText.utf8), to: markerName)
            result = try write(folder, &timings)
            // The repository keeps the empty output folder with a .gitkeep.
            let keep = output.appendingPathComponent(".gitkeep")
            if fileManager.fileExists(atPath: keep.path) {
                try fileManager.copyItem(at: keep, to: staging.appendingPathComponent(".gitkeep"))
            }
            try timings.measure("Ordner tauschen") { try swap(staging, into: output) }
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }
        // After the swap, `staging` holds the previous output.
        timings.measure("alte Ausgabe löschen") { try? fileManager.removeItem(at: staging) }
        return result
    }

    /// `staging` becomes `output`; an existing `output` ends up at `staging`.
    private static func swap(_ staging: URL, into output: URL) throws {
        guard FileManager.default.fileExists(atPath: output.path) else {
            guard rename(staging.path, output.path) == 0 else { throw posixError(output.path) }
            return
        }
        if wegweiser_exchange(staging.path, output.path) == 0 { return }
        guard errno == ENOSYS || errno == EINVAL else { throw posixError(output.path) }
        // No atomic exchange on this system: two renames, with a short moment
        // in which the output folder is missing.
        let retired = staging.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        guard rename(output.path, retired.path) == 0 else { throw posixError(output.path) }
        guard rename(staging.path, output.path) == 0 else {
            let error = posixError(output.path)
            _ = rename(retired.path, output.path)
            throw error
        }
        guard rename(retired.path, staging.path) == 0 else { throw posixError(staging.path) }
    }

    /// Removes `.NAME.new-PID` and `.NAME.old-PID` folders of builds that
    /// are no longer running, but only those that carry the marker or are
    /// empty: a folder of that name holding someone's files stays.
    static func removeLeftovers(of name: String, in parent: URL) {
        let fileManager = FileManager.default
        let own = ProcessInfo.processInfo.processIdentifier
        for entry in (try? fileManager.contentsOfDirectory(atPath: parent.path)) ?? [] {
            guard let pid = leftoverPID(entry, of: name), pid != own, !isRunning(pid) else { continue }
            let folder = parent.appendingPathComponent(entry)
            let contents = (try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? ["?"]
            guard contents.isEmpty || contents.contains(markerName) else { continue }
            try? fileManager.removeItem(at: folder)
        }
    }

    static func leftoverPID(_ entry: String, of name: String) -> Int32? {
        for kind in ["new", "old"] {
            let prefix = ".\(name).\(kind)-"
            if entry.hasPrefix(prefix), let pid = Int32(entry.dropFirst(prefix.count)) { return pid }
        }
        return nil
    }

    private static func isRunning(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    /// The system's reason (errno) with the path, as `SiteFiles.reason` reports it.
    static func posixError(_ path: String) -> Error {
        NSError(domain: NSCocoaErrorDomain, code: CocoaError.fileWriteUnknown.rawValue, userInfo: [
            NSFilePathErrorKey: path,
            NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(errno == 0 ? EIO : errno)),
        ])
    }

    // MARK: - Paths

    /// The absolute path with `..` and symbolic links resolved; for a path
    /// that does not exist yet, its nearest existing parent is resolved.
    static func resolved(_ path: String, in workingDirectory: String) -> String {
        let absolute = path.hasPrefix("/") ? path : workingDirectory + "/" + path
        var existing = URL(fileURLWithPath: absolute).standardizedFileURL.path
        var missing: [String] = []
        while true {
            if let real = realPath(existing) {
                return ([real == "/" ? "" : real] + missing).joined(separator: "/").nonEmpty ?? "/"
            }
            guard existing != "/" else { return absolute }
            missing.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
    }

    /// realpath(3): nil for a path that does not exist, dangles or loops.
    static func realPath(_ path: String) -> String? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }

    /// Whether `path` lies below `folder` (not equal to it).
    static func isInside(_ path: String, _ folder: String) -> Bool {
        folder == "/" ? path != "/" : path.hasPrefix(folder + "/")
    }
}
