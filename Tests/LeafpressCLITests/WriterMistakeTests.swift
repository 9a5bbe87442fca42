import Foundation
import Testing
import LeafpressCore

/// Issue #13: a fixture per writer's mistake, checked through the binary for its rule,
/// file, line and advice.
@Suite("Writer mistakes, end to end")
struct WriterMistakeTests {
    // MARK: item 9: US and UK spellings

    @Test func americanLeafletGetsJargonWarnings() throws {
        let site = try PublishSite(site: "language: en-US\n")
        try site.leaflet("us-leaflet", sections: ["01-about.md": "# About\n\nA hematologist will see you.\n\nYou will have anesthesia.\n\nDo not take NSAIDs.\n"])
        let (result, findings) = try site.check()
        #expect(result.status == 0)
        let jargon = findings.of(.jargon).filter { $0.path == PublishSite.path("us-leaflet/01-about.md") }
        #expect(jargon.map(\.line) == [3, 5, 7])
        #expect(jargon.map(\.message) == ["'hematologist' is jargon; use 'blood doctor' instead",
                                          "'anesthesia' is jargon; use 'medicine that stops you feeling pain' instead",
                                          "'NSAIDs' is jargon; use 'anti-inflammatory painkiller, such as ibuprofen' instead"])
    }
}
