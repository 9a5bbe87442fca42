import Foundation
import Testing
import LeafpressCore

/// Links and special files at every kind of path Leafpress reads, through the real
/// command line: a link out of the content or templates folder, a link loop and a FIFO are
/// each a located error with a rule id, the build never blocks, nothing from outside
/// reaches the site, and the previous site stays exactly as it was.
@Suite("Hostile files")
struct HostileFilesTests {
    /// A fixture site with its own copy of the theme (so templates can be tampered with),
    /// built once into `site/`, and a secret file outside both source folders.
    struct Fixture {
        let folder: TemporaryDirectory
        let site: [String: Data]
        static let secret = "TOP-SECRET-\(UUID().uuidString)"

        init() throws {
            folder = try TemporaryDirectory()
            try FixtureSite.write(into: folder)
            try FileManager.default.copyItem(atPath: repositoryTemplates, toPath: folder.subpath("templates"))
            try folder.write("title: \(Self.secret)\n\(Self.secret)\n", to: "outside/secret.txt")
            let result = try runLeafpress(Self.arguments, in: folder)
            try #require(result.status == 0, "fixture did not build: \(result.stderr)")
            site = snapshot(folder.subpath("site"))
        }

        static let arguments = ["build", "--content", "content", "--templates", "templates", "--output", "site"]
        var build: [String] { Self.arguments }

        var secretPath: String { folder.subpath("outside/secret.txt") }

        /// Replaces `relative` (file or folder) with a symbolic link to `target`.
        func link(_ relative: String, to target: String) throws {
            try? FileManager.default.removeItem(atPath: folder.subpath(relative))
            try FileManager.default.createDirectory(atPath: (folder.subpath(relative) as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: folder.subpath(relative), withDestinationPath: target)
        }

        /// Replaces `relative` with a FIFO that nobody ever writes to.
        func fifo(_ relative: String) throws {
            try? FileManager.default.removeItem(atPath: folder.subpath(relative))
            try FileManager.default.createDirectory(atPath: (folder.subpath(relative) as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            #expect(mkfifo(folder.subpath(relative), 0o644) == 0)
        }

        /// Builds and checks the failure contract; returns stderr.
        @discardableResult
        func expectRefused(_ located: String, rule: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
            let result = try runLeafpress(build, in: folder, timeout: 120)
            #expect(result.status == 1, "\(result.stderr)", sourceLocation: sourceLocation)
            let line = result.stderr.split(separator: "\n").first { $0.hasPrefix(located + ": error: ") }
            #expect(line != nil, "no error located at \(located): \(result.stderr)", sourceLocation: sourceLocation)
            #expect(line?.hasSuffix("[\(rule)]") == true, "\(line ?? "")", sourceLocation: sourceLocation)
            #expect(!result.stderr.contains(Self.secret), sourceLocation: sourceLocation)
            expectIdentical(snapshot(folder.subpath("site")), site, sourceLocation: sourceLocation)
            #expect(leftovers(besides: folder.subpath("site")) == [], sourceLocation: sourceLocation)
            return result.stderr
        }
    }

    // MARK: links out of the folder, at each root

    @Test(arguments: [
        "content/site.yml", "content/leaflets", "content/assets", "content/assets/diagram.svg",
        "content/leaflets/wound-care/leaflet.yml", "content/leaflets/wound-care/10-follow-up.md",
        "content/leaflets/wound-care/dressing.png", "content/leaflets/wound-care/docs",
        "content/plain-language.yml",
        "templates/leaflet.mustache", "templates/partials", "templates/partials/footer.mustache",
        "templates/static", "templates/static/style.css", "templates/i18n/en.yml", "templates/i18n",
    ])
    func aLinkOutOfItsFolderIsRefused(path: String) throws {
        let fixture = try Fixture()
        try fixture.link(path, to: fixture.secretPath)
        if path == "content/plain-language.yml" {
            // Only `check` reads the plain-language list.
            let result = try runLeafpress(["check", "--content", "content", "--templates", "templates"], in: fixture.folder, timeout: 120)
            #expect(result.status == 1)
            #expect((result.stdout + result.stderr).contains("content/plain-language.yml: error: symbolic link points outside the content folder"), "\(result.stdout) \(result.stderr)")
            #expect(!result.stderr.contains(Fixture.secret) && !result.stdout.contains(Fixture.secret))
            return
        }
        let folder = path.hasPrefix("content/") ? "content folder" : "templates folder"
        let stderr = try fixture.expectRefused(path, rule: "symlink")
        #expect(stderr.contains("symbolic link points outside the \(folder)"), "\(stderr)")
    }

    @Test func aRelativeLinkThatClimbsOutIsRefused() throws {
        let fixture = try Fixture()
        try fixture.link("content/assets/diagram.svg", to: "../../outside/secret.txt")
        try fixture.expectRefused("content/assets/diagram.svg", rule: "symlink")
        try fixture.link("content/assets/diagram.svg", to: "../assets/../../outside/secret.txt")
        try fixture.expectRefused("content/assets/diagram.svg", rule: "symlink")
    }

    @Test func aLinkThroughALinkedFolderCannotLeave() throws {
        let fixture = try Fixture()
        // `inner` is inside the content folder; its target then climbs out from there.
        try fixture.link("content/leaflets/wound-care/inner", to: "../../assets")
        try fixture.link("content/assets/escape.svg", to: "../../outside/secret.txt")
        try fixture.expectRefused("content/assets/escape.svg", rule: "symlink")
    }

    // MARK: links inside the folder are read as copies

    @Test func linksInsideTheContentFolderAreCopiedAsRealFiles() throws {
        let fixture = try Fixture()
        try fixture.link("content/leaflets/wound-care/dressing.png", to: "../../assets/diagram.svg")
        try fixture.link("content/leaflets/wound-care/pictures", to: "../../assets")
        // Only files a section links to are published: show one through the linked folder.
        try fixture.folder.write("# Pictures\n\n![The wound diagram](pictures/diagram.svg)\n", to: "content/leaflets/wound-care/11-pictures.md")
        try fixture.link("content/leaflets/knee-replacement/03-c-exercises.md", to: "../wound-care/04-non-urgent.md")
        let result = try runLeafpress(fixture.build, in: fixture.folder, timeout: 120)
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try fixture.folder.read("content/assets/diagram.svg")
        for copy in ["site/wound-care/dressing.png", "site/wound-care/pictures/diagram.svg"] {
            var info = stat()
            #expect(lstat(fixture.folder.subpath(copy), &info) == 0, "\(copy) missing")
            #expect(info.st_mode & S_IFMT == S_IFREG, "\(copy) is not a regular file")
            #expect(try fixture.folder.read(copy) == svg)
        }
        #expect(try fixture.folder.read("site/knee-replacement.html").contains("mild itching around the dressing"))
    }

    // MARK: loops

    @Test(arguments: [
        ("content/leaflets/wound-care/a", "."),
        ("content/leaflets/wound-care/docs/up", ".."),
        ("content/assets/loop", "loop"),
        ("templates/partials/again", "../partials"),
    ])
    func aLinkLoopIsALocatedErrorAndEndsQuickly(path: String, target: String) throws {
        let fixture = try Fixture()
        try fixture.link(path, to: target)
        try fixture.expectRefused(path, rule: "symlink-loop")
    }

    @Test func aTwoLinkCycleIsALoop() throws {
        let fixture = try Fixture()
        try fixture.link("content/leaflets/wound-care/ping.png", to: "pong.png")
        try fixture.link("content/leaflets/wound-care/pong.png", to: "ping.png")
        let stderr = try fixture.expectRefused("content/leaflets/wound-care/ping.png", rule: "symlink-loop")
        #expect(stderr.contains("content/leaflets/wound-care/pong.png: error: symbolic link loop"))
    }

    @Test func aWideLinkFanIsRefusedNotWalkedExponentially() throws {
        let fixture = try Fixture()
        // Each level links twice to the next: 2^20 paths if folders were walked again.
        for level in 0..<20 {
            try fixture.folder.write("x\n", to: "content/leaflets/wound-care/docs/f\(level)/file.txt")
            if level > 0 {
                try fixture.link("content/leaflets/wound-care/docs/f\(level - 1)/a", to: "../f\(level)")
                try fixture.link("content/leaflets/wound-care/docs/f\(level - 1)/b", to: "../f\(level)")
            }
        }
        try fixture.expectRefused("content/leaflets/wound-care/docs/f0/a", rule: "symlink-loop")
    }

    // MARK: FIFOs and other special files

    @Test(arguments: [
        "content/site.yml", "content/leaflets/wound-care/leaflet.yml", "content/leaflets/wound-care/10-follow-up.md",
        "content/assets/diagram.svg", "content/leaflets/wound-care/dressing.png",
        "templates/leaflet.mustache", "templates/partials/footer.mustache", "templates/static/style.css", "templates/i18n/en.yml",
    ])
    func aFIFOIsRefusedWithoutBlocking(path: String) throws {
        let fixture = try Fixture()
        try fixture.fifo(path)
        let stderr = try fixture.expectRefused(path, rule: "special-file")
        #expect(stderr.contains("not a regular file (a FIFO)"))
    }

    @Test func aSectionLinkToAFIFOIsRefusedWithoutBlocking() throws {
        let fixture = try Fixture()
        try fixture.fifo("content/pipe")
        try fixture.link("content/leaflets/wound-care/10-follow-up.md", to: "../../pipe")
        try fixture.expectRefused("content/leaflets/wound-care/10-follow-up.md", rule: "special-file")
    }

    @Test func aSocketInALeafletFolderIsRefused() throws {
        let fixture = try Fixture()
        let path = fixture.folder.subpath("content/leaflets/wound-care/socket")
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.enumerated() where index < raw.count - 1 { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0)
        let stderr = try fixture.expectRefused("content/leaflets/wound-care/socket", rule: "special-file")
        #expect(stderr.contains("(a socket)"))
    }

    // MARK: names

    @Test func newlinesAndInvalidUTF8InFileNamesAreEscapedInMessages() throws {
        let fixture = try Fixture()
        try fixture.folder.write("x\n", to: "content/leaflets/wound-care/bad\nname.png")
        let invalid = fixture.folder.subpath("content/leaflets/wound-care/") + "caf"
        var bytes = Array(invalid.utf8) + [0xE9, 0x2E, 0x70, 0x6E, 0x67, 0]
        let fd = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { open($0, O_CREAT | O_WRONLY, 0o644) }
        }
        try #require(fd >= 0)
        close(fd)
        let result = try runLeafpress(fixture.build, in: fixture.folder, timeout: 120)
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains { $0.hasPrefix("content/leaflets/wound-care/bad\\nname.png: error: ") && $0.hasSuffix("[file-name]") }, "\(result.stderr)")
        #expect(lines.contains { $0.hasPrefix("content/leaflets/wound-care/caf\\xE9.png: error: file name is not valid UTF-8") }, "\(result.stderr)")
        // Every line of output is one whole diagnostic or the closing summary.
        for line in lines where !line.isEmpty {
            #expect(line.contains(": error: ") || line.contains(": warning: ") || line.hasPrefix("build failed"), "\(line)")
        }
        expectIdentical(snapshot(fixture.folder.subpath("site")), fixture.site)
    }
}
