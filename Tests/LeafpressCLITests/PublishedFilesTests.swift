import Foundation
import Testing
import LeafpressCore

/// What ends up in the site besides the pages (#13.4, #13.7): only the leaflet files
/// something links to, and the PDFs `leafpress pdf` printed, kept by later builds while
/// they are current and served by `serve`.
@Suite("Published files and PDFs, end to end", .serialized)
struct PublishedFilesTests {
    /// A two-leaflet site: `ward` shows an image and links a handout of `clinic`; working
    /// files sit beside them.
    static func writeSite(into folder: TemporaryDirectory, extraSiteSettings: String = "") throws {
        func file(_ relative: String, _ text: String) throws { try folder.write(text, to: "content/" + relative) }
        try file("site.yml", """
            title: Files Test
            publisher: Test Trust
            copyright: "© 2026 Test Trust"
            disclaimer: "General information only."
            \(extraSiteSettings)
            """)
        let card = "---\nkind: emergency\n---\n# Get help now\n\n- heavy bleeding that does not stop\n"
        try file("leaflets/ward/leaflet.yml", "title: Ward Stay\nsummary: Your stay on the ward.\nreviewed: 2026-03-01\n")
        try file("leaflets/ward/01-about.md", """
            # About your stay

            ![A map of the ward](images/map.svg)

            Read the [clinic handout](../clinic/handout.txt) before you come.
            """)
        try file("leaflets/ward/02-help.md", card)
        try file("leaflets/ward/images/map.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"2\" height=\"2\"/>\n")
        try file("leaflets/ward/draft.docx", "working copy\n")
        try file("leaflets/ward/notes/notes.txt", "meeting notes\n")
        try file("leaflets/clinic/leaflet.yml", "title: Clinic Visit\nsummary: Your visit to the clinic.\nreviewed: 2026-03-01\n")
        try file("leaflets/clinic/01-about.md", "# About your visit\n\nCome to the front desk.\n")
        try file("leaflets/clinic/02-help.md", card)
        try file("leaflets/clinic/handout.txt", "Bring your letter.\n")
    }

    @Test func onlyFilesASectionLinksToArePublishedAndTheRestAreWarnedAbout() throws {
        let folder = try TemporaryDirectory()
        try Self.writeSite(into: folder)
        let build = try runLeafpress(["build"], in: folder)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(folder.exists("site/ward/images/map.svg"))
        // Linked from another leaflet: published in its own leaflet's folder.
        #expect(folder.exists("site/clinic/handout.txt"))
        #expect(!folder.exists("site/ward/draft.docx"))
        #expect(!folder.exists("site/ward/notes/notes.txt"))
        for (file, name) in [("draft.docx", "draft.docx"), ("notes/notes.txt", "notes.txt")] {
            let line = try #require(build.stderr.split(separator: "\n").first { $0.contains("content/leaflets/ward/\(file):") },
                                    "no warning for \(file) in: \(build.stderr)")
            #expect(line.contains("warning: '\(file)' is not published: no section links to it"))
            #expect(line.contains("[\(name)](\(file))"))
            #expect(line.hasSuffix("[unused-file]"))
        }
        // check reports the same, and --strict turns it into a failed build.
        let check = try runLeafpress(["check"], in: folder)
        #expect((check.stdout + check.stderr).contains("content/leaflets/ward/draft.docx: warning: 'draft.docx' is not published"))
        let strict = try runLeafpress(["build", "--strict"], in: folder)
        #expect(strict.status != 0)
        // Linking the file publishes it and ends the warning.
        try folder.write("# About your stay\n\nSee [the draft](draft.docx) and [notes](notes/notes.txt).\n\n![A map of the ward](images/map.svg)\n\nRead the [clinic handout](../clinic/handout.txt).\n",
                         to: "content/leaflets/ward/01-about.md")
        let again = try runLeafpress(["build"], in: folder)
        #expect(!again.stderr.contains("unused-file"))
        #expect(folder.exists("site/ward/draft.docx"))
        #expect(folder.exists("site/ward/notes/notes.txt"))
    }

    @Test func aPlainBuildKeepsPDFsWhileTheLeafletIsUnchangedAndDropsThemWithANoticeWhenItChanges() throws {
        let folder = try TemporaryDirectory()
        try Self.writeSite(into: folder)
        let pdf = try runLeafpress(["pdf", "--large-print"], in: folder)
        #expect(pdf.status == 0, "\(pdf.stderr)")
        let files = ["site/ward/ward.pdf", "site/ward/ward.large.pdf", "site/clinic/clinic.pdf", "site/clinic/clinic.large.pdf"]
        let printed = try files.map { try inode(folder.subpath($0)) }

        let build = try runLeafpress(["build"], in: folder)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stderr.contains("4 PDFs (0 printed, 4 kept)"), "\(build.stderr)")
        // Kept by hard link: the same file, not a copy.
        #expect(try files.map { try inode(folder.subpath($0)) } == printed)
        let page = try folder.read("site/ward.html")
        #expect(page.contains("href=\"ward/ward.pdf\""))
        #expect(page.contains("href=\"ward/ward.large.pdf\""))
        let manifest = try folder.read("site/manifest.json")
        #expect(manifest.contains("\"file\" : \"ward/ward.large.pdf\""))
        #expect(manifest.contains(try sha256sum(folder.subpath("site/ward/ward.pdf"))))

        // A changed section: that leaflet's PDFs are left out, with a notice at its leaflet.yml;
        // the other leaflet keeps its PDFs.
        try folder.write("# About your stay\n\n![A map of the ward](images/map.svg)\n\nRead the [clinic handout](../clinic/handout.txt) the day before you come.\n",
                         to: "content/leaflets/ward/01-about.md")
        let changed = try runLeafpress(["build"], in: folder)
        #expect(changed.status == 0)
        for name in ["ward/ward.pdf", "ward/ward.large.pdf"] {
            #expect(changed.stderr.contains("content/leaflets/ward/leaflet.yml:1:1: warning: the PDF \(name) is left out of the site: the leaflet, a file it shows or the theme changed since it was printed; print it again with 'leafpress pdf"),
                    "\(changed.stderr)")
        }
        #expect(changed.stderr.contains("[pdf-dropped]"))
        #expect(!folder.exists("site/ward/ward.pdf"))
        #expect(!folder.exists("site/ward/ward.large.pdf"))
        #expect(!(try folder.read("site/ward.html")).contains("ward.pdf"))
        #expect(folder.exists("site/clinic/clinic.pdf"))
        #expect(try folder.read("site/clinic.html").contains("href=\"clinic/clinic.pdf\""))

        // A changed file the page shows drops the PDF too, though the page text is the same.
        try folder.write("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"3\" height=\"3\"/>\n", to: "content/leaflets/clinic/map.svg")
        try folder.write("# About your visit\n\n![A map](map.svg)\n\nCome to the front desk.\n", to: "content/leaflets/clinic/01-about.md")
        #expect(try runLeafpress(["pdf", "clinic"], in: folder).status == 0)
        try folder.write("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"/>\n", to: "content/leaflets/clinic/map.svg")
        let image = try runLeafpress(["build"], in: folder)
        #expect(image.stderr.contains("the PDF clinic/clinic.pdf is left out of the site"), "\(image.stderr)")
        #expect(!folder.exists("site/clinic/clinic.pdf"))
    }

    @Test func aPDFThatIsNotTheOnePrintedIsNeverKept() throws {
        let folder = try TemporaryDirectory()
        try Self.writeSite(into: folder)
        #expect(try runLeafpress(["pdf", "clinic"], in: folder).status == 0)
        // Replaced in the site after printing (not by Leafpress).
        let path = folder.subpath("site/clinic/clinic.pdf")
        try FileManager.default.removeItem(atPath: path)
        try Data("%PDF-1.4 something else".utf8).write(to: URL(fileURLWithPath: path))
        let build = try runLeafpress(["build"], in: folder)
        #expect(build.stderr.contains("the PDF clinic/clinic.pdf is left out of the site: the file in the previous site is missing or is not the one printed"),
                "\(build.stderr)")
        #expect(!folder.exists("site/clinic/clinic.pdf"))
    }

    @Test func pdfTrueInSiteSettingsAndBuildPDFPrintEveryBuild() throws {
        let folder = try TemporaryDirectory()
        try Self.writeSite(into: folder, extraSiteSettings: "pdf: true\nprint: [standard, large]\n")
        let build = try runLeafpress(["build"], in: folder)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stderr.contains("4 PDFs (4 printed, 0 kept)"), "\(build.stderr)")
        for file in ["site/ward/ward.pdf", "site/ward/ward.large.pdf", "site/clinic/clinic.pdf", "site/clinic/clinic.large.pdf"] {
            #expect(try Data(contentsOf: URL(fileURLWithPath: folder.subpath(file))).prefix(5) == Data("%PDF-".utf8))
        }
        // Without a browser, `pdf: true` is an error at its line, and the site is left as it was.
        let before = try inode(folder.subpath("site/ward/ward.pdf"))
        let noBrowser = try runLeafpress(["build"], in: folder, environment: ["LEAFPRESS_BROWSER": "/nonexistent/chromium"])
        #expect(noBrowser.status != 0)
        #expect(noBrowser.stderr.contains("content/site.yml:5:6: error: 'pdf: true' prints every leaflet in every build, but no headless browser was found"),
                "\(noBrowser.stderr)")
        #expect(try inode(folder.subpath("site/ward/ward.pdf")) == before)

        let plain = try TemporaryDirectory()
        try Self.writeSite(into: plain)
        let flagged = try runLeafpress(["build", "--pdf"], in: plain)
        #expect(flagged.status == 0, "\(flagged.stderr)")
        #expect(plain.exists("site/ward/ward.pdf"))
        #expect(!plain.exists("site/ward/ward.large.pdf"))
        #expect(try plain.read("site/ward.html").contains("href=\"ward/ward.pdf\""))
    }

    @Test func serveServesThePDFsOfTheLastBuild() throws {
        let folder = try TemporaryDirectory()
        try Self.writeSite(into: folder)
        #expect(try runLeafpress(["pdf", "ward"], in: folder).status == 0)
        let server = try ServeTests.Server(folder: folder, arguments: ["--content", folder.subpath("content")])
        let response = try HTTP.get("/ward/ward.pdf", port: server.port)
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "application/pdf")
        let onDisk = try Data(contentsOf: URL(fileURLWithPath: folder.subpath("site/ward/ward.pdf")))
        #expect(response.header("Content-Length") == String(onDisk.count))
        #expect(response.body.hasPrefix("%PDF-"))
        #expect(try HTTP.get("/ward", port: server.port).body.contains("href=\"ward/ward.pdf\""))
        // Files nothing links to are not served either.
        #expect(try HTTP.get("/ward/draft.docx", port: server.port).status == 404)
    }

    @Test func serveFindsThePDFsOfASiteBuiltElsewhereAndFromALeafletFolder() throws {
        let folder = try TemporaryDirectory()
        try Self.writeSite(into: folder)
        #expect(try runLeafpress(["pdf", "clinic", "-o", "public"], in: folder).status == 0)
        let named = try ServeTests.Server(folder: folder, arguments: ["-o", folder.subpath("public")])
        #expect(try HTTP.get("/clinic/clinic.pdf", port: named.port).status == 200)
        // Without -o, the site beside content/ is used, even when serve starts deeper inside.
        #expect(try runLeafpress(["pdf", "clinic"], in: folder).status == 0)
        let inside = try TemporaryDirectory(existing: folder.subpath("content/leaflets/ward"))
        let found = try ServeTests.Server(folder: inside, arguments: [])
        #expect(try HTTP.get("/clinic/clinic.pdf", port: found.port).status == 200)
    }
}

private func inode(_ path: String) throws -> UInt64 {
    var info = stat()
    guard stat(path, &info) == 0 else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: path]) }
    return UInt64(info.st_ino)
}

private func sha256sum(_ path: String) throws -> String {
    try runTool("/usr/bin/sha256sum", [path]).split(separator: " ").first.map(String.init) ?? ""
}
