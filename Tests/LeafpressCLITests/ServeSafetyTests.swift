import Foundation
import Testing
import LeafpressCore

/// `leafpress serve` under hostile input, through the real binary: it serves only bytes a
/// successful build produced, its event stream cannot be split by text in a message, a
/// huge header line is refused at once, and a port it cannot bind is a plain message.
@Suite("Serve safety", .serialized)
struct ServeSafetyTests {
    @Test func aLinkSwappedInAfterTheBuildNeverServesTheFileItPointsTo() throws {
        let server = try ServeTests.Server()
        let original = try HTTP.get("/assets/diagram.svg", port: server.port)
        #expect(original.status == 200)
        let secret = "SECRET-\(UUID().uuidString)"
        try server.folder.write(secret + "\n", to: "outside/secret.txt")
        let events = try HTTP.EventStream(port: server.port)
        try events.waitFor(": connected")
        let asset = server.folder.subpath("content/assets/diagram.svg")
        try FileManager.default.removeItem(atPath: asset)
        try FileManager.default.createSymbolicLink(atPath: asset, withDestinationPath: server.folder.subpath("outside/secret.txt"))
        let failure = try events.waitFor("event: failed")
        #expect(failure.contains("symbolic link points outside the content folder"), "\(failure)")
        let after = try HTTP.get("/assets/diagram.svg", port: server.port)
        #expect(after.body == original.body)
        #expect(!after.body.contains(secret))
    }

    @Test func carriageReturnsInAMessageCannotStartAnEvent() throws {
        let server = try ServeTests.Server()
        let events = try HTTP.EventStream(port: server.port)
        try events.waitFor(": connected")
        try server.folder.write("""
            title: Wound Care
            summary: s
            reviewed: 2026-03-01
            language: "x\\r\\revent: reload\\rdata: ok\\r\\r"

            """, to: "content/leaflets/wound-care/leaflet.yml")
        let text = try events.waitFor("event: failed")
        let end = try #require(text.range(of: "\n\n"), "the event never ended: \(text)")
        let event = text[..<end.lowerBound]
        #expect(!event.contains("\r"))
        for line in event.split(separator: "\n").dropFirst() {
            #expect(line.hasPrefix("data: "), "a line of the event is not data: \(line)")
        }
        // The injected text arrives inside a data field, never as an event of its own.
        #expect(!(String(event) + events.received).split(separator: "\n").contains { $0.hasPrefix("event: reload") })
    }

    @Test func aHugeHeaderLineIsRefusedAndTheServerKeepsServing() throws {
        let server = try ServeTests.Server()
        let fd = try HTTP.connect(port: server.port)
        defer { close(fd) }
        let request = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Long: " + String(repeating: "a", count: 200_000) + "\r\n\r\n"
        _ = request.withCString { send(fd, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            data.append(contentsOf: buffer[0..<count])
        }
        #expect(String(decoding: data, as: UTF8.self).hasPrefix("HTTP/1.1 431 "), "\(String(decoding: data.prefix(200), as: UTF8.self))")
        // Many header lines that add up past the head limit are refused the same way.
        let many = try HTTP.connect(port: server.port)
        defer { close(many) }
        let lines = "GET / HTTP/1.1\r\n" + String(repeating: "X-A: " + String(repeating: "b", count: 1000) + "\r\n", count: 80) + "\r\n"
        _ = lines.withCString { send(many, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
        var reply = [UInt8](repeating: 0, count: 64)
        let count = recv(many, &reply, reply.count, 0)
        #expect(count > 0 && String(decoding: reply[0..<count], as: UTF8.self).hasPrefix("HTTP/1.1 431 "))
        #expect(try HTTP.get("/", port: server.port).status == 200)
    }

    @Test func aPortInUseOrAnAddressItCannotBindIsAPlainMessage() throws {
        let server = try ServeTests.Server()
        let folder = server.folder
        let taken = try runLeafpress(["serve", "--port", String(server.port), "--content", folder.subpath("content"), "--templates", repositoryTemplates],
                                     in: folder, timeout: 60)
        #expect(taken.status == 1)
        #expect(taken.stderr.contains("error: cannot listen on 127.0.0.1:\(server.port): the port is already in use"), "\(taken.stderr)")
        let foreign = try runLeafpress(["serve", "--host", "192.0.2.1", "--port", "0", "--content", folder.subpath("content"), "--templates", repositoryTemplates],
                                       in: folder, timeout: 60)
        #expect(foreign.status == 1)
        #expect(foreign.stderr.contains("error: cannot listen on 192.0.2.1:0: this computer has no such address"), "\(foreign.stderr)")
        // Neither printed a build or a "serving" line first: the port is checked before any work.
        #expect(!taken.stdout.contains("serving") && !taken.stderr.contains("built "))
    }
}
