// What `serve` reads after a save: only the content files whose stamp (size,
// times, inode) moved, and always the ones changed in the last seconds, whose
// stamp the kernel's coarse clock may not have moved.
import Foundation
import Testing
@testable import WegweiserCore

@Suite struct SourceFileCacheTests {
    private func folder(_ files: [String: String]) throws -> URL {
        let folder = try Fixtures.temporaryDirectory()
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    private func texts(_ list: [SiteFiles.TextFile]) -> [String?] {
        list.map { file in
            if case .text(let text) = file { return text }
            return nil
        }
    }

    /// Late enough that every file written by the test counts as settled.
    private let later = Int(Date().timeIntervalSince1970) + 60

    @Test func onlyTheFilesThatChangedAreReadAgain() throws {
        let root = try folder(["a.md": "eins", "b.md": "zwei", "c.md": "drei"])
        let paths = ["a.md", "b.md", "c.md"].map { root.appendingPathComponent($0).path }
        let cache = SourceFileCache()
        #expect(texts(cache.texts(paths, now: later)) == ["eins", "zwei", "drei"])
        #expect(cache.filesRead == 3)
        #expect(texts(cache.texts(paths, now: later)) == ["eins", "zwei", "drei"])
        #expect(cache.filesRead == 0)

        try Data("zwei, geändert".utf8).write(to: root.appendingPathComponent("b.md"))
        #expect(texts(cache.texts(paths, now: later)) == ["eins", "zwei, geändert", "drei"])
        #expect(cache.filesRead == 1)

        try FileManager.default.removeItem(at: root.appendingPathComponent("c.md"))
        try Data("vier".utf8).write(to: root.appendingPathComponent("d.md"))
        let next = paths + [root.appendingPathComponent("d.md").path]
        #expect(texts(cache.texts(next, now: later)) == ["eins", "zwei, geändert", nil, "vier"])
        #expect(cache.filesRead == 2)
    }

    @Test func aFileChangedInTheLastSecondsIsAlwaysReadAgain() throws {
        let root = try folder(["a.md": "eins"])
        let path = root.appendingPathComponent("a.md").path
        let cache = SourceFileCache()
        #expect(texts(cache.texts([path])) == ["eins"])
        #expect(texts(cache.texts([path])) == ["eins"])
        #expect(cache.filesRead == 1)
        // Same size at once: within one tick of the kernel's clock the stamp may not move.
        try Data("zwei".utf8).write(to: URL(fileURLWithPath: path))
        #expect(texts(cache.texts([path])) == ["zwei"])
    }

    @Test func aFolderReadWithTheCacheIsTheFolderReadWithout() throws {
        let cache = SourceFileCache()
        let plain = SiteFiles.readContent(at: Fixtures.site("sample"), displayPrefix: "content")
        for _ in 0..<2 {
            let cached = SiteFiles.readContent(at: Fixtures.site("sample"), displayPrefix: "content", cache: cache)
            #expect(cached.siteConfig == plain.siteConfig)
            #expect(cached.offers == plain.offers)
            #expect(cached.pages == plain.pages)
            #expect(cached.problems == plain.problems)
        }
    }
}

@Suite struct SourceFingerprintTests {
    @Test func aChangedFileChangesTheFingerprint() throws {
        let folder = try Fixtures.temporaryDirectory()
        try Data("eins".utf8).write(to: folder.appendingPathComponent("a.md"))
        let fingerprint = SourceFingerprint(folders: [folder])
        #expect(SourceFingerprint(folders: [folder]) == fingerprint)
        try Data("zwei, länger".utf8).write(to: folder.appendingPathComponent("a.md"))
        let changed = SourceFingerprint(folders: [folder])
        #expect(changed != fingerprint)
        // A hidden file (an editor's swap file) is never read: no change.
        try Data("drei".utf8).write(to: folder.appendingPathComponent(".versteckt.md"))
        #expect(SourceFingerprint(folders: [folder]) == changed)
    }

    /// Two saves of the same size within one step of the file clock leave
    /// the same stamp, so a fresh fingerprint is no proof that nothing changed.
    @Test func aFreshFingerprintIsNotSettled() throws {
        let folder = try Fixtures.temporaryDirectory()
        try Data("eins".utf8).write(to: folder.appendingPathComponent("a.md"))
        let fingerprint = SourceFingerprint(folders: [folder])
        let now = Int(Date().timeIntervalSince1970)
        #expect(!fingerprint.isSettled(now: now))
        #expect(fingerprint.isSettled(now: now + 10))
        #expect(SourceFingerprint(folders: [try Fixtures.temporaryDirectory()]).isSettled(now: now), "no file, nothing fresh")
    }
}
