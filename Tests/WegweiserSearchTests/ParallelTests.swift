// The index build's parallel map gives what `map` gives, in order, for any count.
import Testing
@testable import WegweiserSearch

@Suite struct ParallelTests {
    @Test(arguments: [0, 1, 2, 7, 10, 33, 1000, 4097])
    func concurrentMapKeepsTheOrder(count: Int) {
        let items = Array(0..<count)
        #expect(items.concurrentMap { $0 * 3 + 1 } == items.map { $0 * 3 + 1 })
    }
}
