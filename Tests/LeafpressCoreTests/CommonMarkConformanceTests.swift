import Foundation
import Testing
@testable import LeafpressCore

/// Every example of the CommonMark spec, run through Leafpress's Markdown stage and
/// compared with the HTML that the `cmark` command (the same libcmark) writes for it.
///
/// The examples and cmark's HTML come from `scripts/standards/commonmark-examples.py`,
/// which `scripts/test.sh` runs before `swift test`. The file is read from
/// `LEAFPRESS_COMMONMARK_EXAMPLES`, or else `.build/commonmark/examples.json` in the
/// package root. A missing file fails these tests: conformance is never skipped.
@Suite("CommonMark conformance")
struct CommonMarkConformanceTests {
    struct Example: Decodable, Sendable {
        var number: Int
        var section: String
        var markdown: String
        /// `cmark` (safe mode, no smart punctuation).
        var html: String
        /// `cmark --smart`.
        var html_smart: String?
        /// `cmark --unsafe`.
        var html_unsafe: String?
    }

    static let examplesPath: String = {
        if let path = ProcessInfo.processInfo.environment["LEAFPRESS_COMMONMARK_EXAMPLES"], !path.isEmpty {
            return path
        }
        return packageRoot + "/.build/commonmark/examples.json"
    }()

    /// The examples, or a recorded failure explaining how to make them.
    func loadExamples(sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Example] {
        let path = Self.examplesPath
        guard let data = FileManager.default.contents(atPath: path) else {
            Issue.record("""
                CommonMark examples not found at \(path). Run \
                `python3 scripts/standards/commonmark-examples.py` (scripts/test.sh does), or set \
                LEAFPRESS_COMMONMARK_EXAMPLES to the file.
                """, sourceLocation: sourceLocation)
            return []
        }
        do {
            let examples = try JSONDecoder().decode([Example].self, from: data)
            // CommonMark 0.30 has 652 examples (0.29: 649): far fewer means a broken extraction.
            #expect(examples.count >= 600, "only \(examples.count) examples in \(path)", sourceLocation: sourceLocation)
            return examples
        } catch {
            Issue.record("cannot read CommonMark examples at \(path): \(error)", sourceLocation: sourceLocation)
            return []
        }
    }

    func convert(_ markdown: String, options: MarkdownOptions) -> MarkdownDocument {
        var links = KeepLinks()
        return MarkdownConverter.convert(markdown[...], options: options, links: &links)
    }

    /// Records one issue per differing example (the first `limit` in full) and returns how
    /// many were compared.
    @discardableResult
    func compare(_ examples: [Example], mode: String, limit: Int = 15,
                 sourceLocation: Testing.SourceLocation = #_sourceLocation,
                 _ body: (Example) -> (expected: String, actual: String)?) -> Int {
        var compared = 0
        var failures: [Int] = []
        for example in examples {
            guard let (expected, actual) = body(example) else { continue }
            compared += 1
            if expected != actual {
                failures.append(example.number)
                if failures.count <= limit {
                    Issue.record("""
                        \(mode): example \(example.number) (\(example.section)) differs from cmark
                        markdown: \(String(reflecting: example.markdown))
                        cmark:    \(String(reflecting: expected))
                        leafpress: \(String(reflecting: actual))
                        """, sourceLocation: sourceLocation)
                }
            }
        }
        if failures.count > limit {
            Issue.record("\(mode): \(failures.count) of \(compared) examples differ from cmark: \(failures)",
                         sourceLocation: sourceLocation)
        }
        return compared
    }

    // MARK: plain mode: exactly cmark

    @Test func plainOutputEqualsCmarkForEveryExample() {
        let examples = loadExamples()
        let compared = compare(examples, mode: "plain") { example in
            (example.html, convert(example.markdown, options: .plain()).html)
        }
        #expect(compared == examples.count)
    }

    @Test func smartPunctuationEqualsCmarkSmartForEveryExample() {
        let examples = loadExamples()
        let compared = compare(examples, mode: "plain, smart") { example in
            example.html_smart.map { ($0, convert(example.markdown, options: .plain(smart: true)).html) }
        }
        #expect(compared == examples.count, "examples.json lacks html_smart: regenerate it")
    }

    @Test func unsafeHTMLEqualsCmarkUnsafeForEveryExample() {
        let examples = loadExamples()
        var options = MarkdownOptions.plain()
        options.unsafeHTML = true
        let compared = compare(examples, mode: "plain, unsafe") { example in
            example.html_unsafe.map { ($0, convert(example.markdown, options: options).html) }
        }
        #expect(compared == examples.count, "examples.json lacks html_unsafe: regenerate it")
    }

    // MARK: section mode: cmark plus heading ids and levels, nothing else

    /// Undoes what section mode does to headings, using what the stage reported about each:
    /// `<hL id="ID">\n…\n</hL>` becomes cmark's `<hS>…</hS>` (L the shifted level, S the
    /// level as written). Anything else the stage changed stays, so the comparison fails.
    func unshiftHeadings(_ html: String, headings: [MarkdownDocument.Heading]) -> (html: String, problems: [String]) {
        var output = ""
        var rest = html[...]
        var problems: [String] = []
        for heading in headings {
            let open = "<h\(heading.level) id=\"\(HTMLEscaping.attribute(heading.id))\">\n"
            guard let openRange = rest.range(of: open) else {
                problems.append("no \(String(reflecting: open)) for heading \(String(reflecting: heading.text))")
                continue
            }
            output += rest[..<openRange.lowerBound]
            rest = rest[openRange.upperBound...]
            let close = "</h\(heading.level)>"
            guard let closeRange = rest.range(of: close) else {
                problems.append("no \(close) after \(String(reflecting: open))")
                continue
            }
            var content = rest[..<closeRange.lowerBound]
            // The custom block puts a line break before its closing tag unless the
            // content already ends with one (an empty heading).
            if content.hasSuffix("\n") { content = content.dropLast() }
            output += "<h\(heading.sourceLevel)>\(content)</h\(heading.sourceLevel)>"
            rest = rest[closeRange.upperBound...]
        }
        output += rest
        return (output, problems)
    }

    @Test func sectionModeEqualsCmarkApartFromHeadingIdsAndLevels() {
        let examples = loadExamples()
        var options = MarkdownOptions()
        options.smartPunctuation = false
        options.sectionHeadings = true
        // Raw HTML rules (kept sup/sub/br, raw-html findings) are tested in MarkdownTests.
        options.rawHTMLRules = false
        // Tables, figures and callouts are Leafpress's additions, tested on their own.
        options.extensions = false
        options.idPrefix = "s"
        var headingsSeen = 0
        let compared = compare(examples, mode: "section headings") { example in
            let document = convert(example.markdown, options: options)
            headingsSeen += document.headings.count
            // Every heading cmark writes was given an id and a level by the stage.
            let cmarkHeadings = (1...6).reduce(0) { $0 + example.html.components(separatedBy: "<h\($1)>").count - 1 }
            #expect(document.headings.count == cmarkHeadings,
                    "example \(example.number): \(document.headings.count) headings reported, cmark wrote \(cmarkHeadings)")
            let (html, problems) = unshiftHeadings(document.html, headings: document.headings)
            for problem in problems {
                let message = "section headings: example \(example.number): \(problem) in \(String(reflecting: document.html))"
                Issue.record(Comment(rawValue: message))
            }
            for heading in document.headings {
                #expect((3...6).contains(heading.level), "example \(example.number): heading level \(heading.level)")
                #expect(heading.id.hasPrefix("s--"), "example \(example.number): id \(heading.id)")
            }
            // Ids are unique within a file.
            #expect(Set(document.headings.map(\.id)).count == document.headings.count,
                    "example \(example.number): repeated heading ids \(document.headings.map(\.id))")
            return (example.html, html)
        }
        #expect(compared == examples.count)
        // The spec's examples hold 62 headings (CommonMark 0.30): the unshifting really ran.
        #expect(headingsSeen >= 50, "only \(headingsSeen) headings across the examples")
    }
}
