import Dispatch

/// Order-preserving parallel map: results come back in input order whatever the
/// scheduling, which keeps the output byte-identical at any parallelism.
enum Parallel {
    static func map<T: Sendable>(_ count: Int, jobs: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let results = ResultSlots<T>(count: count)
        if jobs <= 1 || count == 1 {
            for index in 0..<count { results.store(body(index), at: index) }
        } else {
            // Many small chunks so a slow leaflet does not leave the other cores idle.
            let chunk = max(1, min(64, count / (min(jobs, 1024) * 8)))
            let chunks = (count + chunk - 1) / chunk
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                for index in (c * chunk)..<min(count, (c + 1) * chunk) {
                    results.store(body(index), at: index)
                }
            }
        }
        return results.values()
    }
}

/// Each slot is written by exactly one iteration and read only after all have finished.
/// A raw buffer, not an array property, so concurrent writes to different slots are not
/// overlapping accesses to one variable.
private final class ResultSlots<T>: @unchecked Sendable {
    private let buffer: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil, count: count)
    }

    deinit {
        buffer.deinitialize(count: count)
        buffer.deallocate()
    }

    func store(_ value: T, at index: Int) { buffer[index] = value }

    func values() -> [T] { (0..<count).map { buffer[$0]! } }
}
