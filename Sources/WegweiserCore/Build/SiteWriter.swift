// Writing a planned site straight into the folder that becomes the output:
// each page is rendered and written by the same worker and then dropped, so a
// build holds one page per core rather than the whole site; folders are made
// once, parents first, before any file is written.
import Foundation

/// The folder a build writes into before `OutputFolder.replace` swaps it in.
struct StagingFolder: Sendable {
    let path: String
    /// The folder, open: files and folders are made relative to it, so the
    /// kernel does not walk `path` again for each of 20,000 files.
    private let descriptor: Int32

    /// Opens the folder at `path`; `close()` when done.
    init(opening path: String) throws {
        self.path = path
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw OutputFolder.posixError(path) }
    }

    func close() {
        _ = Foundation.close(descriptor)
    }

    /// Creates every folder the files need that is not in `made`, parents
    /// first; returns `made` with them.
    @discardableResult
    func makeFolders(for files: some Sequence<String>, besides made: Set<String> = []) throws -> Set<String> {
        var folders = made
        var new: [String] = []
        for file in files {
            var folder = file[...]
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                guard folders.insert(String(folder)).inserted else { break }
                new.append(String(folder))
            }
        }
        // "a" sorts before "a/b": every parent exists before its children.
        for folder in new.sorted() {
            guard mkdirat(descriptor, folder, 0o755) == 0 || errno == EEXIST else { throw OutputFolder.posixError(path + "/" + folder) }
        }
        return folders
    }

    /// Plain write without `Data.write`'s fsync per file: the folder swap is
    /// what makes the output appear at once.
    func write(_ data: some ContiguousBytes, to relative: String) throws {
        let file = openat(descriptor, relative, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard file >= 0 else { throw OutputFolder.posixError(path + "/" + relative) }
        defer { Foundation.close(file) }
        let complete = data.withUnsafeBytes { buffer -> Bool in
            guard var next = buffer.baseAddress else { return true }
            var left = buffer.count
            while left > 0 {
                let count = Foundation.write(file, next, left)
                if count <= 0 { return false }
                next += count
                left -= count
            }
            return true
        }
        guard complete else { throw OutputFolder.posixError(path + "/" + relative) }
    }
}

extension SitePlan {
    /// Renders every file of the site into `folder`, with the same bytes as
    /// `renderAll`; returns the number of pages.
    func write(into folder: StagingFolder, timings: inout BuildTimings) throws -> Int {
        // The open data is written file by file as it is made (at 10,000
        // offers it is about 100 MB); its paths never meet a page's, the
        // search index's or an asset's (all below hsds/, all .json).
        // The export's records and the pages' and the open data's folders
        // are made (the folders by the kernel) while the search index is
        // computed; the feeds, sitemap and Merkliste data (one thread) are
        // made beside the rest. The pages are rendered while the index is
        // computed too: its steps that run on one core leave the other to
        // them. Only the search page needs the index (how it is split).
        // The index stays on this thread: memory a finished thread freed
        // is slow to be used again, and the index's is the most.
        let export = Background { [model, views] in HSDSExport(model: model, links: views.links) }
        let folders = Background { [pages] in try folder.makeFolders(for: pages.map(\.file) + export.value().paths()) }
        let generated = Background { generatedFiles(openData: false) }
        let (slowFirst, needingIndex) = renderingOrder
        let rendering = Background(ownThread: true) { [pages] in
            _ = try folders.value()
            try slowFirst.parallelForEach { index in
                try folder.write(renderBytes(pages[index].job, shardPrefixLength: nil), to: pages[index].file)
            }
        }
        let searchIndex = timings.measure("Suchindex, daneben die Seiten") { self.searchIndex() }
        try timings.measure("übrige Seiten rendern und schreiben") {
            try rendering.value()
            for index in needingIndex {
                try folder.write(renderBytes(pages[index].job, shardPrefixLength: searchIndex.shardPrefixLength), to: pages[index].file)
            }
        }
        try timings.measure("offene Daten schreiben") {
            try export.value().writeFiles { path, data in try folder.write(data, to: path) }
        }
        try timings.measure("übrige Dateien schreiben") {
            var others = filesBesidePages(searchIndex, generated: try generated.value())
            for index in pages.indices { others[pages[index].file] = nil }  // a page wins, as in renderAll
            try folder.makeFolders(for: others.keys, besides: try folders.value())
            try others.sorted { $0.key < $1.key }.parallelForEach { file in try folder.write(file.value, to: file.key) }
        }
        return pages.count
    }
}

extension SitePlan {
    /// The pages' numbers in the order they are rendered beside the search
    /// index, and those of the pages that show something of it (the search
    /// page), rendered after it. The coverage report, which counts every
    /// offer once per area, comes first, so that no core is left waiting
    /// for it at the end. One pass: reading a page's job copies it.
    var renderingOrder: (beside: [Int], afterIndex: [Int]) {
        var slow: [Int] = [], others: [Int] = [], afterIndex: [Int] = []
        others.reserveCapacity(pages.count)
        for index in pages.indices {
            let job = pages[index].job
            if job.needsSearchIndex {
                afterIndex.append(index)
            } else if case .coverage = job {
                slow.append(index)
            } else {
                others.append(index)
            }
        }
        return (slow + others, afterIndex)
    }
}

/// Wall time and CPU time (all threads, user and system) per stage of a
/// build, in the order the stages ran, and the process's peak memory when
/// each stage ended.
public struct BuildTimings: Sendable {
    public struct Stage: Sendable {
        public var name: String
        public var duration: Duration
        /// CPU time of all the process's threads during the stage.
        public var cpuTime: Duration
        /// Peak resident memory of the process so far, in bytes.
        public var peakMemory: Int
    }

    public private(set) var stages: [Stage] = []

    public init() {}

    mutating func measure<Value>(_ stage: String, _ work: () throws -> Value) rethrows -> Value {
        let started = ContinuousClock.now, cpuBefore = Self.usage().cpu
        defer {
            let (cpu, peak) = Self.usage()
            stages.append(Stage(name: stage, duration: ContinuousClock.now - started, cpuTime: cpu - cpuBefore, peakMemory: peak))
        }
        return try work()
    }

    private static func usage() -> (cpu: Duration, peakMemory: Int) {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func duration(_ time: timeval) -> Duration { .seconds(time.tv_sec) + .microseconds(time.tv_usec) }
        return (duration(usage.ru_utime) + duration(usage.ru_stime), usage.ru_maxrss * 1024)
    }
}
