// Parallel work with deterministic results for the index build: each item's
// result lands at its own index, so the order never depends on which thread
// finished first, and the index is byte for byte the same on one core or many.
import Foundation

extension Array where Element: Sendable {
    /// `map(transform)`, in contiguous chunks on all cores.
    func concurrentMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        let size = (count + ProcessInfo.processInfo.activeProcessorCount * 4 - 1) / (ProcessInfo.processInfo.activeProcessorCount * 4)
        let chunks = size == 0 ? 0 : (count + size - 1) / size
        guard chunks > 1 else { return map(transform) }
        let slots = ChunkResults<Result>(chunks: chunks)
        withUnsafeBufferPointer { buffer in
            let elements = UncheckedBuffer(buffer)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let range = (chunk * size)..<Swift.min(count, (chunk + 1) * size)
                slots.store(range.map { transform(elements.value[$0]) }, at: chunk)
            }
        }
        return slots.joined
    }

    /// `transform` applied to contiguous chunks on all cores, its results
    /// joined in order: for work that keeps scratch space per chunk.
    func concurrentChunks<Result: Sendable>(_ transform: @Sendable (ArraySlice<Element>) -> [Result]) -> [Result] {
        let workers = ProcessInfo.processInfo.activeProcessorCount * 4
        let size = (count + workers - 1) / workers
        let chunks = size == 0 ? 0 : (count + size - 1) / size
        guard chunks > 1 else { return transform(self[...]) }
        let slots = ChunkResults<Result>(chunks: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            slots.store(transform(self[(chunk * size)..<Swift.min(count, (chunk + 1) * size)]), at: chunk)
        }
        return slots.joined
    }
}

/// One slot per chunk; each written by exactly one iteration.
private final class ChunkResults<Value>: @unchecked Sendable {
    private var slots: [[Value]]
    private let lock = NSLock()

    init(chunks: Int) { slots = Array(repeating: [], count: chunks) }

    func store(_ values: [Value], at chunk: Int) {
        lock.lock()
        slots[chunk] = values
        lock.unlock()
    }

    var joined: [Value] { slots.flatMap { $0 } }
}

private struct UncheckedBuffer<Element>: @unchecked Sendable {
    let value: UnsafeBufferPointer<Element>
    init(_ value: UnsafeBufferPointer<Element>) { self.value = value }
}
