import Foundation

/// Makes Ctrl-C, `kill` and a closed terminal safe during a build: on SIGINT, SIGTERM or
/// SIGHUP the staging folder and any folders the build created are removed and the
/// previous site is left as it was. The swap itself holds the same lock, so a signal
/// never lands inside it. (`kill -9` cannot be caught; the next build cleans up after it.)
public enum Interruption {
    private static let lock = NSRecursiveLock()
    nonisolated(unsafe) private static var staging: Set<String> = []
    nonisolated(unsafe) private static var created: [String] = []
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    /// The signals that stop a build cleanly.
    static let signals = [SIGINT, SIGTERM, SIGHUP]

    /// Routes SIGINT, SIGTERM and SIGHUP through `cleanUpAndExit`. Call once, early, from
    /// the CLI. SIGXFSZ is ignored so a file-size limit fails a write with an error
    /// instead of killing the process halfway.
    public static func install() {
        lock.withLock {
            guard sources.isEmpty else { return }
            signal(SIGXFSZ, SIG_IGN)
            for number in signals {
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

    /// Folders the current build created above its output, to remove if it is
    /// interrupted (empty once they belong to a finished build).
    static func registerCreated(_ folders: [String]) {
        lock.withLock { created = folders }
    }

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
        OutputDirectory.removeCreated(created)
        if !staging.isEmpty {
            FileHandle.standardError.write(Data("interrupted; the previous site is unchanged\n".utf8))
        }
        exit(128 + number)
    }
}
