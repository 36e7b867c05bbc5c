// Writing a planned site straight into the folder that becomes the output:
// each page is rendered and written by the same worker and then dropped, so a
// build holds one page per core rather than the whole site; folders are made
// once, parents first, before any file is written.
import Foundation

/// The folder a build writes into before `OutputFolder.replace` swaps it in.
struct StagingFolder: Sendable {
    let path: String

    /// Creates every folder the files need, parents first.
    func makeFolders(for files: some Sequence<String>) throws {
        var folders: Set<Substring> = []
        for file in files {
            var folder = file[...]
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                guard folders.insert(folder).inserted else { break }
            }
        }
        // "a" sorts before "a/b": every parent exists before its children.
        for folder in folders.sorted() {
            guard mkdir(path + "/" + folder, 0o755) == 0 || errno == EEXIST else { throw OutputFolder.posixError(path + "/" + folder) }
        }
    }

    /// Plain write without `Data.write`'s fsync per file: the folder swap is
    /// what makes the output appear at once.
    func write(_ data: Data, to relative: String) throws {
        let target = path + "/" + relative
        let descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputFolder.posixError(target) }
        defer { close(descriptor) }
        let complete = data.withUnsafeBytes { buffer -> Bool in
            guard var next = buffer.baseAddress else { return true }
            var left = buffer.count
            while left > 0 {
                let count = Foundation.write(descriptor, next, left)
                if count <= 0 { return false }
                next += count
                left -= count
            }
            return true
        }
        guard complete else { throw OutputFolder.posixError(target) }
    }
}

extension SitePlan {
    /// Renders every file of the site into `folder`, with the same bytes as
    /// `renderAll`; returns the number of pages.
    func write(into folder: StagingFolder) throws -> Int {
        let index = searchIndex()
        var others = generatedFiles().merging(searchFiles(index)) { $1 }.merging(assetFiles()) { $1 }
        for page in pages { others[page.file] = nil }  // a page wins, as in renderAll
        try folder.makeFolders(for: pages.map(\.file) + others.keys)
        try pages.parallelForEach { page in
            try folder.write(render(page.job, shardPrefixLength: index.shardPrefixLength), to: page.file)
        }
        try others.sorted { $0.key < $1.key }.parallelForEach { file in try folder.write(file.value, to: file.key) }
        return pages.count
    }
}
