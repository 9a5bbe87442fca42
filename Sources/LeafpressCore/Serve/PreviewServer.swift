import FlyingFox
import FlyingSocks
import Foundation

/// Serves the live site over HTTP for `leafpress serve`, with a reload script injected
/// into HTML responses (never into built files). Only files of the built site are
/// served: paths are looked up in the site's own table, so `..` or a symlink cannot
/// reach anything else.
public final class PreviewServer: @unchecked Sendable {
    public static let livePrefix = "/__leafpress/"

    private let site: LiveSite
    public let channel: ReloadChannel
    private let server: HTTPServer
    private let front: RequestHeadGuard

    /// Binds `host:port` at once; a port in use or an address that cannot be bound throws
    /// an error whose description says which and what to do.
    public init(site: LiveSite, channel: ReloadChannel, host: String, port: UInt16) throws {
        self.site = site
        self.channel = channel
        front = try RequestHeadGuard(host: host, port: port)
        server = HTTPServer(address: front.upstream, timeout: 30, logger: .disabled)
    }

    /// The bound port (useful with port 0).
    public var port: UInt16 { front.port }

    /// Serves until the task is cancelled.
    public func run() async throws {
        let handler = Handler(site: site, channel: channel)
        await server.appendRoute("GET,HEAD *", to: handler)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.server.run() }
            group.addTask {
                // Connections are relayed only once FlyingFox listens behind the guard.
                try await self.server.waitUntilListening()
                try await self.front.run()
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// The bound port, once the server behind the guard is listening.
    public func waitForPort() async throws -> UInt16 {
        try await server.waitUntilListening()
        return front.port
    }

    public func stop() async {
        front.close()
        await server.stop(timeout: 1)
    }

    struct Handler: HTTPHandler {
        let site: LiveSite
        let channel: ReloadChannel

        func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
            // The raw target: FlyingFox's `path` is standardised, which drops the
            // trailing slash that relative links on a folder page depend on.
            let path = request.target.path()
            if path == PreviewServer.livePrefix + "events" { return channel.response() }
            if path == PreviewServer.livePrefix + "live.js" {
                return Self.respond(.ok, Data(LiveScript.source.utf8), type: "text/javascript; charset=utf-8")
            }
            guard let key = Self.key(for: path) else {
                return Self.respond(.badRequest, Data("bad request\n".utf8), type: "text/plain; charset=utf-8")
            }
            guard let files = site.files else {
                let text = site.lastFailure?.description ?? "building…"
                return Self.respond(.serviceUnavailable, Data(LiveScript.errorPage(text).utf8), type: "text/html; charset=utf-8")
            }
            if let file = files[key] { return Self.serve(file, key: key) }
            // `/slug` is the leaflet page `slug.html`, as static hosts with clean URLs serve it.
            if !key.isEmpty, let file = files[key + ".html"] {
                // `/slug/` would break the page's relative links (they are relative to the root).
                if path.hasSuffix("/") {
                    return HTTPResponse(statusCode: .movedPermanently, headers: HTTPHeaders([HTTPHeader("Location"): "/" + key]), body: Data())
                }
                return Self.serve(file, key: key + ".html")
            }
            if let file = files[key.isEmpty ? "index.html" : key + "/index.html"] {
                // A folder without its slash would break the page's relative links.
                if !key.isEmpty, !path.hasSuffix("/") {
                    return HTTPResponse(statusCode: .movedPermanently, headers: HTTPHeaders([HTTPHeader("Location"): path + "/"]), body: Data())
                }
                return Self.serve(file, key: key.isEmpty ? "index.html" : key + "/index.html")
            }
            if let notFound = files["404.html"] {
                var response = Self.serve(notFound, key: "404.html")
                response.statusCode = .notFound
                return response
            }
            return Self.respond(.notFound, Data("not found\n".utf8), type: "text/plain; charset=utf-8")
        }

        /// The site-relative key of a request path, or nil when the path tries to climb
        /// (`..`), names hidden files or carries control characters.
        static func key(for path: String) -> String? {
            guard let decoded = path.removingPercentEncoding, decoded.hasPrefix("/") else { return nil }
            var parts: [Substring] = []
            for part in decoded.split(separator: "/", omittingEmptySubsequences: true) {
                if part == ".." || part.hasPrefix(".") || part.contains(where: { $0.asciiValue.map { $0 < 0x20 } ?? false }) || part.contains("\\") {
                    return nil
                }
                parts.append(part)
            }
            return parts.joined(separator: "/")
        }

        static func serve(_ file: MemoryOutput.File, key: String) -> HTTPResponse {
            let type = MediaType.of(key)
            guard type.hasPrefix("text/html") else { return respond(.ok, file, type: type) }
            return respond(.ok, LiveScript.inject(into: file), type: type)
        }

        static func respond(_ status: HTTPStatusCode, _ body: Data, type: String) -> HTTPResponse {
            HTTPResponse(statusCode: status,
                         headers: [.contentType: type, HTTPHeader("Cache-Control"): "no-store",
                                   HTTPHeader("X-Content-Type-Options"): "nosniff"],
                         body: body)
        }
    }
}
