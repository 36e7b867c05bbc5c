// Parallel work with deterministic results: each item's result lands at its
// own index, so the order never depends on which thread finished first.
import Foundation

extension Array where Element: Sendable {
    func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count > 1 else { return map(transform) }
        let results = ResultSlots<Result>(count: count)
        self.withUnsafeBufferPointer { buffer in
            let elements = UncheckedSendable(buffer)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                results.store(transform(elements.value[index]), at: index)
            }
        }
        return results.takeValues()
    }

    /// Runs `body` for every element on all cores; throws the error of the
    /// lowest-index element that failed, once all have run.
    func parallelForEach(_ body: @Sendable (Element) throws -> Void) throws {
        let failures = ResultSlots<Error?>(count: count)
        self.withUnsafeBufferPointer { buffer in
            let elements = UncheckedSendable(buffer)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                do {
                    try body(elements.value[index])
                    failures.store(nil, at: index)
                } catch {
                    failures.store(error, at: index)
                }
            }
        }
        if let failure = failures.takeValues().lazy.compactMap({ $0 }).first { throw failure }
    }
}

/// Work started on another thread at once; `value()` waits for its result.
final class Background<Value: Sendable>: @unchecked Sendable {
    private var result: Result<Value, Error>?
    private let done = DispatchSemaphore(value: 0)

    /// `ownThread`: on a thread of its own rather than Dispatch's pool,
    /// for work that waits for other work: waiting there holds one of the
    /// pool's few workers, and the pool then leaves a core idle.
    init(ownThread: Bool = false, _ work: @escaping @Sendable () throws -> Value) {
        guard ownThread else {
            DispatchQueue.global().async {
                self.result = Result(catching: work)
                self.done.signal()
            }
            return
        }
        let thread = Thread {
            self.result = Result(catching: work)
            self.done.signal()
        }
        // As much stack as the main thread: templates and YAML nest.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The work's result, once it is there; rethrows its error.
    func value() throws -> Value {
        done.wait()
        done.signal()  // later calls return at once
        return try result!.get()
    }
}

/// One slot per index; each written by exactly one iteration.
private final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ value: Value, at index: Int) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// The values, moved out of their slots (no copy, no retain of each):
    /// the slots are empty afterwards.
    func takeValues() -> [Value] {
        var values: [Value] = []
        values.reserveCapacity(slots.count)
        for index in slots.indices { values.append(slots[index].take()!) }
        return values
    }
}

private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
