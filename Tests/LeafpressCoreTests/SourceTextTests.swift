import Foundation
import Testing
@testable import LeafpressCore

@Suite("Source text")
struct SourceTextTests {
    private func decode(_ bytes: [UInt8]) -> Result<String, Diagnostic> {
        SourceText.decode(Data(bytes), displayPath: "content/leaflets/x/01-a.md")
    }

    @Test func byteOrderMarkIsStripped() throws {
        let text = try decode([0xEF, 0xBB, 0xBF] + Array("# Title\n".utf8)).get()
        #expect(text == "# Title\n")
    }

    @Test func windowsLineEndingsBecomeLineFeeds() throws {
        let text = try decode(Array("---\r\ntitle: A\r\n---\r\nBody\r\n".utf8)).get()
        #expect(text == "---\ntitle: A\n---\nBody\n")
    }

    @Test func oldMacLineEndingsBecomeLineFeeds() throws {
        let text = try decode(Array("one\rtwo\r".utf8)).get()
        #expect(text == "one\ntwo\n")
    }

    @Test func validMultiByteTextIsKept() throws {
        let text = try decode(Array("Día – “ok” 🩺\n".utf8)).get()
        #expect(text == "Día – “ok” 🩺\n")
    }

    @Test func invalidByteIsReportedAtItsLineAndColumn() {
        let result = decode(Array("ok\nab".utf8) + [0xFF] + Array("c".utf8))
        guard case .failure(let diagnostic) = result else {
            Issue.record("expected a failure, got \(result)")
            return
        }
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location == SourceLocation(path: "content/leaflets/x/01-a.md", line: 2, column: 3))
        #expect(diagnostic.rule == .encoding)
        #expect(diagnostic.message == "invalid UTF-8 byte 0xFF; save the file as UTF-8")
    }

    @Test func columnsCountCharactersNotBytes() {
        // "é" is two bytes but one column; the bad byte is the second character.
        let result = decode(Array("é".utf8) + [0xC0, 0x80])
        guard case .failure(let diagnostic) = result else {
            Issue.record("expected a failure, got \(result)")
            return
        }
        #expect(diagnostic.location?.line == 1)
        #expect(diagnostic.location?.column == 2)
        #expect(diagnostic.message.contains("0xC0"))
    }

    @Test func columnsStartAfterTheByteOrderMark() {
        let result = decode([0xEF, 0xBB, 0xBF, 0x61, 0xFE])
        guard case .failure(let diagnostic) = result else {
            Issue.record("expected a failure, got \(result)")
            return
        }
        #expect(diagnostic.location?.line == 1)
        #expect(diagnostic.location?.column == 2)
    }

    @Test func truncatedSequenceAtEndOfFileIsInvalid() {
        let result = decode(Array("ok\n".utf8) + [0xE2, 0x80])
        guard case .failure(let diagnostic) = result else {
            Issue.record("expected a failure, got \(result)")
            return
        }
        #expect(diagnostic.location?.line == 2)
        #expect(diagnostic.location?.column == 1)
    }

    @Test func encodedSurrogateIsInvalid() {
        // U+D800 encoded as UTF-8 (CESU style) is not valid UTF-8.
        if case .success(let text) = decode([0xED, 0xA0, 0x80]) {
            Issue.record("decoded a surrogate as \(text.debugDescription)")
        }
    }

    @Test func missingFileIsAnIOError() {
        let result = SourceText.load(path: "/nonexistent/leafpress/file.md", displayPath: "content/file.md")
        guard case .failure(let diagnostic) = result else {
            Issue.record("expected a failure")
            return
        }
        #expect(diagnostic.rule == .io)
        #expect(diagnostic.location == SourceLocation(path: "content/file.md"))
    }
}

@Suite("Reload events")
struct ReloadEventTests {
    @Test(arguments: ["a\rb", "a\r\nb", "a\nb", "a\r\revent: reload\r", "\r\n\r\n"])
    func everyLineBreakStartsANewDataField(text: String) {
        let event = ReloadChannel.event("failed", data: text)
        #expect(event.hasPrefix("event: failed\n") && event.hasSuffix("\n\n"))
        #expect(!event.contains("\r"))
        let body = event.dropFirst("event: failed\n".count).dropLast(2)
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(line.hasPrefix("data: "), "\(line)")
        }
    }
}

@Suite("Unique ids and anchors")
struct UniqueIDTests {
    @Test func tenThousandIdsSharingOneStemAreUniqueAndNumberedInOrder() {
        var ids = UniqueIDs(reserved: ["risks-3"])
        let claimed = (0..<10_000).map { _ in ids.claim("risks") }
        #expect(Set(claimed).count == 10_000)
        #expect(Array(claimed.prefix(4)) == ["risks", "risks-2", "risks-4", "risks-5"])
        #expect(claimed.last == "risks-10001")
        #expect(ids.claim("risks-2") == "risks-2-2")
    }

    @Test func anchorsCompareNFCNormalised() {
        let decomposed = "cafe\u{301}", precomposed = "caf\u{E9}"
        #expect(AnchorHash.of(file: "01-a.md", anchor: decomposed) == AnchorHash.of(file: "01-a.md", anchor: precomposed))
        #expect(AnchorHash.of(file: "01-a.md", anchor: "cafe") != AnchorHash.of(file: "01-a.md", anchor: precomposed))
    }
}
