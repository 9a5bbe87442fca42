import Foundation

/// Makes Ctrl-C and `kill` safe during a build: the staging folder is removed and the
/// previous site is left as it was. The swap itself holds the same lock, so a signal
/// never lands between moving the old site aside and moving the new one in.
public enum Interruption {
    private static let lock = NSRecursiveLock()
    nonisolated(unsafe) private static var staging: Set<String> = []
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    /// Routes SIGINT and SIGTERM through `cleanUpAndExit`. Call once, early, from the CLI.
    public static func install() {
        lock.withLock {
            guard sources.isEmpty else { return }
            for number in [SIGINT, SIGTERM] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { cleanUpAndExit(number) }
                source.resume()
                sources.append(source)
            }
        }
    }

    static func register(_ path: String) { lock.withLock { _ = staging.insert(path) } }

    static func unregister(_ path: String) { lock.withLock { _ = staging.remove(path) } }

    /// Runs `body` (the swap) with interruptions held off until it is done.
    static func critical<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    private static func cleanUpAndExit(_ number: Int32) {
        lock.lock()
        let fm = FileManager.default
        for path in staging {
            // Renamed first, so workers still writing find no folder (they never recreate
            // the staging root) and the removal is not racing new files.
            let trash = path + ".interrupted"
            let target = rename(path, trash) == 0 ? trash : path
            for _ in 0..<5 where fm.fileExists(atPath: target) {
                try? fm.removeItem(atPath: target)
            }
        }
        if !staging.isEmpty {
            FileHandle.standardError.write(Data("interrupted; the previous site is unchanged\n".utf8))
        }
        exit(128 + number)
    }
}
