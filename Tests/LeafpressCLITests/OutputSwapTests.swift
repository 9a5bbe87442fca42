import Foundation
import Testing
import LeafpressCore

/// The output folder under stress, through the real binary: `kill -9` at random points of
/// a rebuild, concurrent builds, a reader polling `index.html` during rebuilds, a mount
/// point as the output, a full disk, SIGHUP, and parent folders made for `--output`.
@Suite("Output swap", .serialized)
struct OutputSwapTests {
    /// A fixture site with enough leaflets that a build takes a while, and two versions
    /// of one section so consecutive builds produce different sites.
    struct Fixture {
        let folder: TemporaryDirectory
        static let section = "content/leaflets/wound-care/10-follow-up.md"

        init(extraLeaflets: Int = 60) throws {
            folder = try TemporaryDirectory()
            try FixtureSite.write(into: folder)
            for index in 0..<extraLeaflets {
                try folder.write("title: Extra \(index)\nsummary: s\nreviewed: 2026-01-01\n", to: "content/leaflets/extra-\(index)/leaflet.yml")
                try folder.write("---\nkind: emergency\n---\n# Help\n\n" + String(repeating: "Call for help now. ", count: 200) + "\n",
                                 to: "content/leaflets/extra-\(index)/01-help.md")
            }
        }

        func arguments(output: String = "site") -> [String] {
            ["build", "--content", folder.subpath("content"), "--templates", repositoryTemplates, "--output", folder.subpath(output), "--jobs", "2"]
        }

        /// Writes version `n` of the follow-up section.
        func useVersion(_ n: Int) throws {
            try folder.write("# Follow-up\n\nVersion \(n): we will see you in two weeks.\n", to: Self.section)
        }

        /// The site of version `n`, built into its own folder.
        func reference(_ n: Int) throws -> [String: Data] {
            try useVersion(n)
            let result = try runLeafpress(arguments(output: "reference-\(n)"), in: folder)
            try #require(result.status == 0, "\(result.stderr)")
            return snapshot(folder.subpath("reference-\(n)"))
        }

        func start(_ arguments: [String], environment: [String: String] = [:]) throws -> Process {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try #require(leafpressExecutable()))
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            try process.run()
            return process
        }
    }

    @Test(arguments: [false, true])
    func killNineAtRandomPointsAlwaysLeavesOneCompleteSite(withoutExchange: Bool) throws {
        let fixture = try Fixture()
        let versions = [try fixture.reference(0), try fixture.reference(1)]
        try fixture.useVersion(0)
        let first = try runLeafpress(fixture.arguments(), in: fixture.folder)
        try #require(first.status == 0, "\(first.stderr)")
        // How long one rebuild takes here, so the kills spread over all of it (the
        // staging, the writes, the exchange and the removal of the old site).
        let started = Date()
        try fixture.useVersion(1)
        #expect(try runLeafpress(fixture.arguments(), in: fixture.folder).status == 0)
        let duration = Date().timeIntervalSince(started)
        var generator = SystemRandomNumberGenerator()
        var killed = 0
        for round in 0..<12 {
            try fixture.useVersion(round % 2)
            let environment = withoutExchange ? ["LEAFPRESS_NO_RENAME_EXCHANGE": "1"] : [:]
            let process = try fixture.start(fixture.arguments(), environment: environment)
            usleep(UInt32(Double.random(in: 0...(duration * 1.2), using: &generator) * 1_000_000))
            if process.isRunning { kill(process.processIdentifier, SIGKILL); killed += 1 }
            process.waitUntilExit()
            let site = snapshot(fixture.folder.subpath("site"))
            if withoutExchange, site.isEmpty {
                // Without the exchange a kill between the two renames leaves the old site
                // beside the output; the next build's recovery must put it back.
                continue
            }
            #expect(site == versions[0] || site == versions[1], "round \(round): the site is not one complete build (\(site.count) files)")
        }
        #expect(killed > 0)
        // The next build cleans up whatever the kills left and finishes normally.
        try fixture.useVersion(1)
        let last = try runLeafpress(fixture.arguments(), in: fixture.folder)
        #expect(last.status == 0, "\(last.stderr)")
        #expect(snapshot(fixture.folder.subpath("site")) == versions[1])
        #expect(leftovers(besides: fixture.folder.subpath("site")) == [])
    }

    @Test func aSiteMovedAsideByAKilledFallbackSwapIsPutBack() throws {
        let fixture = try Fixture(extraLeaflets: 0)
        try fixture.useVersion(0)
        #expect(try runLeafpress(fixture.arguments(), in: fixture.folder).status == 0)
        let before = snapshot(fixture.folder.subpath("site"))
        // What a kill between the fallback's two renames leaves: no output, the old site aside.
        try FileManager.default.moveItem(atPath: fixture.folder.subpath("site"), toPath: fixture.folder.subpath(".site.leafpress-previous-999999"))
        try fixture.folder.write("# Follow-up\n\n[broken](nowhere.md)\n", to: Fixture.section)
        let result = try runLeafpress(fixture.arguments(), in: fixture.folder)
        #expect(result.status == 1)
        #expect(snapshot(fixture.folder.subpath("site")) == before)
        #expect(leftovers(besides: fixture.folder.subpath("site")) == [])
    }

    @Test func twoConcurrentBuildsBothFinishAndLeaveOneCompleteSite() throws {
        let fixture = try Fixture()
        let expected = try fixture.reference(1)
        try fixture.useVersion(0)
        #expect(try runLeafpress(fixture.arguments(), in: fixture.folder).status == 0)
        try fixture.useVersion(1)
        let outputs = (0..<2).map { fixture.folder.subpath(".stderr-concurrent-\($0)") }
        var processes: [Process] = []
        for path in outputs {
            FileManager.default.createFile(atPath: path, contents: nil)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try #require(leafpressExecutable()))
            process.arguments = fixture.arguments()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            processes.append(process)
        }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        let messages = try outputs.map { try String(contentsOfFile: $0, encoding: .utf8) }
        for (process, message) in zip(processes, messages) {
            #expect(process.terminationStatus == 0, "\(message)")
            #expect(!message.contains("NSCocoaErrorDomain") && !message.contains("error"), "\(message)")
        }
        for path in outputs { try FileManager.default.removeItem(atPath: path) }
        #expect(snapshot(fixture.folder.subpath("site")) == expected)
        #expect(leftovers(besides: fixture.folder.subpath("site")) == [])
    }

    @Test func readersNeverSeeIndexHTMLMissingDuringRebuilds() throws {
        let fixture = try Fixture(extraLeaflets: 20)
        try fixture.useVersion(0)
        #expect(try runLeafpress(fixture.arguments(), in: fixture.folder).status == 0)
        let index = fixture.folder.subpath("site/index.html")
        let reader = PollingReader(path: index)
        let thread = Thread { reader.run() }
        thread.start()
        for round in 1...6 {
            try fixture.useVersion(round)
            let result = try runLeafpress(fixture.arguments(), in: fixture.folder)
            #expect(result.status == 0, "\(result.stderr)")
        }
        reader.stop()
        #expect(reader.reads > 100, "the reader hardly ran")
        #expect(reader.misses == 0, "index.html was missing \(reader.misses) times out of \(reader.reads)")
    }

    @Test func aMountPointOutputIsRefusedBeforeAnyWork() throws {
        let fixture = try Fixture(extraLeaflets: 0)
        let site = fixture.folder.subpath("site")
        try FileManager.default.createDirectory(atPath: site, withIntermediateDirectories: true)
        try #require(shell("mount -t tmpfs -o size=1m leafpress-test \(site)") == 0, "tests run as root and may mount tmpfs")
        defer { _ = shell("umount \(site)") }
        let result = try runLeafpress(fixture.arguments(), in: fixture.folder, timeout: 60)
        #expect(result.status == 1)
        #expect(result.stderr.contains("site: error: output folder is a mount point"), "\(result.stderr)")
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: site).isEmpty)
        #expect(leftovers(besides: site) == [])
        // A folder inside the mount is built as usual.
        let inside = try runLeafpress(fixture.arguments(output: "site/public"), in: fixture.folder)
        #expect(inside.status == 0, "\(inside.stderr)")
        #expect(fixture.folder.exists("site/public/index.html"))
    }

    @Test func aFullDiskAtStagingLeavesNothingBehind() throws {
        let fixture = try Fixture(extraLeaflets: 0)
        let volume = fixture.folder.subpath("volume")
        try FileManager.default.createDirectory(atPath: volume, withIntermediateDirectories: true)
        try #require(shell("mount -t tmpfs -o size=256k leafpress-test \(volume)") == 0, "tests run as root and may mount tmpfs")
        defer { _ = shell("umount \(volume)") }
        // Fill the volume to the last byte.
        let filler = open(volume + "/filler", O_WRONLY | O_CREAT, 0o644)
        let block = [UInt8](repeating: 0x41, count: 4096)
        while block.withUnsafeBytes({ write(filler, $0.baseAddress, $0.count) }) > 0 {}
        close(filler)
        let result = try runLeafpress(fixture.arguments(output: "volume/site"), in: fixture.folder, timeout: 60)
        #expect(result.status == 1)
        #expect(result.stderr.contains("No space left on device"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: volume) == ["filler"])
    }

    @Test func aFailedBuildRemovesTheParentFoldersItCreated() throws {
        let fixture = try Fixture(extraLeaflets: 0)
        try fixture.folder.write("# Follow-up\n\n[broken](nowhere.md)\n", to: Fixture.section)
        let result = try runLeafpress(fixture.arguments(output: "a/b/site"), in: fixture.folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("broken-link"), "\(result.stderr)")
        #expect(!fixture.folder.exists("a"))
        // An existing parent is never removed.
        try FileManager.default.createDirectory(atPath: fixture.folder.subpath("kept"), withIntermediateDirectories: true)
        #expect(try runLeafpress(fixture.arguments(output: "kept/new/site"), in: fixture.folder).status == 1)
        #expect(fixture.folder.exists("kept"))
        #expect(!fixture.folder.exists("kept/new"))
    }

    @Test func sighupStopsABuildLikeCtrlC() throws {
        let fixture = try Fixture(extraLeaflets: 300)
        try fixture.useVersion(0)
        #expect(try runLeafpress(fixture.arguments(), in: fixture.folder).status == 0)
        let before = snapshot(fixture.folder.subpath("site"))
        try fixture.useVersion(1)
        for (signal, output) in [(SIGHUP, "site"), (SIGHUP, "fresh/deeper/site"), (SIGINT, "site")] {
            let process = try fixture.start(fixture.arguments(output: output) + ["--jobs", "1"])
            // The build announces nothing, so wait for its staging folder to appear.
            let target = fixture.folder.subpath(output)
            let deadline = Date().addingTimeInterval(60)
            while leftovers(besides: target).isEmpty, process.isRunning, Date() < deadline { usleep(1000) }
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            #expect(process.terminationStatus == 128 + signal, "\(signal)")
            #expect(leftovers(besides: target) == [])
        }
        #expect(snapshot(fixture.folder.subpath("site")) == before)
        #expect(!fixture.folder.exists("fresh"))
    }
}

/// Opens a file over and over on its own thread, counting the times it is missing.
final class PollingReader: @unchecked Sendable {
    let path: String
    private let lock = NSLock()
    private var stopped = false
    private var counts = (reads: 0, misses: 0)

    init(path: String) { self.path = path }

    var reads: Int { lock.withLock { counts.reads } }
    var misses: Int { lock.withLock { counts.misses } }

    func stop() { lock.withLock { stopped = true } }

    func run() {
        while !lock.withLock({ stopped }) {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            lock.withLock {
                counts.reads += 1
                if fd < 0 { counts.misses += 1 }
            }
            if fd >= 0 { close(fd) }
        }
    }
}

/// Runs a shell command; its exit status.
@discardableResult
func shell(_ command: String) -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return -1 }
    process.waitUntilExit()
    return process.terminationStatus
}
