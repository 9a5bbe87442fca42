import Foundation
import Testing

/// Prints every sample leaflet (drafts included) in standard and large print on A4, Letter
/// and A5 with the real `leafpress pdf` and a real Chromium, then reads the PDFs back with
/// poppler (`pdftotext -bbox-layout`, `pdfinfo`, `pdffonts`, `pdftohtml`), qpdf (outline
/// and catalog) and zbar, page by page.
///
/// Type sizes are measured as word-box heights. Chromium's PDFs box a word from the font's
/// ascent to its descent: 1.164 × the type size for DejaVu Sans (what `system-ui` is on
/// Debian), so a word of `n` pt or more has a box of at least `n × 1.15` pt.
@Suite("Print and PDF")
struct PrintTests {
    static let baseURL = "https://leaflets.example.org/"
    static let papers = ["A4", "Letter", "A5"]
    static let boxPerPoint = 1.15

    /// The three papers print at once: each run already prints several leaflets in parallel.
    fileprivate static let printed: [String: Result<PrintedSite, any Error>] = {
        let results = Locked([String: Result<PrintedSite, any Error>]())
        DispatchQueue.concurrentPerform(iterations: papers.count) { index in
            let paper = papers[index]
            let result = Result { try PrintedSite.make(paper: paper) }
            results.update { $0[paper] = result }
        }
        return results.value
    }()

    fileprivate static func site(_ paper: String) throws -> PrintedSite {
        try #require(printed[paper]).get()
    }

    @Test("every PDF, standard and large, has the paper size on every page", arguments: papers)
    func pageSize(paper: String) throws {
        let site = try Self.site(paper)
        let expected = ["A4": (595.3, 841.9), "Letter": (612.0, 792.0), "A5": (419.5, 595.3)][paper]!
        for pdf in try site.allPDFs() {
            for (index, page) in pdf.pages.enumerated() {
                #expect(abs(page.width - expected.0) < 1.5 && abs(page.height - expected.1) < 1.5,
                        "\(pdf.name) page \(index + 1): \(page.width) x \(page.height)")
            }
        }
    }

    @Test("clear print: body (lists, care cards included), page numbers at 12 pt or more, legal footer at 9 pt or more", arguments: papers)
    func clearPrintSizes(paper: String) throws {
        let site = try Self.site(paper)
        for leaflet in site.leaflets {
            let pdf = try site.pdf(leaflet, large: false)
            let sizes = try pdf.measure(leaflet)
            site.record(paper: paper, profile: "standard", sizes)
            #expect(sizes.smallestBody >= 12 * Self.boxPerPoint, "\(pdf.name): smallest body word \(sizes.smallestBody)")
            #expect(sizes.medianBody >= 12 * Self.boxPerPoint, "\(pdf.name): median body word \(sizes.medianBody)")
            #expect(sizes.smallestPageNumber >= 12 * Self.boxPerPoint, "\(pdf.name): page number \(sizes.smallestPageNumber)")
            #expect(sizes.smallestLegal >= 9 * Self.boxPerPoint, "\(pdf.name): legal footer \(sizes.smallestLegal)")
        }
    }

    @Test("large print: body, headings, page numbers and legal footer at 16 pt or more", arguments: papers)
    func largePrintSizes(paper: String) throws {
        let site = try Self.site(paper)
        for leaflet in site.leaflets {
            let pdf = try site.pdf(leaflet, large: true)
            let sizes = try pdf.measure(leaflet)
            site.record(paper: paper, profile: "large", sizes)
            #expect(sizes.smallestBody >= 16 * Self.boxPerPoint, "\(pdf.name): smallest body word \(sizes.smallestBody)")
            #expect(sizes.medianBody >= 16 * Self.boxPerPoint, "\(pdf.name): median body word \(sizes.medianBody)")
            #expect(sizes.smallestHeader >= 16 * Self.boxPerPoint, "\(pdf.name): running header \(sizes.smallestHeader)")
            #expect(sizes.smallestPageNumber >= 16 * Self.boxPerPoint, "\(pdf.name): page number \(sizes.smallestPageNumber)")
            #expect(sizes.smallestLegal >= 16 * Self.boxPerPoint, "\(pdf.name): legal footer \(sizes.smallestLegal)")
            // Section headings are larger than the body.
            let title = try #require(pdf.pages.lazy.flatMap(\.lines).first { $0.matches(leaflet.sections[0]) }, "\(pdf.name)")
            #expect(title.height > sizes.medianBody * 1.2, "\(pdf.name): heading \(title.height)")
        }
    }

    @Test("the full disclaimer, copyright and 'Page i of N' are in the bottom margin of every page, in both editions", arguments: papers)
    func legalFooterOnEveryPage(paper: String) throws {
        let site = try Self.site(paper)
        for pdf in try site.allPDFs() {
            #expect(pdf.pages.count >= 2, "\(pdf.name)")
            for (index, page) in pdf.pages.enumerated() {
                let footer = try page.footer(index: index, of: pdf.pages.count)
                #expect(footer.contains(PrintedSite.normalised(site.disclaimer)), "\(pdf.name) page \(index + 1): \(footer)")
                #expect(footer.contains(PrintedSite.normalised(site.copyright)), "\(pdf.name) page \(index + 1): \(footer)")
                // Inside the paper, with room for the printer's unprintable edge.
                let lowest = page.words.map(\.yMax).max() ?? 0
                #expect(lowest <= page.height - 10, "\(pdf.name) page \(index + 1): text reaches \(lowest) of \(page.height)")
            }
        }
    }

    @Test("a draft says 'Draft — not for patient use' on every printed page; published leaflets never do", arguments: papers)
    func draftOnEveryPage(paper: String) throws {
        let site = try Self.site(paper)
        #expect(site.leaflets.contains { $0.draft }, "the samples have a draft leaflet")
        for leaflet in site.leaflets {
            for large in [false, true] {
                let pdf = try site.pdf(leaflet, large: large)
                for (index, page) in pdf.pages.enumerated() {
                    let top = page.headerLines().map(\.text).joined(separator: " ")
                    #expect(top.contains("Draft — not for patient use") == leaflet.draft, "\(pdf.name) page \(index + 1): \(top)")
                }
            }
        }
    }

    @Test("PDFs are tagged, carry the leaflet's title and language, and bookmark the title then each section in order", arguments: papers)
    func accessiblePDF(paper: String) throws {
        let site = try Self.site(paper)
        for leaflet in site.leaflets {
            for large in [false, true] {
                let path = site.pdfPath(leaflet, large: large)
                let info = try run("/usr/bin/pdfinfo", [path])
                #expect(info.contains("Tagged:          yes"), "\(path)")
                #expect(info.contains("Title:           \(leaflet.title)\n"), "\(path): \(info)")
                let xmp = try run("/usr/bin/pdfinfo", ["-meta", path])
                #expect(xmp.contains("<rdf:li>\(leaflet.language)</rdf:li>") && xmp.contains(">\(leaflet.title)</rdf:li>"), "\(path)")
                let catalog = try QPDF.catalog(path)
                #expect(catalog["/Lang"] as? String == "u:" + leaflet.language, "\(path): \(catalog["/Lang"] ?? "none")")
                #expect(try QPDF.bookmarks(path) == [leaflet.title] + leaflet.sections, "\(path)")
                #expect(try QPDF.topLevelBookmarks(path) == [leaflet.title], "\(path)")
                // Body text is structure, not artefacts: the first section is tagged as a heading.
                let structure = try run("/usr/bin/pdfinfo", ["-struct", path])
                #expect(structure.contains("H1") && structure.contains("H2") && structure.contains("P (block)"), "\(path)")
            }
        }
    }

    @Test("links in the PDFs stay live")
    func liveLinks() throws {
        let site = try Self.site("A4")
        var toOtherLeaflets = 0
        for pdf in try site.allPDFs() {
            let xml = try run("/usr/bin/pdftohtml", ["-xml", "-stdout", "-i", "-q", pdf.path])
            let targets = xml.components(separatedBy: "<a href=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
            // The online address on the first page is a link to the leaflet's page.
            #expect(targets.contains(Self.baseURL + (pdf.name.split(separator: ".").first.map(String.init) ?? "")), "\(pdf.name): \(targets)")
            // Links to other leaflets go to the published site, never to the build machine.
            #expect(!targets.contains { $0.hasPrefix("file:") }, "\(pdf.name): \(targets.filter { $0.hasPrefix("file:") })")
            toOtherLeaflets += targets.filter { $0.hasPrefix(Self.baseURL) && $0.contains("#") }.count
        }
        #expect(toOtherLeaflets > 0, "no sample PDF links to a section of another leaflet")
    }

    @Test("clear print: start-aligned, no justified spacing, no italic or all-capital text")
    func clearPrintStyle() throws {
        let site = try Self.site("A4")
        for leaflet in site.leaflets {
            for large in [false, true] {
                let pdf = try site.pdf(leaflet, large: large)
                let fonts = try run("/usr/bin/pdffonts", [pdf.path])
                #expect(!fonts.lowercased().contains("italic") && !fonts.lowercased().contains("oblique"), "\(pdf.name): \(fonts)")
                let text = pdf.pages.map { $0.text() }.joined(separator: " ")
                if let setting = leaflet.setting {
                    #expect((text.contains(setting) || text.contains(String(setting.reversed()))) && !text.contains(setting.uppercased()),
                            "\(pdf.name): care setting in capitals")
                }
                #expect(!text.contains("EMERGENCY") && !text.contains("URGENT"), "\(pdf.name): care-card label in capitals")
                // Justified lines stretch the spaces; clear print keeps every space one space wide.
                for page in pdf.pages {
                    for line in page.bodyLines(leaflet) where line.words.count >= 4 && leaflet.language != "ar" {
                        // A list marker sits apart from its item's text.
                        let words = line.words.first.map { $0.text == "•" || $0.text.range(of: #"^\d+\.$"#, options: .regularExpression) != nil } == true
                            ? Array(line.words.dropFirst()) : line.words
                        let gaps = zip(words, words.dropFirst()).map { $1.xMin - $0.xMax }
                        #expect((gaps.max() ?? 0) < line.height * 0.55, "\(pdf.name): stretched line '\(line.text)' gaps \(gaps)")
                    }
                }
            }
        }
    }

    @Test("large print is one column")
    func largePrintSingleColumn() throws {
        let site = try Self.site("A4")
        for leaflet in site.leaflets {
            let pdf = try site.pdf(leaflet, large: true)
            for (index, page) in pdf.pages.enumerated() {
                let lines = page.bodyLines(leaflet)
                for (a, first) in lines.enumerated() {
                    // Table cells sit side by side by design; columns of running text would be
                    // two long lines level with each other.
                    for second in lines[(a + 1)...] where first.block != second.block
                        && min(first.width, second.width) > page.width * 0.4 {
                        let overlap = min(first.yMax, second.yMax) - max(first.yMin, second.yMin)
                        #expect(overlap < min(first.height, second.height) * 0.3,
                                "\(pdf.name) page \(index + 1): '\(first.text)' beside '\(second.text)'")
                    }
                }
            }
        }
    }

    @Test("the leaflet page links both PDFs with their type sizes")
    func pageLinksBothPDFs() throws {
        let site = try Self.site("A4")
        for leaflet in site.leaflets {
            let html = try String(contentsOfFile: site.root + "/site/\(leaflet.slug).html", encoding: .utf8)
            #expect(html.contains("href=\"\(leaflet.slug)/\(leaflet.slug).pdf\""))
            #expect(html.contains("href=\"\(leaflet.slug)/\(leaflet.slug).large.pdf\""))
            if leaflet.language == "en" {
                #expect(html.contains(">Standard print (PDF, 13 pt)</a>"))
                #expect(html.contains(">Large print (PDF, 16 pt)</a>"))
            }
            // The print copies the PDFs were made from are not published.
            let files = try FileManager.default.contentsOfDirectory(atPath: site.root + "/site/\(leaflet.slug)")
                + FileManager.default.contentsOfDirectory(atPath: site.root + "/site")
            #expect(!files.contains { $0.hasPrefix(".print") }, "\(files)")
        }
    }

    @Test("the leaflet title runs in the top margin of every page")
    func runningHeader() throws {
        let site = try Self.site("A4")
        for leaflet in site.leaflets {
            for large in [false, true] {
                let pdf = try site.pdf(leaflet, large: large)
                for (index, page) in pdf.pages.enumerated() {
                    let first = try #require(page.headerLines().first, "\(pdf.name) page \(index + 1): no running header")
                    #expect(first.matches(leaflet.title), "\(pdf.name) page \(index + 1): \(first.text)")
                }
            }
        }
    }

    @Test("reference, version and review date run in the top margin of every page (#17)")
    func documentControlOnEveryPage() throws {
        let site = try Self.site("A4")
        let expected = ["colonoscopy": "Ref GI-014 · Version 3 · Last reviewed 3 August 2026",
                        // The Spanish translation prints its own record, in Spanish.
                        "colonoscopia": "Ref. GI-014-ES · Versión 2 · Última revisión 3 de agosto de 2026"]
        for (slug, line) in expected {
            for large in [false, true] {
                let pdf = try site.pdf(PrintedSite.Leaflet.named(slug), large: large)
                #expect(pdf.pages.count >= 2)
                for (index, page) in pdf.pages.enumerated() {
                    let header = page.headerLines().map(\.text).joined(separator: " ")
                    #expect(header.contains(line), "\(pdf.name) page \(index + 1): \(header)")
                }
            }
        }
    }

    @Test("navigation and on-screen controls are not printed")
    func noNavigation() throws {
        let site = try Self.site("A4")
        for pdf in try site.allPDFs() {
            let text = pdf.pages.map { $0.text() }.joined(separator: " ")
            #expect(!text.contains("Skip to main content"))
            #expect(!text.contains("All leaflets"))
            #expect(!text.contains("Large print (PDF"))
            #expect(!text.contains("Contents"))
        }
    }

    @Test("the printed QR code decodes to the leaflet's online address")
    func qrCode() throws {
        let site = try Self.site("A4")
        for leaflet in site.leaflets {
            for large in [false, true] {
                let png = site.root + "/qr-\(leaflet.slug)-\(large)"
                let path = site.pdfPath(leaflet, large: large)
                _ = try run("/usr/bin/pdftoppm", ["-r", "200", "-png", "-f", "1", "-l", "2", path, png])
                let pages = try FileManager.default.contentsOfDirectory(atPath: site.root).filter { $0.hasPrefix("qr-\(leaflet.slug)-\(large)") }
                let decoded = try pages.map { try runStatus("/usr/bin/zbarimg", ["--quiet", "--raw", site.root + "/" + $0]).stdout }
                #expect(decoded.contains { $0.trimmingCharacters(in: .whitespacesAndNewlines) == Self.baseURL + leaflet.slug }, "\(path): \(decoded)")
            }
        }
    }

    @Test("the online address and reviewed date are printed on the first page")
    func printedReference() throws {
        let pdf = try Self.site("A4").pdf(PrintedSite.Leaflet.named("colonoscopy"), large: false)
        let first = pdf.pages[0].text()
        #expect(first.contains("leaflets.example.org/colonoscopy") || first.contains("leaflets.example.org/colonosc"))
        #expect(first.contains("Last reviewed"))
        #expect(pdf.pages.map { $0.text() }.joined(separator: " ").contains("Leaflet reference"))
    }

    @Test("long words, long URLs, wide images and code wrap instead of shrinking the page, in both editions; site.yml chooses A5 and large print")
    func hostilePrintContent() throws {
        let root = try PrintedSite.temporaryFolder()
        let content = root + "/content"
        try PrintedSite.write(content + "/site.yml", """
        title: Print test
        publisher: Test
        copyright: "Publisher's \\"own\\" text \\\\ 2026"
        disclaimer: Ask your care team before you change anything you do.
        paper: A5
        print: [standard, large]
        """)
        let longWord = String(repeating: "Pneumonoultramicroscopic", count: 12)
        try PrintedSite.write(content + "/leaflets/wide/leaflet.yml", "title: Wide\nsummary: Wide content.\nreviewed: 2026-01-01\n")
        try PrintedSite.write(content + "/leaflets/wide/01-body.md", """
        # Body

        \(longWord) and some ordinary words to fill the line so we can measure them.

        See https://example.org/\(String(repeating: "very-long-path-segment/", count: 20)) for more.

        ![A very wide picture](wide.svg)

        ![A small picture](small.png)

            \(String(repeating: "code_without_spaces_", count: 20))

        - A list item with *emphasis* in it
        - Another list item

        More ordinary words follow here so that the page has normal body text on it.
        """)
        try PrintedSite.write(content + "/leaflets/wide/wide.svg", ##"<svg xmlns="http://www.w3.org/2000/svg" width="3000" height="200" viewBox="0 0 3000 200"><rect width="3000" height="200" fill="#ccc"/></svg>"##)
        try Data(base64Encoded: PrintedSite.smallPNG)!.write(to: URL(fileURLWithPath: content + "/leaflets/wide/small.png"))
        _ = try run(PrintedSite.leafpress, ["pdf", "--content", content, "--templates", PrintedSite.packageRoot + "/templates", "--output", root + "/site"])
        let leaflet = PrintedSite.Leaflet(slug: "wide", title: "Wide", language: "en", draft: false, setting: nil, sections: ["Body"])
        for large in [false, true] {
            let pdf = try PrintedPDF(path: root + "/site/wide/wide\(large ? ".large" : "").pdf")
            #expect(abs(pdf.pages[0].width - 419.5) < 1.5, "site.yml paper: A5")
            let sizes = try pdf.measure(leaflet)
            #expect(sizes.smallestBody >= (large ? 16 : 12) * Self.boxPerPoint, "\(pdf.name): \(sizes.smallestBody)")
            for (index, page) in pdf.pages.enumerated() {
                #expect(page.words.allSatisfy { $0.xMax <= page.width + 0.5 && $0.xMin >= -0.5 }, "\(pdf.name): text outside the page")
                let footer = try page.footer(index: index, of: pdf.pages.count)
                #expect(footer.contains("Publisher's \"own\" text \\ 2026") || footer.contains("Publisher’s “own” text \\ 2026"), "\(footer)")
            }
            // The 300-pixel picture: natural size (225 pt) in standard print, the text width in
            // large print. `pdfimages` gives its resolution on the page, hence its width.
            let images = try run("/usr/bin/pdfimages", ["-list", pdf.path])
            let row = try #require(images.split(separator: "\n").first { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst(3).first == "300" })
            let fields = row.split(separator: " ", omittingEmptySubsequences: true)
            let placedWidth = 300 / (Double(fields[12]) ?? 1) * 72
            let textWidth = 419.53 - 2 * 12 * 72 / 25.4
            if large {
                #expect(abs(placedWidth - textWidth) < textWidth * 0.02, "large print picture is \(placedWidth) pt wide, text \(textWidth) pt")
            } else {
                #expect(abs(placedWidth - 225) < 225 * 0.02, "standard print picture is \(placedWidth) pt wide")
            }
        }
    }

    @Test("a long disclaimer and copyright grow the bottom margin and are printed in full on every page, never below 9 pt")
    func longLegalTextGrowsMargin() throws {
        let root = try PrintedSite.temporaryFolder()
        let content = root + "/content"
        let disclaimer = String(repeating: "This leaflet gives general information only and your own care team knows your situation best. ", count: 3)
            .trimmingCharacters(in: .whitespaces)
        let copyright = "© 2026 A Trust with a Rather Long Name. Reuse for patient care is allowed with credit; all other rights are reserved by the publisher."
        try PrintedSite.write(content + "/site.yml", """
        title: Long legal
        publisher: Test
        copyright: "\(copyright)"
        disclaimer: "\(disclaimer)"
        """)
        try PrintedSite.write(content + "/leaflets/legal/leaflet.yml", "title: Legal\nsummary: Long legal text.\nreviewed: 2026-01-01\n")
        try PrintedSite.write(content + "/leaflets/legal/01-body.md", "# Body\n\n" + String(repeating: "Ordinary words make a paragraph of body text for the page. ", count: 60))
        let leaflet = PrintedSite.Leaflet(slug: "legal", title: "Legal", language: "en", draft: false, setting: nil, sections: ["Body"])
        for paper in ["A5", "Letter"] {
            _ = try run(PrintedSite.leafpress, ["pdf", "--content", content, "--templates", PrintedSite.packageRoot + "/templates",
                                                "--output", root + "/site-\(paper)", "--paper", paper, "--large-print"])
            for large in [false, true] {
                let pdf = try PrintedPDF(path: root + "/site-\(paper)/legal/legal\(large ? ".large" : "").pdf")
                let sizes = try pdf.measure(leaflet)
                #expect(sizes.smallestLegal >= (large ? 16 : 9) * Self.boxPerPoint, "\(pdf.name) \(paper): \(sizes.smallestLegal)")
                for (index, page) in pdf.pages.enumerated() {
                    let footer = try page.footer(index: index, of: pdf.pages.count)
                    #expect(footer.contains(PrintedSite.normalised(disclaimer)) && footer.contains(PrintedSite.normalised(copyright)),
                            "\(pdf.name) \(paper) page \(index + 1): \(footer)")
                    #expect((page.words.map(\.yMax).max() ?? 0) <= page.height - 10)
                }
            }
        }
        // Too long to leave room for the leaflet: a located error, not a cut footer.
        try PrintedSite.write(content + "/site.yml", """
        title: Long legal
        publisher: Test
        copyright: "\(copyright)"
        disclaimer: "\(String(repeating: disclaimer + " ", count: 12))"
        """)
        let failed = try runStatus(PrintedSite.leafpress, ["pdf", "--content", content, "--templates", PrintedSite.packageRoot + "/templates",
                                                           "--output", root + "/site-fail", "--paper", "A5", "--large-print"])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("[print-footer]") && failed.stderr.contains("shorten them"), "\(failed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root + "/site-fail"))
    }

    @Test("unknown paper sizes and print editions are rejected")
    func badPrintSettings() throws {
        let root = try PrintedSite.temporaryFolder()
        let content = root + "/content"
        try PrintedSite.write(content + "/site.yml", "title: T\npublisher: P\ncopyright: C\ndisclaimer: D\nprint: [standard, huge]\npaper: A3\n")
        try PrintedSite.write(content + "/leaflets/a/leaflet.yml", "title: A\nsummary: S.\nreviewed: 2026-01-01\n")
        try PrintedSite.write(content + "/leaflets/a/01-body.md", "# Body\n\nText.\n")
        let result = try runStatus(PrintedSite.leafpress, ["build", "--content", content, "--templates", PrintedSite.packageRoot + "/templates", "--output", root + "/site"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("site.yml:5:") && result.stderr.contains("unknown print edition 'huge'") && result.stderr.contains("[schema-print]"), "\(result.stderr)")
        #expect(result.stderr.contains("expected A4, A5 or Letter"), "\(result.stderr)")
        let flag = try runStatus(PrintedSite.leafpress, ["pdf", "--paper", "A3", "--content", content])
        #expect(flag.status != 0 && flag.stderr.contains("A4, A5 or Letter"))
    }

    @Test("a missing browser is a clear error, and a browser that writes nothing fails the build")
    func browserProblems() throws {
        let root = try PrintedSite.temporaryFolder()
        let args = ["pdf", "--content", PrintedSite.packageRoot + "/content", "--templates", PrintedSite.packageRoot + "/templates", "--output", root + "/site"]
        let missing = try runStatus(PrintedSite.leafpress, args, environment: ["LEAFPRESS_BROWSER": "/nonexistent/chromium"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no headless browser found"))
        let silent = try runStatus(PrintedSite.leafpress, args, environment: ["LEAFPRESS_BROWSER": "/bin/true"])
        #expect(silent.status == 1)
        #expect(silent.stderr.contains("without writing a PDF"))
        #expect(!FileManager.default.fileExists(atPath: root + "/site"))
    }
}

/// The sample site built and printed (both editions, drafts included) on one paper size.
fileprivate struct PrintedSite: Sendable {
    /// What the tests need to know about a sample leaflet, read from its built page.
    struct Leaflet: Sendable {
        var slug: String
        var title: String
        var language: String
        var draft: Bool
        var setting: String?
        /// Section titles in order, from the page's table of contents.
        var sections: [String]
        /// Words drawn inside the leaflet's SVG pictures: part of a picture, not body text.
        var pictureWords: Set<String> = []

        static func named(_ slug: String) -> Leaflet {
            Leaflet(slug: slug, title: "", language: "en", draft: false, setting: nil, sections: [])
        }
    }

    let root: String
    let copyright: String
    let disclaimer: String
    let leaflets: [Leaflet]

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let leafpress = packageRoot + "/.build/debug/leafpress"
    /// A 300 × 20 pixel grey PNG.
    static let smallPNG = "iVBORw0KGgoAAAANSUhEUgAAASwAAAAUCAAAAAASSF/dAAAAMklEQVR42u3QgQAAAAACoNFHX2GAQijlFgWyZMmSJUuWAlmyZMmSJUuBLFmyZMmSpeA3msO4pqHiopoAAAAASUVORK5CYII="

    static func make(paper: String) throws -> PrintedSite {
        let root = try temporaryFolder()
        _ = try run(leafpress, ["pdf", "--content", packageRoot + "/content", "--templates", packageRoot + "/templates", "--drafts",
                                "--large-print", "--output", root + "/site", "--paper", paper, "--base-url", PrintTests.baseURL])
        let siteYML = try String(contentsOfFile: packageRoot + "/content/site.yml", encoding: .utf8)
        func value(_ key: String, in yaml: String) -> String? {
            guard let line = yaml.split(separator: "\n").first(where: { $0.hasPrefix(key + ":") }) else { return nil }
            var text = line.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("\"") && text.hasSuffix("\"") { text = String(text.dropFirst().dropLast()) }
            return text
        }
        // Labels drawn inside the sample SVG pictures (leaflet folders and content/assets).
        var pictureWords: Set<String> = []
        let enumerator = FileManager.default.enumerator(atPath: packageRoot + "/content")
        while let file = enumerator?.nextObject() as? String {
            guard file.hasSuffix(".svg") else { continue }
            let svg = try String(contentsOfFile: packageRoot + "/content/" + file, encoding: .utf8)
            for label in svg.components(separatedBy: "<text").dropFirst().compactMap({ $0.between(">", "</text>") }) {
                pictureWords.formUnion(label.split(separator: " ").map { unescape(String($0)) })
            }
        }
        var leaflets: [Leaflet] = []
        let folder = packageRoot + "/content/leaflets"
        for slug in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() {
            let yaml = try String(contentsOfFile: "\(folder)/\(slug)/leaflet.yml", encoding: .utf8)
            let html = try String(contentsOfFile: "\(root)/site/\(slug).html", encoding: .utf8)
            let contents = html.between("<nav class=\"contents\"", "</nav>") ?? ""
            let sections = contents.components(separatedBy: "<a href=\"#").dropFirst().compactMap { $0.between("\">", "</a>") }.map(unescape)
            leaflets.append(Leaflet(slug: slug, title: unescape(html.between("<h1 id=\"leaflet-title\">", "</h1>") ?? ""),
                                    language: html.between("<html lang=\"", "\"") ?? "", draft: value("draft", in: yaml) == "true",
                                    setting: value("setting", in: yaml), sections: sections, pictureWords: pictureWords))
        }
        return PrintedSite(root: root, copyright: value("copyright", in: siteYML) ?? "", disclaimer: value("disclaimer", in: siteYML) ?? "",
                           leaflets: leaflets)
    }

    func pdfPath(_ leaflet: Leaflet, large: Bool) -> String {
        root + "/site/\(leaflet.slug)/\(leaflet.slug)\(large ? ".large" : "").pdf"
    }

    func pdf(_ leaflet: Leaflet, large: Bool) throws -> PrintedPDF {
        try PrintedPDF(path: pdfPath(leaflet, large: large))
    }

    func allPDFs() throws -> [PrintedPDF] {
        try leaflets.flatMap { [try pdf($0, large: false), try pdf($0, large: true)] }
    }

    /// Writes the measured sizes (in pt, from the word boxes) to the test log.
    func record(paper: String, profile: String, _ sizes: PrintedPDF.Sizes) {
        func pt(_ box: Double) -> String { String(format: "%.1f", box / 1.164) }
        print("print sizes \(paper) \(profile) \(sizes.name): body median \(pt(sizes.medianBody)) pt, smallest \(pt(sizes.smallestBody)) pt; "
              + "page number \(pt(sizes.smallestPageNumber)) pt; legal \(pt(sizes.smallestLegal)) pt; header \(pt(sizes.smallestHeader)) pt; \(sizes.pages) pages")
    }

    /// Right-to-left text as poppler writes it (see `Line.matches`).
    static func visual(_ text: String) -> String {
        text.split(separator: " ").reversed().map { word in word.allSatisfy(\.isNumber) ? String(word) : String(word.reversed()) }
            .joined(separator: " ")
    }

    /// Whitespace collapsed and typographic quotes made plain, so sentences compare as text.
    static func normalised(_ text: String) -> String {
        text.replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "‘", with: "'")
            .replacingOccurrences(of: "“", with: "\"").replacingOccurrences(of: "”", with: "\"")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("leafpress-print-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func write(_ path: String, _ text: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}

fileprivate func unescape(_ text: String) -> String {
    text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&apos;", with: "'")
        .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
}

/// A PDF read back through `pdftotext -bbox-layout`: every line and word with its box.
fileprivate struct PrintedPDF {
    struct Word {
        var text: String
        var xMin: Double
        var yMin: Double
        var xMax: Double
        var yMax: Double
        var height: Double { yMax - yMin }
    }

    struct Line {
        var words: [Word]
        /// Which text block of the page the line belongs to.
        var block: Int
        var text: String { PrintedSite.normalised(words.map(\.text).joined(separator: " ")) }
        /// poppler writes right-to-left text in visual order: Arabic words come out reversed,
        /// and in reverse order, while numbers keep their digits in order (and ligatures such
        /// as lam-alef keep theirs), so Arabic text compares as the same letters in any order.
        func matches(_ expected: String) -> Bool {
            let expected = PrintedSite.normalised(expected)
            if text == expected || text == PrintedSite.visual(expected) { return true }
            let isArabic = expected.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) }
            func letters(_ text: String) -> [UInt32] { text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(\.value).sorted() }
            return isArabic && letters(text) == letters(expected)
        }
        var yMin: Double { words.map(\.yMin).min() ?? 0 }
        var yMax: Double { words.map(\.yMax).max() ?? 0 }
        var height: Double { yMax - yMin }
        var width: Double { (words.map(\.xMax).max() ?? 0) - (words.map(\.xMin).min() ?? 0) }
    }

    struct Page {
        var width: Double
        var height: Double
        var lines: [Line]
        var words: [Word] { lines.flatMap(\.words) }

        func text() -> String { PrintedSite.normalised(lines.map(\.text).joined(separator: " ")) }

        /// The line "Page i of N" (or its translation, found by the numbers).
        func pageNumberLine(index: Int, of count: Int) throws -> Line {
            let labels = ["Page \(index + 1) of \(count)", "Página \(index + 1) de \(count)", "الصفحة \(index + 1) من \(count)"]
            guard let line = lines.first(where: { line in labels.contains { line.matches($0) } }) else {
                throw PrintTestError("no 'Page \(index + 1) of \(count)' line on page \(index + 1): \(text())")
            }
            return line
        }

        /// The bottom margin's text: everything from the top of the page-number line down
        /// (the legal text starts level with it, or below it in large print).
        func footer(index: Int, of count: Int) throws -> String {
            let top = try pageNumberLine(index: index, of: count).yMin - 3
            return PrintedSite.normalised(lines.filter { $0.yMin >= top }.map(\.text).joined(separator: " "))
        }

        /// Lines of the running header: the lines at the top of the page set close together
        /// (line height 1.3), down to the gap (4 mm or more) above the leaflet's text.
        func headerLines() -> [Line] {
            let sorted = lines.sorted { $0.yMin < $1.yMin }
            guard let first = sorted.first, first.yMax < height / 4 else { return [] }
            var result = [first]
            for line in sorted.dropFirst() {
                let previous = result.last!
                if line.yMin - previous.yMax > 8 { break }
                result.append(line)
            }
            return result
        }

        /// Lines between the running header and the footer.
        func bodyLines(_ leaflet: PrintedSite.Leaflet) -> [Line] {
            let header = headerLines()
            let headerBottom = header.map(\.yMax).max() ?? 0
            let footerTop = lines.filter { line in
                line.text.range(of: #"^(Page \d+ of|Página \d+ de|\d+ نم) \d+( ةحفصلا)?$"#, options: .regularExpression) != nil
            }
                .map(\.yMin).min().map { $0 - 3 } ?? height
            return lines.filter { $0.yMin > headerBottom && $0.yMin < footerTop }
        }
    }

    /// Word-box heights in one PDF, in pt.
    struct Sizes {
        var name: String
        var pages: Int
        var medianBody: Double
        var smallestBody: Double
        var smallestPageNumber: Double
        var smallestLegal: Double
        var smallestHeader: Double
    }

    let path: String
    var name: String { (path as NSString).lastPathComponent }
    var pages: [Page] = []

    init(path: String) throws {
        self.path = path
        let xml = try run("/usr/bin/pdftotext", ["-bbox-layout", path, "-"])
        for chunk in xml.components(separatedBy: "<page ").dropFirst() {
            let width = Double(chunk.between("width=\"", "\"") ?? "") ?? 0
            let height = Double(chunk.between("height=\"", "\"") ?? "") ?? 0
            var lines: [Line] = []
            for (blockIndex, block) in chunk.components(separatedBy: "<block ").dropFirst().enumerated() {
                for lineXML in block.components(separatedBy: "<line ").dropFirst() {
                    var words: [Word] = []
                    for entry in lineXML.components(separatedBy: "<word ").dropFirst() {
                        guard let xMin = Double(entry.between("xMin=\"", "\"") ?? ""), let yMin = Double(entry.between("yMin=\"", "\"") ?? ""),
                              let xMax = Double(entry.between("xMax=\"", "\"") ?? ""), let yMax = Double(entry.between("yMax=\"", "\"") ?? ""),
                              let text = entry.between(">", "</word>") else { continue }
                        words.append(Word(text: unescape(text), xMin: xMin, yMin: yMin, xMax: xMax, yMax: yMax))
                    }
                    if !words.isEmpty { lines.append(Line(words: words, block: blockIndex)) }
                }
            }
            pages.append(Page(width: width, height: height, lines: lines))
        }
        if pages.isEmpty { throw PrintTestError("no pages in \(path)") }
    }

    /// Body, page-number, legal-footer and running-header word heights over every page.
    func measure(_ leaflet: PrintedSite.Leaflet) throws -> Sizes {
        var body: [Double] = [], pageNumbers: [Double] = [], legal: [Double] = [], header: [Double] = []
        for (index, page) in pages.enumerated() {
            let number = try page.pageNumberLine(index: index, of: pages.count)
            pageNumbers += number.words.map(\.height)
            let headerLines = page.headerLines()
            header += headerLines.flatMap(\.words).map(\.height)
            let footerTop = number.yMin - 3
            for line in page.lines where line.yMin >= footerTop && line.text != number.text {
                legal += line.words.map(\.height)
            }
            body += page.bodyLines(leaflet).flatMap(\.words).filter { !leaflet.pictureWords.contains($0.text) }.map(\.height)
        }
        guard !body.isEmpty, !legal.isEmpty else { throw PrintTestError("\(name): no body or no legal text found") }
        body.sort()
        return Sizes(name: name, pages: pages.count, medianBody: body[body.count / 2], smallestBody: body[0],
                     smallestPageNumber: pageNumbers.min() ?? 0, smallestLegal: legal.min() ?? 0, smallestHeader: header.min() ?? 0)
    }
}

/// Reads a PDF's outline and catalog with `qpdf --json`.
fileprivate enum QPDF {
    static func json(_ path: String, key: String) throws -> [String: Any] {
        let text = try run("/usr/bin/qpdf", ["--json=2", "--json-key=\(key)", path])
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Every bookmark title, depth first.
    static func bookmarks(_ path: String) throws -> [String] {
        func walk(_ items: [[String: Any]]) -> [String] {
            items.flatMap { [($0["title"] as? String) ?? ""] + walk(($0["kids"] as? [[String: Any]]) ?? []) }
        }
        return walk((try json(path, key: "outlines")["outlines"] as? [[String: Any]]) ?? [])
    }

    static func topLevelBookmarks(_ path: String) throws -> [String] {
        ((try json(path, key: "outlines")["outlines"] as? [[String: Any]]) ?? []).map { ($0["title"] as? String) ?? "" }
    }

    /// The document catalog's dictionary.
    static func catalog(_ path: String) throws -> [String: Any] {
        let document = try json(path, key: "qpdf")
        let parts = try #require(document["qpdf"] as? [Any])
        let objects = try #require(parts.last as? [String: Any])
        let trailer = try #require((objects["trailer"] as? [String: Any])?["value"] as? [String: Any])
        let root = try #require(trailer["/Root"] as? String)
        return try #require((objects["obj:" + root] as? [String: Any])?["value"] as? [String: Any])
    }
}

/// A value shared between threads.
fileprivate final class Locked<Value>: @unchecked Sendable {
    private var stored: Value
    private let lock = NSLock()
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func update(_ change: (inout Value) -> Void) { lock.withLock { change(&stored) } }
}

fileprivate struct PrintTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension String {
    /// The text between the first `start` and the next `end`.
    func between(_ start: String, _ end: String) -> String? {
        guard let a = range(of: start), let b = self[a.upperBound...].range(of: end) else { return nil }
        return String(self[a.upperBound..<b.lowerBound])
    }
}

/// Runs a program and returns its standard output; a non-zero exit is an error.
@discardableResult
fileprivate func run(_ program: String, _ arguments: [String]) throws -> String {
    let result = try runStatus(program, arguments)
    guard result.status == 0 else { throw PrintTestError("\(program) \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)") }
    return result.stdout
}

fileprivate func runStatus(_ program: String, _ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes to the end before waiting, so a chatty child never blocks on a full pipe.
    let errData = ReadAll(err.fileHandleForReading)
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData.wait(), as: UTF8.self))
}

/// Drains a pipe on another thread.
private final class ReadAll: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
