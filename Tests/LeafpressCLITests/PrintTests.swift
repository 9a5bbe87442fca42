import Foundation
import Testing

/// Prints the sample leaflets with the real `leafpress pdf` and a real Chromium, then reads
/// the PDFs back with poppler (`pdfinfo`, `pdftotext -bbox`) and zbar, page by page.
@Suite("Print and PDF", .serialized)
struct PrintTests {
    static let baseURL = "https://leaflets.example.org/"
    fileprivate static let a4 = Result { try PrintedSite.make(paper: "A4") }
    fileprivate static let letter = Result { try PrintedSite.make(paper: "Letter") }
    static let sampleSlugs = ["bone-marrow-harvesting", "colonoscopy", "going-home-after-pneumonia"]

    fileprivate static func site(_ paper: String) throws -> PrintedSite {
        try (paper == "A4" ? a4 : letter).get()
    }

    @Test("page size comes from site.yml or --paper", arguments: ["A4", "Letter"])
    func pageSize(paper: String) throws {
        let site = try Self.site(paper)
        for slug in Self.sampleSlugs {
            let pdf = try site.pdf(slug)
            let expected = paper == "A4" ? (595.3, 841.9) : (612.0, 792.0)
            #expect(abs(pdf.width - expected.0) < 2 && abs(pdf.height - expected.1) < 2, "\(slug): \(pdf.width) x \(pdf.height)")
        }
    }

    @Test("every printed page carries the full disclaimer, copyright and page number in the bottom margin", arguments: ["A4", "Letter"])
    func footersOnEveryPage(paper: String) throws {
        let site = try Self.site(paper)
        for slug in Self.sampleSlugs {
            let pdf = try site.pdf(slug)
            #expect(pdf.pages.count >= 2)
            for (index, page) in pdf.pages.enumerated() {
                // 34 mm bottom margin in the default theme's print.css.
                let band = page.text(below: page.height - 34 * 72 / 25.4)
                #expect(band.contains(PrintedSite.normalised(site.disclaimer)), "\(slug) page \(index + 1): \(band)")
                #expect(band.contains(PrintedSite.normalised(site.copyright)), "\(slug) page \(index + 1): \(band)")
                #expect(band.contains("Page \(index + 1) of \(pdf.pages.count)"), "\(slug) page \(index + 1): \(band)")
            }
        }
    }

    @Test("the leaflet title runs in the top margin of every page")
    func runningHeader() throws {
        let pdf = try Self.site("A4").pdf("colonoscopy")
        for page in pdf.pages {
            #expect(page.text(above: 20 * 72 / 25.4).contains("Colonoscopy"))
        }
    }

    @Test("reference, version and review date run in the top margin of every page (#17)")
    func documentControlOnEveryPage() throws {
        let pdf = try Self.site("A4").pdf("colonoscopy")
        #expect(pdf.pages.count >= 2)
        for (index, page) in pdf.pages.enumerated() {
            let band = page.text(above: 20 * 72 / 25.4)
            #expect(band.contains("Ref GI-014 · Version 3 · Last reviewed 3 August 2026"), "page \(index + 1): \(band)")
        }
        // The Spanish translation prints its own record, in Spanish.
        let spanish = try Self.site("A4").pdf("colonoscopia")
        #expect(spanish.pages.allSatisfy { $0.text(above: 20 * 72 / 25.4).contains("Ref. GI-014-ES · Versión 2 · Última revisión 3 de agosto de 2026") })
    }

    @Test("navigation and on-screen controls are not printed")
    func noNavigation() throws {
        let site = try Self.site("A4")
        for slug in Self.sampleSlugs {
            let text = try site.pdf(slug).pages.map { $0.text() }.joined(separator: " ")
            #expect(!text.contains("Skip to main content"))
            #expect(!text.contains("All leaflets"))
            #expect(!text.contains("Download this leaflet"))
            #expect(!text.contains("Contents"))
        }
    }

    @Test("body text is printed at 11 pt or more, not shrunk to fit", arguments: ["A4", "Letter"])
    func bodyTextNotShrunk(paper: String) throws {
        let site = try Self.site(paper)
        for slug in Self.sampleSlugs {
            let height = try site.pdf(slug).medianWordHeight()
            // A word's box is about 1.16 × the font size in Chromium's PDFs.
            #expect(height >= 11 * 1.15, "\(slug): median word box \(height) pt")
        }
    }

    @Test("the long sample leaflet prints on three or more pages")
    func longLeaflet() throws {
        #expect(try Self.site("A4").pdf("bone-marrow-harvesting").pages.count >= 3)
    }

    @Test("the printed QR code decodes to the leaflet's online address")
    func qrCode() throws {
        let site = try Self.site("A4")
        for slug in Self.sampleSlugs {
            let png = site.root + "/qr-\(slug)"
            _ = try run("/usr/bin/pdftoppm", ["-r", "200", "-png", "-f", "1", "-l", "1", "-singlefile", site.root + "/site/\(slug)/\(slug).pdf", png])
            let decoded = try run("/usr/bin/zbarimg", ["--quiet", "--raw", png + ".png"])
            #expect(decoded.trimmingCharacters(in: .whitespacesAndNewlines) == Self.baseURL + slug)
        }
    }

    @Test("the online address and reviewed date are printed on the first page")
    func printedReference() throws {
        let pdf = try Self.site("A4").pdf("colonoscopy")
        let first = pdf.pages[0].text()
        #expect(first.contains("leaflets.example.org/colonoscopy"))
        #expect(first.contains("Last reviewed"))
        let all = pdf.pages.map { $0.text() }.joined(separator: " ")
        #expect(all.contains("Leaflet reference"))
    }

    @Test("each printed leaflet page links to its PDF")
    func pageLinksToPDF() throws {
        let site = try Self.site("A4")
        for slug in Self.sampleSlugs {
            let html = try String(contentsOfFile: site.root + "/site/\(slug).html", encoding: .utf8)
            #expect(html.contains("href=\"\(slug)/\(slug).pdf\""))
            #expect(FileManager.default.fileExists(atPath: site.root + "/site/\(slug)/\(slug).pdf"))
        }
    }

    @Test("wide content wraps instead of shrinking the page, and CSS strings keep quotes and apostrophes")
    func hostilePrintContent() throws {
        let root = try PrintedSite.temporaryFolder()
        let content = root + "/content"
        try PrintedSite.write(content + "/site.yml", """
        title: Print test
        publisher: Test
        copyright: "Publisher's \\"own\\" text \\\\ 2026"
        disclaimer: Ask your care team before you change anything you do.
        """)
        let longWord = String(repeating: "Pneumonoultramicroscopic", count: 12)
        try PrintedSite.write(content + "/leaflets/wide/leaflet.yml", "title: Wide\nsummary: Wide content.\nreviewed: 2026-01-01\n")
        try PrintedSite.write(content + "/leaflets/wide/01-body.md", """
        # Body

        \(longWord) and some ordinary words to fill the line so we can measure them.

        See https://example.org/\(String(repeating: "very-long-path-segment/", count: 20)) for more.

        ![A very wide picture](wide.svg)

            \(String(repeating: "code_without_spaces_", count: 20))

        More ordinary words follow here so that the page has normal body text on it.
        """)
        try PrintedSite.write(content + "/leaflets/wide/wide.svg", ##"<svg xmlns="http://www.w3.org/2000/svg" width="3000" height="200" viewBox="0 0 3000 200"><rect width="3000" height="200" fill="#ccc"/></svg>"##)
        _ = try run(PrintedSite.leafpress, ["pdf", "--content", content, "--templates", PrintedSite.packageRoot + "/templates", "--output", root + "/site"])
        let pdf = try PrintedPDF(path: root + "/site/wide/wide.pdf")
        #expect(try pdf.medianWordHeight() >= 11 * 1.15)
        let band = pdf.pages[0].text(below: pdf.pages[0].height - 34 * 72 / 25.4)
        #expect(band.contains("Publisher's \"own\" text \\ 2026") || band.contains("Publisher’s “own” text \\ 2026"), "\(band)")
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

/// The sample site built and printed once per paper size into a temporary folder.
fileprivate struct PrintedSite: Sendable {
    let root: String
    let copyright: String
    let disclaimer: String

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let leafpress = packageRoot + "/.build/debug/leafpress"

    static func make(paper: String) throws -> PrintedSite {
        let root = try temporaryFolder()
        _ = try run(leafpress, ["pdf", "--content", packageRoot + "/content", "--templates", packageRoot + "/templates",
                                "--output", root + "/site", "--paper", paper, "--base-url", PrintTests.baseURL])
        let siteYML = try String(contentsOfFile: packageRoot + "/content/site.yml", encoding: .utf8)
        func value(_ key: String) -> String {
            let line = siteYML.split(separator: "\n").first { $0.hasPrefix(key + ":") } ?? ""
            var text = line.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("\"") && text.hasSuffix("\"") { text = String(text.dropFirst().dropLast()) }
            return text
        }
        return PrintedSite(root: root, copyright: value("copyright"), disclaimer: value("disclaimer"))
    }

    func pdf(_ slug: String) throws -> PrintedPDF {
        try PrintedPDF(path: root + "/site/\(slug)/\(slug).pdf")
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

/// A PDF read back through `pdftotext -bbox`: every word with its box, page by page.
fileprivate struct PrintedPDF {
    struct Word {
        var text: String
        var yMin: Double
        var yMax: Double
    }

    struct Page {
        var width: Double
        var height: Double
        var words: [Word]

        func text(below y: Double = 0) -> String {
            PrintedSite.normalised(words.filter { $0.yMin >= y }.map(\.text).joined(separator: " "))
        }

        func text(above y: Double) -> String {
            PrintedSite.normalised(words.filter { $0.yMax <= y }.map(\.text).joined(separator: " "))
        }
    }

    var pages: [Page] = []
    var width: Double { pages.first?.width ?? 0 }
    var height: Double { pages.first?.height ?? 0 }

    init(path: String) throws {
        let xml = try run("/usr/bin/pdftotext", ["-bbox", path, "-"])
        for chunk in xml.components(separatedBy: "<page ").dropFirst() {
            let width = Double(chunk.between("width=\"", "\"") ?? "") ?? 0
            let height = Double(chunk.between("height=\"", "\"") ?? "") ?? 0
            var words: [Word] = []
            for entry in chunk.components(separatedBy: "<word ").dropFirst() {
                guard let yMin = Double(entry.between("yMin=\"", "\"") ?? ""),
                      let yMax = Double(entry.between("yMax=\"", "\"") ?? ""),
                      let text = entry.between(">", "</word>") else { continue }
                words.append(Word(text: text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                    .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                    .replacingOccurrences(of: "&amp;", with: "&"), yMin: yMin, yMax: yMax))
            }
            pages.append(Page(width: width, height: height, words: words))
        }
        if pages.isEmpty { throw PrintTestError("no pages in \(path)") }
    }

    /// Median height of word boxes in the body (between the margins): the body font's size.
    func medianWordHeight() throws -> Double {
        let heights = pages.flatMap { page in
            page.words.filter { $0.yMin > 20 * 72 / 25.4 && $0.yMax < page.height - 34 * 72 / 25.4 }.map { $0.yMax - $0.yMin }
        }.sorted()
        guard !heights.isEmpty else { throw PrintTestError("no body words") }
        return heights[heights.count / 2]
    }
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
