import FlyingFox
import FlyingSocks
import Foundation

/// The front door of `serve`. It owns the listening socket (so a port in use or an address
/// that cannot be bound is a plain message at once) and relays each connection to the
/// FlyingFox server behind it. FlyingFox's line reader takes time quadratic in a line's
/// length, so the guard reads each request head itself, in linear time and within limits
/// (`maxRequestLine`, `maxLine`, `maxHead`; beyond them `431`/`414` and the connection
/// closes), and passes on only the request line and the `Connection` header, which is all
/// the preview handler uses.
final class RequestHeadGuard: @unchecked Sendable {
    static let maxRequestLine = 2 * 1024
    static let maxLine = 8 * 1024
    static let maxHead = 64 * 1024

    private let listener: Socket
    /// Where FlyingFox listens: an abstract Unix socket, which leaves no file behind.
    let upstream: sockaddr_un
    /// The port actually bound (useful with port 0).
    let port: UInt16

    /// Why `serve` could not listen.
    struct BindFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// Binds and listens on `host:port`.
    init(host: String, port: UInt16) throws(BindFailure) {
        upstream = .unix(abstractNamespace: "leafpress-serve-\(getpid())-\(UUID().uuidString)")
        do {
            let socket = try Socket(domain: AF_INET, type: .stream)
            try socket.setValue(true, for: .localAddressReuse)
            try socket.bind(to: try sockaddr_in.inet(ip4: host, port: port))
            try socket.listen()
            listener = socket
            guard case .ip4(_, let bound) = try socket.sockname() else { throw SocketError.unsupportedAddress }
            self.port = bound
        } catch {
            let reason: String
            switch error {
            case SocketError.failed(_, let code, _) where code == EADDRINUSE:
                reason = "the port is already in use (another server is running there); stop it or choose another --port"
            case SocketError.failed(_, let code, _) where code == EADDRNOTAVAIL:
                reason = "this computer has no such address; use 127.0.0.1 or one of its own addresses"
            case SocketError.failed(_, let code, _) where code == EACCES:
                reason = "permission denied (ports below 1024 need special rights); choose a --port above 1023"
            case SocketError.failed(_, let code, let message):
                reason = "\(message) (\(String(cString: strerror(code))))"
            default:
                reason = "\(error)"
            }
            throw BindFailure(description: "cannot listen on \(host):\(port): \(reason)")
        }
    }

    /// Accepts connections until cancelled, relaying each to `upstream`.
    func run() async throws {
        let pool = HTTPServer.defaultPool()
        try await pool.prepare()
        let server = try AsyncSocket(socket: listener, pool: pool)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await pool.run() }
            group.addTask {
                await withTaskGroup(of: Void.self) { connections in
                    do {
                        for try await client in server.sockets {
                            connections.addTask { await self.relay(client, pool: pool) }
                        }
                    } catch {}
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    func close() { try? listener.close() }

    /// Copies bytes both ways until either side is done. Sockets are only shut down while
    /// the other direction may still be waiting on them (which wakes it with an end of
    /// stream) and closed once both directions have finished.
    private func relay(_ client: AsyncSocket, pool: some AsyncSocketPool) async {
        guard let server = try? await AsyncSocket.connected(to: upstream, pool: pool) else {
            try? client.close()
            return
        }
        let clientFD = client.socket.file.rawValue, serverFD = server.socket.file.rawValue
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                var reader = HeadReader()
                while let chunk = try? await client.read(atMost: 4096), !chunk.isEmpty {
                    let (heads, refusal) = reader.accept(chunk)
                    if !heads.isEmpty, (try? await server.write(Data(heads))) == nil { break }
                    if let refusal {
                        try? await client.write(refusal)
                        _ = shutdown(clientFD, Int32(SHUT_RDWR))
                        _ = shutdown(serverFD, Int32(SHUT_RDWR))
                        return
                    }
                }
                // The client is done sending: let the server finish its answers, then end.
                _ = shutdown(serverFD, Int32(SHUT_WR))
            }
            group.addTask {
                while let chunk = try? await server.read(atMost: 4096), !chunk.isEmpty {
                    guard (try? await client.write(Data(chunk))) != nil else { break }
                }
                _ = shutdown(clientFD, Int32(SHUT_RDWR))
                _ = shutdown(serverFD, Int32(SHUT_RDWR))
            }
        }
        try? client.close()
        try? server.close()
    }

    static func refusal(_ status: String) -> Data {
        let body = "\(status)\n"
        return Data("HTTP/1.1 \(status)\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)".utf8)
    }

    /// Splits what a client sends into request heads, in linear time, and rewrites each
    /// complete head to its request line and `Connection` header.
    struct HeadReader {
        private var line: [UInt8] = []
        private var lines: [[UInt8]] = []
        private var headBytes = 0

        /// Rewritten heads completed by `bytes`, and the response that refuses the
        /// connection when a limit was passed (nothing more is read then).
        mutating func accept(_ bytes: [UInt8]) -> (heads: [UInt8], refusal: Data?) {
            var heads: [UInt8] = []
            for byte in bytes {
                headBytes += 1
                guard byte == UInt8(ascii: "\n") else {
                    line.append(byte)
                    let limit = lines.isEmpty ? RequestHeadGuard.maxRequestLine : RequestHeadGuard.maxLine
                    if line.count > limit {
                        return (heads, RequestHeadGuard.refusal(lines.isEmpty ? "414 URI Too Long" : "431 Request Header Fields Too Large"))
                    }
                    if headBytes > RequestHeadGuard.maxHead { return (heads, RequestHeadGuard.refusal("431 Request Header Fields Too Large")) }
                    continue
                }
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                defer { line = [] }
                if !line.isEmpty {
                    lines.append(line)
                    continue
                }
                guard let requestLine = lines.first else { headBytes = 0; continue }   // blank lines between requests
                var head = requestLine + Array("\r\n".utf8)
                for field in lines.dropFirst() {
                    guard let colon = field.firstIndex(of: UInt8(ascii: ":")) else { continue }
                    let name = String(decoding: field[..<colon], as: UTF8.self).trimmingCharacters(in: .whitespaces).lowercased()
                    let value = String(decoding: field[(colon + 1)...], as: UTF8.self).trimmingCharacters(in: .whitespaces)
                    if name == "content-length" && value != "0" || name == "transfer-encoding" {
                        return (heads, RequestHeadGuard.refusal("400 Bad Request"))
                    }
                    if name == "connection", value.count <= 64 { head += Array("Connection: \(value)\r\n".utf8) }
                }
                heads += head + Array("\r\n".utf8)
                lines = []
                headBytes = 0
            }
            return (heads, nil)
        }
    }
}
