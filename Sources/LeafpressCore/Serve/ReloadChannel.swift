import FlyingFox
import FlyingSocks
import Foundation

/// Server-sent events to every open page: `reload` after a good rebuild, `failed` with
/// the diagnostics after a bad one. A page that connects while the build is failing is
/// told at once, so the overlay survives a manual reload.
public final class ReloadChannel: @unchecked Sendable {
    private let lock = NSLock()
    private var listeners: [UUID: AsyncStream<[UInt8]>.Continuation] = [:]
    private var current: String?

    public init() {}

    /// Tells every open page to reload.
    public func reload() {
        lock.withLock { current = nil }
        send(Self.event("reload", data: "ok"))
    }

    /// Shows `text` (the build's errors) in an overlay on every open page.
    public func failed(_ text: String) {
        let message = Self.event("failed", data: text)
        lock.withLock { current = message }
        send(message)
    }

    /// Number of pages listening, for tests and the terminal.
    public var listenerCount: Int { lock.withLock { listeners.count } }

    /// A streaming `text/event-stream` response that lasts until the page goes away.
    func response() -> HTTPResponse {
        let id = UUID()
        let (stream, continuation) = AsyncStream.makeStream(of: [UInt8].self, bufferingPolicy: .bufferingNewest(16))
        continuation.onTermination = { [weak self] _ in
            self?.lock.withLock { _ = self?.listeners.removeValue(forKey: id) }
        }
        let pending = lock.withLock { () -> String? in
            listeners[id] = continuation
            return current
        }
        // A comment first, so the browser sees the stream open straight away.
        continuation.yield(Array(": connected\n\n".utf8))
        if let pending { continuation.yield(Array(pending.utf8)) }
        return HTTPResponse(
            statusCode: .ok,
            headers: [.contentType: "text/event-stream", HTTPHeader("Cache-Control"): "no-store",
                      HTTPHeader("X-Content-Type-Options"): "nosniff"],
            body: HTTPBodySequence(from: EventBytes(stream: stream), suggestedBufferSize: 1024))
    }

    private func send(_ message: String) {
        let bytes = Array(message.utf8)
        for continuation in lock.withLock({ Array(listeners.values) }) { continuation.yield(bytes) }
    }

    /// One SSE message; every line of `data` gets its own `data:` field. Lines end at
    /// CRLF, LF or a lone CR, as the event-stream format defines, so no text in a message
    /// can end a field early and start an event of its own.
    static func event(_ name: String, data: String) -> String {
        var lines: [Substring] = []
        var rest = Substring(data)
        while let end = rest.firstIndex(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            lines.append(rest[..<end])
            rest = rest[rest.index(after: end)...]
        }
        lines.append(rest)
        let cleaned = lines.map { $0.replacingOccurrences(of: "\0", with: "\u{FFFD}") }
        return "event: \(name)\n" + cleaned.map { "data: \($0)\n" }.joined() + "\n"
    }
}

/// The bytes of an event stream, in the buffered form FlyingFox streams a body from.
struct EventBytes: AsyncBufferedSequence {
    typealias Element = UInt8
    let stream: AsyncStream<[UInt8]>

    func makeAsyncIterator() -> Iterator { Iterator(base: stream.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var base: AsyncStream<[UInt8]>.AsyncIterator
        var pending: ArraySlice<UInt8> = []

        mutating func next() async throws -> UInt8? {
            if pending.isEmpty {
                guard let chunk = await base.next() else { return nil }
                pending = chunk[...]
            }
            return pending.popFirst()
        }

        mutating func nextBuffer(suggested count: Int) async throws -> ArraySlice<UInt8>? {
            if pending.isEmpty {
                guard let chunk = await base.next() else { return nil }
                pending = chunk[...]
            }
            let out = pending.prefix(Swift.max(1, count))
            pending = pending.dropFirst(out.count)
            return out
        }
    }
}
