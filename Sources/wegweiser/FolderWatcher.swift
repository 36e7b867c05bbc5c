// Tells `serve` when something below the content or templates folder may
// have changed: inotify on Linux, so a save is noticed at once and an idle
// server costs nothing; a look every half second where inotify is missing.
import Foundation
import WegweiserCore
#if canImport(Glibc)
import Glibc
#endif

struct FolderWatcher: Sendable {
    let folders: [URL]

    /// Yields once per burst of changes; the caller compares fingerprints.
    /// The folders are watched when this returns, so a save made from then
    /// on (while the first build runs, say) is reported.
    func changes() -> AsyncStream<Void> {
        AsyncStream { continuation in
            #if os(Linux)
            let descriptor = inotify_init1(Int32(IN_CLOEXEC))
            if descriptor >= 0 {
                let folders = self.folders
                let watched = Self.addWatches(descriptor, folders: folders, besides: [])
                let thread = Thread {
                    Self.watch(descriptor, folders: folders, watched: watched) { continuation.yield() }
                }
                thread.start()
                continuation.onTermination = { _ in close(descriptor) }
                return
            }
            #endif
            let task = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .milliseconds(500))
                    continuation.yield()
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    #if os(Linux)
    private static let mask = UInt32(IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF | IN_MODIFY)

    /// Adds a watch for each folder below `folders` not in `watched`;
    /// returns `watched` with them.
    private static func addWatches(_ descriptor: Int32, folders: [URL], besides watched: Set<String>) -> Set<String> {
        var watched = watched
        for folder in folders {
            for path in SiteFiles.folders(below: folder) where !watched.contains(path) {
                if inotify_add_watch(descriptor, path, mask) >= 0 { watched.insert(path) }
            }
        }
        return watched
    }

    /// Reports changes below `folders` (and watches new folders) until the
    /// descriptor is closed.
    private static func watch(_ descriptor: Int32, folders: [URL], watched: Set<String>, changed: () -> Void) {
        var watched = watched
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            // Editors save in several steps (write a temporary file, rename):
            // let the burst settle, then report it once.
            usleep(15_000)
            if containsNewFolder(buffer[..<count]) { watched = addWatches(descriptor, folders: folders, besides: watched) }
            changed()
        }
    }

    /// Whether the events in `bytes` (struct inotify_event, one after the
    /// other) include a folder that was created or moved in.
    private static func containsNewFolder(_ bytes: ArraySlice<UInt8>) -> Bool {
        var offset = bytes.startIndex
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= bytes.endIndex {
            let event = bytes[offset..<(offset + header)].withUnsafeBytes { $0.loadUnaligned(as: inotify_event.self) }
            if event.mask & UInt32(IN_ISDIR) != 0 && event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { return true }
            offset += header + Int(event.len)
        }
        return false
    }
    #endif
}
