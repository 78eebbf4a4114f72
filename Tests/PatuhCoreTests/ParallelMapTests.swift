import PatuhCore
import Testing

/// The one parallel map: order kept whatever the scheduling, and the error reported is the
/// first in index order.
@Suite struct ParallelMapTests {
    private struct Failure: Error, Equatable { var index: Int }

    @Test(arguments: [1, 0]) func keepsTheInputOrder(threads: Int) {
        // 3000 items span three batches of 1024 (1024 + 1024 + 952).
        let input = Array(0..<3000)
        #expect(input.parallelMap(threads: threads) { $0 * 2 } == input.map { $0 * 2 })
        #expect([Int]().parallelMap { $0 }.isEmpty)
    }

    @Test func theFirstErrorInIndexOrderIsThrown() {
        // Items 7, 500 and 2999 fail; whichever finishes first, 7 is the one reported.
        #expect(throws: Failure(index: 7)) {
            try concurrently(3000) { i in if [7, 500, 2999].contains(i) { throw Failure(index: i) } }
        }
        #expect(throws: Never.self) { try concurrently(10) { _ in } }
    }
}
