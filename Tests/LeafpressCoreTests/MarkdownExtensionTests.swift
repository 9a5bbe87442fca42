import Foundation
import Testing
@testable import LeafpressCore

/// Leafpress's additions on top of cmark, at the Markdown stage: Markdown in, exact HTML
/// (and findings) out.
@Suite("Markdown stage: tables, figures, callouts, blocks")
struct MarkdownExtensionTests {
    /// Blocks held in memory, answering like the site's block library.
    struct Blocks: BlockProviding {
        var texts: [String: String]
        func block(named name: String) -> BlockLookup {
            guard let text = texts[name] else { return .failed(message: "no block '\(name)'", rule: .blockUnknown) }
            return .found(path: "content/blocks/\(name).md", text: text)
        }
    }

    /// Records what the stage asks the link rewriter, per file.
    struct RecordingLinks: LinkRewriting {
        var seen: [(destination: String, line: Int, column: Int, block: String?, anchors: [String: String])] = []
        mutating func rewrite(_ destination: String, isImage: Bool, line: Int, column: Int, anchors: [String: String]) -> String {
            rewrite(destination, isImage: isImage, line: line, column: column, block: nil, anchors: anchors)
        }
        mutating func rewrite(_ destination: String, isImage: Bool, line: Int, column: Int, block: String?, anchors: [String: String]) -> String {
            seen.append((destination, line, column, block, anchors))
            return destination
        }
    }

    func convert(_ markdown: String, options: MarkdownOptions = MarkdownOptions(), blocks: [String: String]? = nil) -> MarkdownDocument {
        var links = KeepLinks()
        return MarkdownConverter.convert(markdown[...], options: options, links: &links, blocks: blocks.map(Blocks.init(texts:)))
    }

    func html(_ markdown: String, options: MarkdownOptions = MarkdownOptions()) -> String {
        convert(markdown, options: options).html
    }

    var collecting: MarkdownOptions {
        var options = MarkdownOptions()
        options.collectText = true
        return options
    }

    // MARK: tables

    @Test func tableWithCaptionAlignmentAndHeaderScope() {
        let markdown = """
            Table: When to stop eating

            | Time before | What you can have |  Amount |
            | :---------- | :---------------: | ------: |
            | 6 hours     | *light* meal      |   small |
            | 2 hours     | water             | 1 glass |
            """
        #expect(html(markdown) == """
            <div class="table-scroll" role="region" tabindex="0" aria-label="When to stop eating">
            <table>
            <caption>When to stop eating</caption>
            <thead>
            <tr>
            <th scope="col" class="align-left">Time before</th><th scope="col" class="align-center">What you can have</th><th scope="col" class="align-right">Amount</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td class="align-left">6 hours</td><td class="align-center"><em>light</em> meal</td><td class="align-right">small</td>
            </tr>
            <tr>
            <td class="align-left">2 hours</td><td class="align-center">water</td><td class="align-right">1 glass</td>
            </tr>
            </tbody>
            </table>
            </div>

            """)
        #expect(convert(markdown).findings.isEmpty)
    }

    @Test func captionLineDirectlyAboveTheHeaderRow() {
        let output = html("Table: Doses\n| Day | Dose |\n| --- | --- |\n| 1 | 2 |\n")
        #expect(output.hasPrefix("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Doses\">\n<table>\n<caption>Doses</caption>\n"))
        #expect(!output.contains("<p>"))
    }

    @Test func linesAboveTheHeaderRowStayAParagraph() {
        let output = html("Take these:\n| Day | Dose |\n| --- | --- |\n")
        #expect(output.hasPrefix("<p>Take these:</p>\n<div class=\"table-scroll\""))
        #expect(output.contains("aria-label=\"Table: Day, Dose\""))
    }

    @Test func tableWithoutCaptionIsAWarningAtItsHeaderRow() {
        let document = convert("Intro.\n\n  | Day | Dose |\n  | --- | --- |\n  | 1 | 2 |\n")
        #expect(document.findings == [.init(rule: .tableCaption, message: "table has no caption; write 'Table: what it shows' in a paragraph right before it",
                                            line: 3, column: 5)])
        #expect(document.html.contains("aria-label=\"Table: Day, Dose\""))
    }

    @Test func captionLabelIsLocalisedAndEscaped() {
        var options = MarkdownOptions()
        options.labels.table = "Tabla"
        #expect(html("| a<b | \"c\" |\n| - | - |\n", options: options).contains("aria-label=\"Tabla: a&lt;b, &quot;c&quot;\""))
    }

    @Test func cellsHoldInlineContentOnlyAndAreEscaped() {
        let output = html("Table: x\n\n| # not a heading | - not a list | > not a quote | a < b & c |\n| - | - | - | - |\n")
        #expect(output.contains("<th scope=\"col\"># not a heading</th><th scope=\"col\">- not a list</th><th scope=\"col\">&gt; not a quote</th><th scope=\"col\">a &lt; b &amp; c</th>"))
    }

    @Test func rawHTMLInCellsIsDroppedUnlessAllowed() {
        let markdown = "Table: x\n\n| a |\n| - |\n| <script>alert(1)</script> |\n"
        #expect(html(markdown).contains("<td><!-- raw HTML omitted -->alert(1)<!-- raw HTML omitted --></td>"))
    }

    @Test func referenceLinksInCellsUseTheFilesDefinitions() {
        let output = html("Table: x\n\n| see |\n| - |\n| [the ward][ward] |\n\n[ward]: https://example.org/ward\n")
        #expect(output.contains("<td><a href=\"https://example.org/ward\">the ward</a></td>"))
    }

    @Test func linksAndImagesInCellsAreReportedWhereTheyAreWritten() {
        var links = RecordingLinks()
        let markdown = "Table: x\n\n| Where | Map |\n| --- | --- |\n| [ward](../ward/) | ![map of level 2](map.png) |\n"
        let document = MarkdownConverter.convert(markdown[...], options: MarkdownOptions(), links: &links)
        #expect(links.seen.map(\.destination) == ["../ward/", "map.png"])
        #expect(links.seen.map(\.line) == [5, 5])
        #expect(links.seen.map(\.column) == [3, 22])
        #expect(document.images.first?.text == "map of level 2")
    }

    @Test func cellTextIsCollectedForReadability() {
        let document = convert("Table: Fasting times\n\n| Time | What to do |\n| --- | --- |\n| 6 hours | Stop eating food. |\n", options: collecting)
        #expect(document.textBlocks == [
            .init(kind: .paragraph, text: "Fasting times", line: 1),
            .init(kind: .heading, text: "Time", line: 3),
            .init(kind: .heading, text: "What to do", line: 3),
            .init(kind: .tableCell, text: "6 hours", line: 5),
            .init(kind: .tableCell, text: "Stop eating food.", line: 5),
        ])
    }

    @Test func tableInsideABlockQuote() {
        let output = html("> Table: Doses\n>\n> | Day | Dose |\n> | --- | --- |\n> | 1 | 2 mg |\n")
        #expect(output.contains("<caption>Doses</caption>"))
        #expect(output.contains("<td>1</td><td>2 mg</td>"))
        #expect(!output.contains("&gt;"))
    }

    @Test func tableInsideAListItem() {
        let output = html("1. Check the times:\n\n   Table: Times\n\n   | When | What |\n   | --- | --- |\n   | 8am | tablet |\n")
        #expect(output.contains("<li>\n<p>Check the times:</p>\n<div class=\"table-scroll\""))
        #expect(output.contains("<td>8am</td><td>tablet</td>"))
    }

    @Test func tablesAreLeftAloneWithoutExtensions() {
        #expect(html("| a |\n| - |\n", options: .plain()) == "<p>| a |\n| - |</p>\n")
    }

    /// The eight table examples of the GFM spec (copied with their source lines and
    /// licence into Fixtures/gfm-tables): the same rows, cells, header cells, alignment
    /// and inline content. Leafpress's own markup (the scrolling box, `scope`, alignment
    /// as a class, because `align` is obsolete HTML and inline styles break the CSP) is
    /// mapped back to GFM's before comparing.
    @Test func gfmSpecTableExamples() throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/gfm-tables/examples", withExtension: "txt"))
        let text = try String(contentsOf: url, encoding: .utf8)
        let fence = String(repeating: "`", count: 32)
        var examples: [(markdown: String, html: String)] = []
        var rest = Substring(text)
        while let open = rest.range(of: fence + " example table\n") {
            let body = rest[open.upperBound...]
            guard let close = body.range(of: "\n" + fence) else { break }
            let parts = body[..<close.lowerBound].components(separatedBy: "\n.\n")
            examples.append((parts[0] + "\n", parts.count > 1 ? parts[1] : ""))
            rest = body[close.upperBound...]
        }
        #expect(examples.count == 8)
        for (index, example) in examples.enumerated() {
            var options = MarkdownOptions()
            options.smartPunctuation = false
            let output = Self.asGFM(html(example.markdown, options: options))
            #expect(output == Self.squeezed(example.html), "example \(index + 1)")
        }
    }

    static func asGFM(_ html: String) -> String {
        var text = html
        if let start = text.range(of: "<div class=\"table-scroll\""), let end = text[start.upperBound...].range(of: ">") {
            text.removeSubrange(start.lowerBound..<end.upperBound)
            text = text.replacingOccurrences(of: "</table>\n</div>", with: "</table>")
        }
        text = text.replacingOccurrences(of: " scope=\"col\"", with: "")
        for alignment in ["left", "center", "right"] {
            text = text.replacingOccurrences(of: " class=\"align-\(alignment)\"", with: " align=\"\(alignment)\"")
        }
        return squeezed(text)
    }

    /// Whitespace between tags does not change the structure.
    static func squeezed(_ html: String) -> String {
        html.replacingOccurrences(of: ">\n", with: ">").replacingOccurrences(of: "\n<", with: "<")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: figures

    @Test func imageAloneWithTitleBecomesAFigure() {
        #expect(html("![A clean dressing over the knee](knee.png \"Your dressing after surgery\")\n") == """
            <figure>
            <img src="knee.png" alt="A clean dressing over the knee" /><figcaption>Your dressing after surgery</figcaption>
            </figure>

            """)
    }

    @Test func figureCaptionIsEscaped() {
        #expect(html("![x](a.png \"<b> & \\\"c\\\"\")").contains("<figcaption>&lt;b&gt; &amp; &quot;c&quot;</figcaption>"))
    }

    @Test func imageWithoutTitleOrWithTextStaysInline() {
        #expect(html("![Knee](knee.png)") == "<p><img src=\"knee.png\" alt=\"Knee\" /></p>\n")
        #expect(html("See ![Knee](knee.png \"t\")") == "<p>See <img src=\"knee.png\" alt=\"Knee\" title=\"t\" /></p>\n")
    }

    @Test func figureStillNeedsAltText() {
        let document = convert("![](knee.png \"Your dressing\")")
        #expect(document.images.map(\.text) == [""])
        #expect(document.html.contains("<figure>"))
    }

    @Test func figureCaptionCountsAsText() {
        let document = convert("![Knee](knee.png \"Your dressing after surgery\")", options: collecting)
        #expect(document.textBlocks == [.init(kind: .paragraph, text: "Your dressing after surgery", line: 1)])
    }

    // MARK: callouts

    @Test(arguments: Callout.Level.allCases)
    func calloutLevels(level: Callout.Level) {
        let label = MarkdownLabels().label(for: level)
        #expect(html("> [!\(level.rawValue.uppercased())]\n> Bring your **medicines**.\n") == """
            <div class="callout callout-\(level.rawValue)">
            <p class="callout-label">\(label)</p>
            <p>Bring your <strong>medicines</strong>.</p>
            </div>

            """)
    }

    @Test func calloutLabelIsLocalised() {
        var options = MarkdownOptions()
        options.labels.warning = "Advertencia"
        #expect(html("> [!warning]\n>\n> No conduzca.\n", options: options) == """
            <div class="callout callout-warning">
            <p class="callout-label">Advertencia</p>
            <p>No conduzca.</p>
            </div>

            """)
    }

    @Test func quotesThatAreNotCalloutsStayQuotes() {
        #expect(html("> [!NOTE] on the same line\n") == "<blockquote>\n<p>[!NOTE] on the same line</p>\n</blockquote>\n")
        #expect(html("> [!HINT]\n> text\n").hasPrefix("<blockquote>"))
        #expect(html("> Just a quote.\n") == "<blockquote>\n<p>Just a quote.</p>\n</blockquote>\n")
    }

    // MARK: shared blocks

    @Test func includeIsReplacedByTheBlock() {
        let document = convert("Before.\n\n{{> contact}}\n\nAfter.\n", blocks: ["contact": "Call **0100 000 000**.\n"])
        #expect(document.html == "<p>Before.</p>\n<p>Call <strong>0100 000 000</strong>.</p>\n<p>After.</p>\n")
        #expect(document.blocks == ["contact"])
        #expect(document.findings.isEmpty)
    }

    @Test func blockHeadingsShiftAndIdsStayUnique() {
        var options = MarkdownOptions()
        options.extractTitle = true
        options.idPrefix = "help"
        let blocks = ["contact": "# Contact us\n\nPhone us.\n\n## Opening hours\n\nAll day.\n"]
        let document = convert("# Getting help\n\n## Contact us\n\nAsk at the desk.\n\n{{> contact}}\n\n{{> contact}}\n", options: options, blocks: blocks)
        #expect(document.headings.map(\.id) == ["help--contact-us", "help--contact-us-1", "help--opening-hours", "help--contact-us-2", "help--opening-hours-1"])
        #expect(document.headings.map(\.level) == [3, 3, 4, 3, 4])
        #expect(document.headings.map(\.source) == [nil, "content/blocks/contact.md", "content/blocks/contact.md", "content/blocks/contact.md", "content/blocks/contact.md"])
        #expect(document.html.contains("<h3 id=\"help--contact-us-1\">\nContact us\n</h3>"))
        // The file's own heading keeps the id other leaflets link to.
        #expect(document.anchors["contact-us"] == "help--contact-us")
    }

    @Test func linksInABlockResolveFromTheBlock() {
        var links = RecordingLinks()
        let markdown = "Intro [here](#intro).\n\n{{> map}}\n"
        let provider = Blocks(texts: ["map": "## Finding us\n\nSee [the map](../assets/map.png) and [above](#finding-us).\n"])
        _ = MarkdownConverter.convert(markdown[...], options: MarkdownOptions(), links: &links, blocks: provider)
        #expect(links.seen.map(\.block) == [nil, "content/blocks/map.md", "content/blocks/map.md"])
        #expect(links.seen.map(\.line) == [1, 3, 3])
        #expect(links.seen[1].column == 5)
        #expect(links.seen[2].anchors == ["finding-us": "finding-us"])
    }

    @Test func blockTextIsCollectedWithItsFile() {
        let document = convert("Own text here.\n\n{{> contact}}\n", options: collecting, blocks: ["contact": "Line one.\n\nCall us any time.\n"])
        #expect(document.textBlocks == [
            .init(kind: .paragraph, text: "Own text here.", line: 1),
            .init(kind: .paragraph, text: "Line one.", line: 1, source: "content/blocks/contact.md"),
            .init(kind: .paragraph, text: "Call us any time.", line: 3, source: "content/blocks/contact.md"),
        ])
    }

    @Test func blocksIncludeBlocksAndEveryNameIsRecorded() {
        let document = convert("{{> footer}}\n", blocks: ["footer": "{{> contact}}\n\n{{>other-formats}}\n", "contact": "Call.\n", "other-formats": "Large print.\n"])
        #expect(document.html == "<p>Call.</p>\n<p>Large print.</p>\n")
        #expect(document.blocks == ["footer", "contact", "other-formats"])
    }

    @Test func unknownBlockIsALocatedError() {
        let document = convert("Text.\n\n  {{> contcat}}\n", blocks: ["contact": "x"])
        #expect(document.findings == [.init(rule: .blockUnknown, message: "no block 'contcat'", line: 3, column: 3)])
        #expect(!document.html.contains("contcat"))
    }

    @Test func blockCycleIsALocatedError() {
        let document = convert("{{> a}}\n", blocks: ["a": "A.\n\n{{> b}}\n", "b": "B.\n\n{{> a}}\n"])
        #expect(document.findings == [.init(rule: .blockCycle, message: "block 'a' includes itself (a → b → a)", line: 3, column: 1,
                                            source: "content/blocks/b.md")])
        let direct = convert("{{> a}}\n", blocks: ["a": "{{> a}}\n"])
        #expect(direct.findings.map(\.rule) == [.blockCycle])
    }

    @Test func includeInsideOtherTextIsAWarning() {
        let document = convert("Call {{> contact}} today.\n", blocks: ["contact": "x"])
        #expect(document.findings.map(\.rule) == [.blockInline])
        #expect(document.html == "<p>Call {{&gt; contact}} today.</p>\n")
    }

    @Test func tablesAndCalloutsInsideBlocks() {
        let document = convert("{{> fasting}}\n", blocks: ["fasting": "> [!IMPORTANT]\n> Stop eating.\n\n| When | What |\n| --- | --- |\n| 6h | food |\n"])
        #expect(document.html.contains("<div class=\"callout callout-important\">"))
        #expect(document.html.contains("<td>6h</td><td>food</td>"))
        #expect(document.findings == [.init(rule: .tableCaption, message: "table has no caption; write 'Table: what it shows' in a paragraph right before it",
                                            line: 4, column: 3, source: "content/blocks/fasting.md")])
    }

    @Test func withoutABlockSourceIncludesStayText() {
        #expect(html("{{> contact}}") == "<p>{{&gt; contact}}</p>\n")
    }
}
