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

    public init(site: LiveSite, channel: ReloadChannel, host: String, port: UInt16) throws {
        self.site = site
        self.channel = channel
        server = HTTPServer(address: try .inet(ip4: host, port: port), timeout: 30, logger: .disabled)
    }

    /// Serves until the task is cancelled.
    public func run() async throws {
        let handler = Handler(site: site, channel: channel)
        await server.appendRoute("GET,HEAD *", to: handler)
        try await server.run()
    }

    /// The bound port, once listening (useful with port 0).
    public func waitForPort() async throws -> UInt16 {
        try await server.waitUntilListening()
        guard case .ip4(_, let port)? = await server.listeningAddress else { return 0 }
        return port
    }

    public func stop() async { await server.stop(timeout: 1) }

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
                    return HTTPResponse(statusCode: .movedPermanently, headers: [HTTPHeader("Location"): "/" + key])
                }
                return Self.serve(file, key: key + ".html")
            }
            if let file = files[key.isEmpty ? "index.html" : key + "/index.html"] {
                // A folder without its slash would break the page's relative links.
                if !key.isEmpty, !path.hasSuffix("/") {
                    return HTTPResponse(statusCode: .movedPermanently, headers: [HTTPHeader("Location"): path + "/"])
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
