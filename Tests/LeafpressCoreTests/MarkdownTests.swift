import Testing
@testable import LeafpressCore

/// Markdown in, exact HTML out.
@Suite("Markdown stage")
struct MarkdownTests {
    /// Converts with `KeepLinks`, recording the unsafe-link warnings.
    func convert(_ markdown: String, options: MarkdownOptions = MarkdownOptions(),
                 warnings: UnsafeWarnings? = nil) -> MarkdownDocument {
        var links = KeepLinks()
        return MarkdownConverter.convert(markdown[...], options: options, links: &links) { message, line, column in
            warnings?.append(message, line: line, column: column)
        }
    }

    func html(_ markdown: String, options: MarkdownOptions = MarkdownOptions()) -> String {
        convert(markdown, options: options).html
    }

    /// Options the leaflet renderer uses for a section without a front matter title.
    func sectionOptions(prefix: String = "self-care") -> MarkdownOptions {
        var options = MarkdownOptions()
        options.extractTitle = true
        options.idPrefix = prefix
        return options
    }

    final class UnsafeWarnings {
        var recorded: [(message: String, line: Int, column: Int)] = []
        func append(_ message: String, line: Int, column: Int) { recorded.append((message, line, column)) }
    }

    // MARK: CommonMark basics

    @Test func paragraph() {
        #expect(html("Rest for a day.") == "<p>Rest for a day.</p>\n")
    }

    @Test func paragraphsAreSeparatedByBlankLines() {
        #expect(html("Rest for a day.\n\nDrink water.\n") == "<p>Rest for a day.</p>\n<p>Drink water.</p>\n")
    }

    @Test func emphasisAndStrong() {
        #expect(html("Do *not* drive for **24 hours**.") == "<p>Do <em>not</em> drive for <strong>24 hours</strong>.</p>\n")
    }

    @Test func bulletList() {
        #expect(html("- rest\n- drink water\n") == "<ul>\n<li>rest</li>\n<li>drink water</li>\n</ul>\n")
    }

    @Test func orderedList() {
        #expect(html("1. wash\n2. dry\n") == "<ol>\n<li>wash</li>\n<li>dry</li>\n</ol>\n")
    }

    @Test func textIsEscaped() {
        #expect(html("Blood sugar < 4 & falling") == "<p>Blood sugar &lt; 4 &amp; falling</p>\n")
    }

    // MARK: smart punctuation

    @Test func smartQuotesAreOnByDefault() {
        #expect(html("\"hi\"") == "<p>“hi”</p>\n")
    }

    @Test func smartApostropheAndDashes() {
        #expect(html("Don't wait -- call now...") == "<p>Don’t wait – call now…</p>\n")
    }

    @Test func smartPunctuationCanBeTurnedOff() {
        var options = MarkdownOptions()
        options.smartPunctuation = false
        #expect(html("\"hi\"", options: options) == "<p>&quot;hi&quot;</p>\n")
    }

    // MARK: raw HTML and unsafe links

    @Test func rawHTMLBlockIsARawHTMLFindingByDefault() {
        let document = convert("Intro.\n\n<div class=\"x\">hi</div>\n")
        #expect(document.findings == [.init(rule: .rawHTML, message: "raw HTML <div> is not published (unsafe_html is off); write plain Markdown paragraphs separated by a blank line", line: 3, column: 1)])
    }

    @Test func inlineRawHTMLIsOneFindingAtItsColumn() {
        let document = convert("Press <kbd>Enter</kbd>.")
        #expect(document.findings.map(\.line) == [1])
        #expect(document.findings.map(\.column) == [7])
        #expect(document.findings.first?.message.contains("<kbd>") == true)
    }

    @Test func supSubAndBrAreKeptWithoutUnsafeHTML() {
        let document = convert("The risk is 1 in 10<sup>4</sup>.\n\nH<sub>2</sub>O\n\n5 ml<br>twice a day, 10 ml<BR />at night\n")
        #expect(document.findings.isEmpty)
        #expect(document.html == "<p>The risk is 1 in 10<sup>4</sup>.</p>\n<p>H<sub>2</sub>O</p>\n<p>5 ml<br>twice a day, 10 ml<br>at night</p>\n")
    }

    @Test func supWithAttributesIsAFinding() {
        let document = convert("10<sup class=\"x\">4</sup>")
        #expect(document.findings.count == 1)
        #expect(document.findings.first?.message.contains("without attributes") == true)
    }

    @Test func commentsAreAuthorsNotesAndNotContent() {
        let document = convert("<!-- a note for authors -->\n")
        #expect(document.findings.isEmpty)
        #expect(document.html == "")
        #expect(document.isEmpty)
        #expect(convert("Text <!-- note --> more.").html == "<p>Text  more.</p>\n")
    }

    @Test func rawHTMLIsKeptWithUnsafeHTML() {
        var options = MarkdownOptions()
        options.unsafeHTML = true
        #expect(html("<div class=\"x\">hi</div>\n", options: options) == "<div class=\"x\">hi</div>\n")
        #expect(html("Press <kbd>Enter</kbd>.", options: options) == "<p>Press <kbd>Enter</kbd>.</p>\n")
        #expect(convert("<div class=\"x\">hi</div>\n", options: options).findings.isEmpty)
    }

    @Test func javascriptLinkKeepsItsTextWithoutALink() {
        let warnings = UnsafeWarnings()
        let document = convert("Intro.\n\nSee [this *page*](javascript:alert(1)).\n", warnings: warnings)
        #expect(document.html == "<p>Intro.</p>\n<p>See this <em>page</em>.</p>\n")
        #expect(warnings.recorded.count == 1)
        #expect(warnings.recorded.first?.message == "removed unsafe link 'javascript:alert(1)'; its text is kept without a link")
        #expect(warnings.recorded.first?.line == 3)
    }

    @Test func javascriptLinkIsRemovedEvenWithUnsafeHTML() {
        var options = MarkdownOptions()
        options.unsafeHTML = true
        let warnings = UnsafeWarnings()
        let document = convert("[this](javascript:alert(1))", options: options, warnings: warnings)
        #expect(document.html == "<p>this</p>\n")
        #expect(warnings.recorded.map(\.line) == [1])
    }

    @Test func mixedCaseAndWhitespaceInSchemeAreStillBlocked() {
        var options = MarkdownOptions()
        options.unsafeHTML = true
        let warnings = UnsafeWarnings()
        let document = convert("[a](JavaScript:alert(1)) [b](<java\tscript:alert(1)>) [c](java&#x73;cript:x)", options: options, warnings: warnings)
        #expect(document.html == "<p>a b c</p>\n")
        #expect(warnings.recorded.count == 3)
    }

    @Test func dataImageBecomesItsAltText() {
        let warnings = UnsafeWarnings()
        let document = convert("![dot](data:image/png;base64,iVBORw0KGgo=)", warnings: warnings)
        #expect(document.html == "<p>dot</p>\n")
        #expect(warnings.recorded.map(\.message) == ["removed unsafe image source 'data:image/png;base64,iVBORw0KGgo='; its text is kept without a link"])
        #expect(warnings.recorded.map(\.line) == [1])
    }

    @Test(arguments: ["vbscript:msgbox(1)", "file:///etc/passwd", " javascript:x", "DATA:text/html,x"])
    func otherDangerousSchemesAreRemoved(destination: String) {
        var options = MarkdownOptions()
        options.unsafeHTML = true
        let warnings = UnsafeWarnings()
        let document = convert("[x](<\(destination)>)", options: options, warnings: warnings)
        #expect(document.html == "<p>x</p>\n")
        #expect(warnings.recorded.count == 1)
    }

    @Test func schemeLikeTextAfterAPathIsNotBlocked() {
        let warnings = UnsafeWarnings()
        let document = convert("[x](notes/javascript:1.txt)", warnings: warnings)
        #expect(document.html == "<p><a href=\"notes/javascript:1.txt\">x</a></p>\n")
        #expect(warnings.recorded.isEmpty)
    }

    /// Rewrites nothing but asks for a printed URL, as the resolver does with `base_url`.
    struct PrintingLinks: LinkRewriting {
        func rewrite(_ destination: String, isImage: Bool, line: Int, column: Int, anchors: [String: String]) -> String {
            destination
        }
        func printURL(for href: String) -> String? {
            href.hasPrefix("#") ? nil : "https://leaflets.example.org/x/" + href
        }
    }

    @Test func linksWithAPrintURLCarryItAsAnAttribute() {
        var links = PrintingLinks()
        let document = MarkdownConverter.convert("See [the *guide*](guide.pdf \"A \\\"title\\\"\") and [top](#top).\n"[...], options: MarkdownOptions(), links: &links)
        #expect(document.html == "<p>See <a href=\"guide.pdf\" title=\"A &quot;title&quot;\" data-print-url=\"https://leaflets.example.org/x/guide.pdf\">the <em>guide</em></a> and <a href=\"#top\">top</a>.</p>\n")
    }

    @Test func imagesNeverGetAPrintURL() {
        var links = PrintingLinks()
        let document = MarkdownConverter.convert("![a](a.png)"[...], options: MarkdownOptions(), links: &links)
        #expect(document.html == "<p><img src=\"a.png\" alt=\"a\" /></p>\n")
    }

    @Test func ordinaryLinksAreKept() {
        let warnings = UnsafeWarnings()
        let document = convert("[NHS](https://www.nhs.uk/) or [call](tel:111) or [mail](mailto:a@example.org)", warnings: warnings)
        #expect(document.html == "<p><a href=\"https://www.nhs.uk/\">NHS</a> or <a href=\"tel:111\">call</a> or <a href=\"mailto:a@example.org\">mail</a></p>\n")
        #expect(warnings.recorded.isEmpty)
    }

    // MARK: headings

    @Test func plainOptionsGiveCmarkOutput() {
        #expect(html("# A", options: .plain()) == "<h1>A</h1>\n")
        #expect(html("## B\n\ntext", options: .plain()) == "<h2>B</h2>\n<p>text</p>\n")
        #expect(html("\"q\"", options: .plain()) == "<p>&quot;q&quot;</p>\n")
        #expect(html("\"q\"", options: .plain(smart: true)) == "<p>“q”</p>\n")
    }

    @Test func firstHeadingBecomesTheTitle() {
        let document = convert("# Looking after yourself\n\nRest.\n", options: sectionOptions())
        #expect(document.title == "Looking after yourself")
        #expect(document.titleLevel == 1)
        #expect(document.html == "<p>Rest.</p>\n")
    }

    @Test func bodyHeadingsMoveUnderTheSectionTitleWithPrefixedIDs() {
        let document = convert("# Looking after yourself\n\nRest.\n\n## Looking after the wound!\n\nKeep it dry.\n", options: sectionOptions())
        // cmark's custom block puts the heading text on its own line; browsers ignore the newlines.
        #expect(document.html == "<p>Rest.</p>\n<h3 id=\"self-care--looking-after-the-wound\">\nLooking after the wound!\n</h3>\n<p>Keep it dry.</p>\n")
        #expect(document.headings == [
            .init(level: 3, sourceLevel: 2, text: "Looking after the wound!", anchor: "looking-after-the-wound",
                  id: "self-care--looking-after-the-wound", line: 5),
        ])
        #expect(document.anchors == ["looking-after-yourself": "self-care", "looking-after-the-wound": "self-care--looking-after-the-wound"])
    }

    @Test func headingMarkupIsRenderedInsideTheAnchoredHeading() {
        let document = convert("# T\n\n## Take *two* & rest\n", options: sectionOptions(prefix: "medicines"))
        #expect(document.html == "<h3 id=\"medicines--take-two--rest\">\nTake <em>two</em> &amp; rest\n</h3>\n")
        #expect(document.headings.map(\.text) == ["Take two & rest"])
    }

    @Test func headingsKeepTheirRelativeLevels() {
        let document = convert("# T\n\n## Two\n\n### Three\n\n#### Four\n", options: sectionOptions(prefix: "s"))
        #expect(document.headings.map(\.level) == [3, 4, 5])
        #expect(document.headings.map(\.sourceLevel) == [2, 3, 4])
    }

    @Test func withoutTitleExtractionTheHighestHeadingBecomesH3() {
        var options = MarkdownOptions()
        options.idPrefix = "risks"
        let document = convert("### Common\n\ntext\n\n#### Rare\n", options: options)
        #expect(document.title == nil)
        #expect(document.headings.map(\.level) == [3, 4])
        #expect(document.html == "<h3 id=\"risks--common\">\nCommon\n</h3>\n<p>text</p>\n<h4 id=\"risks--rare\">\nRare\n</h4>\n")
    }

    @Test func duplicateHeadingsGetNumberedAnchors() {
        let document = convert("# T\n\n## Notes\n\n## Notes\n\n## Notes\n", options: sectionOptions(prefix: "s"))
        #expect(document.headings.map(\.id) == ["s--notes", "s--notes-1", "s--notes-2"])
        #expect(document.headings.map(\.anchor) == ["notes", "notes-1", "notes-2"])
    }

    @Test func headingRepeatingTheTitleIsNumbered() {
        let document = convert("# Risks\n\n## Risks\n", options: sectionOptions(prefix: "risks"))
        #expect(document.headings.map(\.id) == ["risks--risks-1"])
    }

    @Test func emptyIDPrefixGivesBareAnchors() {
        var options = MarkdownOptions()
        options.idPrefix = ""
        #expect(html("## Side effects\n", options: options) == "<h3 id=\"side-effects\">\nSide effects\n</h3>\n")
    }

    // MARK: what the stage learns

    @Test func headingsLinksAndImagesAreCollectedWithLines() {
        let markdown = """
            # Title

            Read [the guide](../colonoscopy/02-how-to-prepare.md) first.

            ## Pictures

            ![A diagram](diagram.svg)
            and [another *link*](https://example.org)
            """
        let document = convert(markdown, options: sectionOptions(prefix: "p"))
        #expect(document.headings.map(\.text) == ["Pictures"])
        #expect(document.headings.map(\.line) == [5])
        #expect(document.links == [
            .init(destination: "../colonoscopy/02-how-to-prepare.md", text: "the guide", line: 3, column: 6),
            .init(destination: "https://example.org", text: "another link", line: 8, column: 5),
        ])
        #expect(document.images == [.init(destination: "diagram.svg", text: "A diagram", line: 7, column: 1)])
    }

    @Test func textBlocksAreCollectedWithoutMarkdownSyntax() {
        var options = MarkdownOptions()
        options.collectText = true
        let markdown = """
            Take **two** tablets with `water`,
            every [four hours](x.md).

            - Rest *well*.
            - Drink fluids.

            > Quoted advice.
            """
        let document = convert(markdown, options: options)
        #expect(document.textBlocks == [
            .init(kind: .paragraph, text: "Take two tablets with water, every four hours.", line: 1),
            .init(kind: .listItem, text: "Rest well.", line: 4),
            .init(kind: .listItem, text: "Drink fluids.", line: 5),
            .init(kind: .blockQuote, text: "Quoted advice.", line: 7),
        ])
    }

    @Test func textBlocksAreNotCollectedUnlessAsked() {
        #expect(convert("Some text.").textBlocks.isEmpty)
    }

    @Test func emptyFileIsEmpty() {
        #expect(convert("").isEmpty)
        #expect(convert("\n\n").isEmpty)
    }

    @Test func fileWithContentIsNotEmpty() {
        #expect(convert("# Title\n\nText.\n", options: sectionOptions()).isEmpty == false)
        #expect(convert("---\n").isEmpty == false)
    }

    @Test func fileWithOnlyATitleHeadingIsEmpty() {
        do {
            let document = convert("# Looking after yourself\n", options: sectionOptions())
            #expect(document.title == "Looking after yourself")
            #expect(document.html == "")
            #expect(document.isEmpty)
        }
    }
}
