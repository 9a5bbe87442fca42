import Foundation
import Testing
import LeafpressCore

/// `leafpress serve` end to end: the real binary on a free port, spoken to over plain
/// TCP sockets (no waiting on timers: the test reads until the expected bytes arrive).
@Suite("Serve", .serialized)
struct ServeTests {
    /// A running `leafpress serve` over a copy of the fixture site.
    final class Server {
        let folder: TemporaryDirectory
        let process = Process()
        let output = Pipe()
        var port: UInt16 = 0

        convenience init() throws {
            let folder = try TemporaryDirectory()
            try FixtureSite.write(into: folder)
            try self.init(folder: folder, arguments: ["--content", folder.subpath("content"), "--templates", repositoryTemplates])
        }

        /// `serve` run in `folder` with `arguments` after `--port 0`.
        init(folder: TemporaryDirectory, arguments: [String]) throws {
            self.folder = folder
            let executable = try #require(leafpressExecutable(), "the leafpress executable was not built")
            process.executableURL = URL(fileURLWithPath: executable)
            process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
            process.arguments = ["serve", "--port", "0"] + arguments
            process.standardOutput = output
            // Not read by the tests; a pipe nobody drains could block the server.
            process.standardError = FileHandle.nullDevice
            try process.run()
            // The first line on stdout names the bound port once the server listens.
            let line = try Self.readLine(output.fileHandleForReading)
            let digits = line.split(separator: ":").last?.prefix { $0.isNumber } ?? ""
            port = try #require(UInt16(digits), "no port in '\(line)'")
        }

        deinit {
            if process.isRunning { process.interrupt(); process.waitUntilExit() }
        }

        static func readLine(_ handle: FileHandle) throws -> String {
            var bytes: [UInt8] = []
            while true {
                let chunk = handle.readData(ofLength: 1)
                guard let byte = chunk.first else { throw ServeTestError("serve exited before printing its address") }
                if byte == 10 { return String(decoding: bytes, as: UTF8.self) }
                bytes.append(byte)
            }
        }
    }

    @Test func servesPagesWithTheirContentTypes() throws {
        let server = try Server()
        let index = try HTTP.get("/", port: server.port)
        #expect(index.status == 200)
        #expect(index.header("Content-Type") == "text/html; charset=utf-8")
        #expect(index.body.contains("Wound Care"))
        let css = try HTTP.get("/theme/style.css", port: server.port)
        #expect(css.status == 200)
        #expect(css.header("Content-Type") == "text/css; charset=utf-8")
        let svg = try HTTP.get("/assets/diagram.svg", port: server.port)
        #expect(svg.header("Content-Type") == "image/svg+xml")
        let missing = try HTTP.get("/no-such-page/", port: server.port)
        #expect(missing.status == 404)
        #expect(missing.body.contains("Page not found"))
    }

    @Test func cleanURLServesTheLeafletPage() throws {
        let server = try Server()
        let clean = try HTTP.get("/wound-care", port: server.port)
        #expect(clean.status == 200)
        #expect(clean.body.contains("<h1 id=\"leaflet-title\">Wound Care</h1>"))
        #expect(try HTTP.get("/wound-care.html", port: server.port).body == clean.body)
        // With a slash the page's root-relative links would break: redirect to the clean URL.
        let slash = try HTTP.get("/wound-care/", port: server.port)
        #expect(slash.status == 301)
        #expect(slash.header("Location") == "/wound-care")
    }

    @Test func reloadScriptIsInjectedOnlyWhenServing() throws {
        let server = try Server()
        let page = try HTTP.get("/wound-care", port: server.port)
        #expect(page.body.contains("<script src=\"/__leafpress/live.js\"></script></body>"))
        #expect(try HTTP.get("/__leafpress/live.js", port: server.port).body.contains("EventSource"))
        // A normal build of the same content never carries it.
        let built = try TemporaryDirectory()
        _ = try SiteBuilder(options: buildOptions(content: server.folder.subpath("content"), output: built.subpath("site"))).build()
        #expect(!(try built.read("site/wound-care.html")).contains("__leafpress"))
    }

    @Test func traversalAndHiddenFilesAreRefused() throws {
        let server = try Server()
        for path in ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/wound-care/..%2f..%2fleaflet.yml", "/.leafpress-output", "/theme/%00style.css"] {
            let response = try HTTP.get(path, port: server.port)
            #expect(response.status == 400, "\(path) → \(response.status)")
            #expect(!response.body.contains("root:"))
        }
        // Source files are not part of the site, whatever the path.
        #expect(try HTTP.get("/leaflets/wound-care/leaflet.yml", port: server.port).status == 404)
    }

    @Test func anEditIsServedOnTheNextRequestAndAnnouncedOnTheReloadStream() throws {
        let server = try Server()
        let events = try HTTP.EventStream(port: server.port)
        try events.waitFor(": connected")
        try server.folder.write("# Follow-up\n\nCome back in three weeks for a wound check.\n", to: "content/leaflets/wound-care/10-follow-up.md")
        try events.waitFor("event: reload")
        let page = try HTTP.get("/wound-care", port: server.port)
        #expect(page.body.contains("Come back in three weeks for a wound check."))
    }

    @Test func aTemplatesFolderMadeAfterStartIsWatchedAndApplied() throws {
        let folder = try TemporaryDirectory()
        try FixtureSite.write(into: folder)
        // No templates/ yet: the built-in theme alone.
        let server = try Server(folder: folder, arguments: ["--content", folder.subpath("content")])
        #expect(try !HTTP.get("/wound-care", port: server.port).body.contains("Local footer override"))
        let events = try HTTP.EventStream(port: server.port)
        try events.waitFor(": connected")
        let footer = "<footer class=\"site-footer\"><p>Local footer override</p>{{{disclaimer_html}}} {{{copyright_html}}}</footer>\n"
        try folder.write(footer, to: "templates/partials/footer.mustache")
        try events.waitFor("event: reload")
        #expect(try HTTP.get("/wound-care", port: server.port).body.contains("Local footer override"))
        // And later edits inside the new folder are seen too.
        try folder.write(footer.replacingOccurrences(of: "Local footer override", with: "Second footer edit"), to: "templates/partials/footer.mustache")
        try events.waitFor("event: reload")
        #expect(try HTTP.get("/wound-care", port: server.port).body.contains("Second footer edit"))
    }

    @Test func aBrokenEditIsReportedWhileTheLastGoodPageKeepsServing() throws {
        let server = try Server()
        let before = try HTTP.get("/wound-care", port: server.port).body
        let events = try HTTP.EventStream(port: server.port)
        try events.waitFor(": connected")
        try server.folder.write("---\nkind: urgnet\n---\n# Follow-up\n\nChanged.\n", to: "content/leaflets/wound-care/10-follow-up.md")
        let text = try events.waitFor("event: failed")
        #expect(text.contains("unknown section kind 'urgnet'"))
        #expect(try HTTP.get("/wound-care", port: server.port).body == before)
        // A page opened while the build is failing is told at once.
        let late = try HTTP.EventStream(port: server.port)
        #expect(try late.waitFor("event: failed").contains("urgnet"))
    }

    @Test func ctrlCStopsTheServer() throws {
        let server = try Server()
        server.process.interrupt()
        server.process.waitUntilExit()
        #expect(server.process.terminationReason == .exit)
        #expect(server.process.terminationStatus == 130)
        #expect(throws: (any Error).self) { try HTTP.get("/", port: server.port) }
    }

    @Test func hostMustBeAnAddress() throws {
        let folder = try TemporaryDirectory()
        let result = try runLeafpress(["serve", "--host", "example.org"], in: folder)
        #expect(result.status == 2)
    }

    @Test func localhostMeansTheLoopbackAddress() throws {
        let folder = try TemporaryDirectory()
        try FixtureSite.write(into: folder)
        let server = try Server(folder: folder, arguments: ["--content", folder.subpath("content"), "--host", "localhost"])
        #expect(try HTTP.get("/", port: server.port).status == 200)
    }
}

struct ServeTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Just enough HTTP/1.1 over a socket for these tests.
enum HTTP {
    struct Response {
        var status: Int
        var headers: [(String, String)]
        var body: String

        func header(_ name: String) -> String? {
            headers.first { $0.0.lowercased() == name.lowercased() }?.1
        }
    }

    static func connect(port: UInt16) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServeTestError("socket failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { close(fd); throw ServeTestError("connection refused on port \(port)") }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return fd
    }

    static func send(_ fd: Int32, path: String) {
        let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        _ = request.withCString { Glibc.send(fd, $0, strlen($0), 0) }
    }

    static func get(_ path: String, port: UInt16) throws -> Response {
        let fd = try connect(port: port)
        defer { close(fd) }
        send(fd, path: path)
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            data.append(contentsOf: buffer[0..<count])
            if let response = parse(data), response.complete { return response.value }
        }
        guard let response = parse(data) else { throw ServeTestError("no HTTP response for \(path)") }
        return response.value
    }

    /// A response once its headers and `Content-Length` bytes of body have arrived.
    static func parse(_ data: Data) -> (value: Response, complete: Bool)? {
        guard let split = data.firstRange(of: Data("\r\n\r\n".utf8)) else { return nil }
        let head = String(decoding: data[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(head.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        let headers = head.dropFirst().compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let body = data[split.upperBound...]
        let length = headers.first { $0.0.lowercased() == "content-length" }.flatMap { Int($0.1) }
        let response = Response(status: status, headers: headers, body: String(decoding: body, as: UTF8.self))
        return (response, length.map { body.count >= $0 } ?? false)
    }

    /// The reload stream, read as it arrives.
    final class EventStream {
        let fd: Int32
        var received = ""

        init(port: UInt16) throws {
            fd = try HTTP.connect(port: port)
            HTTP.send(fd, path: PreviewServer.livePrefix + "events")
        }

        deinit { close(fd) }

        /// Reads until `marker` has arrived (the socket's own timeout bounds the wait);
        /// returns what arrived from the marker on.
        @discardableResult
        func waitFor(_ marker: String) throws -> String {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                if let range = received.range(of: marker) {
                    let found = String(received[range.lowerBound...])
                    received = String(received[range.upperBound...])
                    return found
                }
                let count = recv(fd, &buffer, buffer.count, 0)
                guard count > 0 else { throw ServeTestError("stream ended before '\(marker)'; got: \(received)") }
                received += String(decoding: buffer[0..<count], as: UTF8.self)
            }
        }
    }
}
