import Foundation
import Testing
import LeafpressCore

/// Hostile and broken input, through the real command line: every case gives a located
/// message and exit status 1, leaves the previous site exactly as it was, and writes
/// nothing outside the output folder.
@Suite("Hardening")
struct HardeningTests {
    /// A fixture site already built once into `site/`, with a fingerprint of everything
    /// in the temporary folder except the content being edited.
    struct Built {
        let folder: TemporaryDirectory
        let site: [String: Data]
        let outside: [String]

        init() throws {
            folder = try TemporaryDirectory()
            try FixtureSite.write(into: folder)
            let result = try runLeafpress(Built.buildArguments(folder), in: folder)
            try #require(result.status == 0, "fixture did not build: \(result.stderr)")
            site = snapshot(folder.subpath("site"))
            outside = Self.listing(folder)
        }

        /// Every path in the folder outside `site/` and `content/`.
        static func listing(_ folder: TemporaryDirectory) -> [String] {
            snapshot(folder.path).keys.filter { !$0.hasPrefix("site/") && !$0.hasPrefix("content/") && !$0.hasPrefix(".std") }.sorted()
        }

        var build: [String] { Built.buildArguments(folder) }

        static func buildArguments(_ folder: TemporaryDirectory) -> [String] {
            ["build", "--content", folder.subpath("content"), "--templates", repositoryTemplates, "--output", folder.subpath("site")]
        }

        /// Builds after an edit and checks the failure contract; returns stderr.
        func expectFailure(containing message: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
            let result = try runLeafpress(build, in: folder)
            #expect(result.status == 1, sourceLocation: sourceLocation)
            #expect(result.stderr.contains(message), "stderr: \(result.stderr)", sourceLocation: sourceLocation)
            expectIdentical(snapshot(folder.subpath("site")), site, sourceLocation: sourceLocation)
            #expect(Built.listing(folder) == outside, sourceLocation: sourceLocation)
            #expect(leftovers(besides: folder.subpath("site")) == [], sourceLocation: sourceLocation)
            return result.stderr
        }
    }

    static let section = "content/leaflets/wound-care/10-follow-up.md"

    @Test func invalidUTF8IsReportedWithItsLocation() throws {
        let built = try Built()
        try Data("# Follow-up\n\nok\nbad \u{00}".utf8.dropLast() + [0xFF, 0x0A]).write(to: URL(fileURLWithPath: built.folder.subpath(Self.section)))
        let stderr = try built.expectFailure(containing: "10-follow-up.md:4:5: error: invalid UTF-8 byte 0xFF")
        #expect(stderr.contains("[encoding]"))
    }

    @Test func byteOrderMarkAndWindowsLineEndingsAreAccepted() throws {
        let built = try Built()
        try Data([0xEF, 0xBB, 0xBF] + Array("# Follow-up\r\n\r\nSee us in two weeks.\r\n".utf8)).write(to: URL(fileURLWithPath: built.folder.subpath(Self.section)))
        let result = try runLeafpress(built.build, in: built.folder)
        #expect(result.status == 0, "\(result.stderr)")
        let html = try built.folder.read("site/wound-care.html")
        #expect(html.contains(">Follow-up</h2>"))
        #expect(!html.contains("\u{FEFF}"))
    }

    @Test func emptySectionFileIsALocatedError() throws {
        let built = try Built()
        try built.folder.write("", to: Self.section)
        _ = try built.expectFailure(containing: "10-follow-up.md:1:1: error: section has no title")
    }

    @Test func aFiftyMegabyteSectionIsHandled() throws {
        let built = try Built()
        let paragraph = String(repeating: "Drink plenty of water and rest at home. ", count: 25) + "\n\n"
        let body = "# Follow-up\n\n" + String(repeating: paragraph, count: 50 * 1024 * 1024 / paragraph.utf8.count)
        try built.folder.write(body, to: Self.section)
        let result = try runLeafpress(built.build, in: built.folder)
        #expect(result.status == 0, "\(result.stderr.prefix(500))")
        let size = try FileManager.default.attributesOfItem(atPath: built.folder.subpath("site/wound-care.html"))[.size] as? Int ?? 0
        #expect(size > 50 * 1024 * 1024)
    }

    @Test(arguments: [
        String(repeating: ">", count: 10_000) + " deep quote\n",
        String(repeating: "- ", count: 10_000) + "deep list\n",
        String(repeating: "[", count: 10_000) + "x" + String(repeating: "]", count: 10_000) + "\n",
        String(repeating: "*", count: 10_000) + "x" + String(repeating: "*", count: 10_000) + "\n",
    ])
    func deepNestingDoesNotCrashOrHang(markdown: String) throws {
        let built = try Built()
        try built.folder.write("# Follow-up\n\n" + markdown, to: Self.section)
        let result = try runLeafpress(built.build, in: built.folder)
        #expect(result.status == 0, "\(result.stderr.prefix(500))")
    }

    @Test func yamlAliasBombIsRefused() throws {
        let built = try Built()
        var yaml = "title: Wound Care\nsummary: s\nreviewed: 2026-03-01\na: &a [x, x, x, x, x, x, x, x, x]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
            previous = name
        }
        try built.folder.write(yaml, to: "content/leaflets/wound-care/leaflet.yml")
        _ = try built.expectFailure(containing: "leaflet.yml:4:4: error: YAML anchors and aliases are not supported")
    }

    /// Anchors and aliases wherever YAML allows them: after a tag, on keys, in flow
    /// collections, in a later document, and in every file that holds YAML.
    @Test(arguments: [
        ("a: !!seq &a [x, x, x, x, x, x, x, x, x]\nb: !!seq &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n", "4:4"),
        ("? &k [x]\n: y\n", "4:3"),
        ("*k : y\n", "4:1"),
        ("a: !!str &s text\n", "4:4"),
        ("a: {k: !local &z v}\n", "4:8"),
        ("a: [1, !!int &n 2]\n", "4:8"),
        ("a:\n  - !!map &m\n    k: v\n", "5:5"),
    ])
    func yamlAnchorsAndAliasesAreRefusedEverywhere(extra: String, at position: String) throws {
        let built = try Built()
        try built.folder.write("title: Wound Care\nsummary: s\nreviewed: 2026-03-01\n" + extra, to: "content/leaflets/wound-care/leaflet.yml")
        let stderr = try built.expectFailure(containing: "wound-care/leaflet.yml:\(position): error: YAML anchors and aliases are not supported")
        #expect(stderr.contains("[yaml-limits]"))
    }

    @Test func yamlAnchorsAreRefusedInSiteSettingsFrontMatterAndLaterDocuments() throws {
        let built = try Built()
        let site = try built.folder.read("content/site.yml")
        try built.folder.write(site + "---\nx: !!seq &a [1]\n", to: "content/site.yml")
        _ = try built.expectFailure(containing: "content/site.yml:")
        try built.folder.write(site, to: "content/site.yml")
        try built.folder.write("---\ntitle: !!str &t Follow-up\n---\n\nSee us.\n", to: Self.section)
        _ = try built.expectFailure(containing: "10-follow-up.md:2:8: error: YAML anchors and aliases are not supported")
    }

    @Test func yamlKeysThatAreMappingsAndHugeDocumentsAreBounded() throws {
        let built = try Built()
        try built.folder.write("title: Wound Care\nsummary: s\nreviewed: 2026-03-01\n? {a: {b: c}}\n: x\n", to: "content/leaflets/wound-care/leaflet.yml")
        _ = try built.expectFailure(containing: "wound-care/leaflet.yml:4:3: error: keys must be plain text, not lists or mappings [yaml-limits]")
        let many = "title: Wound Care\nsummary: s\nreviewed: 2026-03-01\nk: [" + Array(repeating: "1", count: 120_000).joined(separator: ",") + "]\n"
        try built.folder.write(many, to: "content/leaflets/wound-care/leaflet.yml")
        _ = try built.expectFailure(containing: "error: YAML has more than 100000 values [yaml-limits]")
        try built.folder.write(many + "# " + String(repeating: "x", count: 40_000) + "\n", to: "content/leaflets/wound-care/leaflet.yml")
        _ = try built.expectFailure(containing: "wound-care/leaflet.yml:1:1: error: YAML is larger than 256 KB [yaml-limits]")
        let deep = "title: Wound Care\nsummary: s\nreviewed: 2026-03-01\nk: " + String(repeating: "!!seq [", count: 100) + String(repeating: "]", count: 100) + "\n"
        try built.folder.write(deep, to: "content/leaflets/wound-care/leaflet.yml")
        _ = try built.expectFailure(containing: "error: YAML is nested more than 64 levels deep [yaml-limits]")
    }

    // MARK: numbers and values that reach files

    @Test(arguments: [
        ("max_grade: 1e19", "'max_grade' must be a number from 1 to 30, got '1e19'"),
        ("max_grade: .inf", "'max_grade' must be a number from 1 to 30, got '.inf'"),
        ("max_grade: -.inf", "'max_grade' must be a number from 1 to 30"),
        ("max_grade: .nan", "'max_grade' must be a number from 1 to 30"),
        ("max_grade: 0", "'max_grade' must be a number from 1 to 30, got '0'"),
        ("max_grade: [8]", "'max_grade' must be a number from 1 to 30, got 'a list'"),
        ("max_sentence_words: 99999999999999999999999", "'max_sentence_words' must be a whole number from 5 to 200"),
        ("max_sentence_words: -3", "'max_sentence_words' must be a whole number from 5 to 200, got '-3'"),
        ("max_sentence_words: 2.5", "'max_sentence_words' must be a whole number from 5 to 200, got '2.5'"),
        ("max_sentence_words: 1e3", "'max_sentence_words' must be a whole number from 5 to 200"),
    ])
    func numericSettingsAreRangeCheckedWithALocation(setting: String, message: String) throws {
        let built = try Built()
        let site = try built.folder.read("content/site.yml")
        try built.folder.write(site + "readability:\n  \(setting)\n", to: "content/site.yml")
        let stderr = try built.expectFailure(containing: "content/site.yml:7:")
        #expect(stderr.contains(message), "\(stderr)")
        #expect(stderr.contains("[schema-range]"))
        // `check` reads the same settings and must not trap on them either.
        let check = try runLeafpress(["check", "--content", built.folder.subpath("content"), "--templates", repositoryTemplates], in: built.folder)
        #expect(check.status == 1)
        #expect((check.stdout + check.stderr).contains(message), "\(check.stdout)\(check.stderr)")
    }

    @Test func jobsOutOfRangeIsAPlainError() throws {
        let built = try Built()
        for jobs in ["0", "9223372036854775807", "1025"] {
            let result = try runLeafpress(built.build + ["--jobs", jobs], in: built.folder)
            #expect(result.status != 0 && result.status < 128, "\(jobs): \(result.status)")
            #expect(result.stderr.contains("--jobs must be from 1 to 1024"), "\(result.stderr)")
        }
    }

    @Test(arguments: [
        "https://example.org/\nDisallow: /", "javascript:alert(1)", "https://", "https://example.org/?a=1",
        "https://example.org/#top", "https://user@example.org/", "https://exa mple.org/", "https://example.org/a b",
        "https://example.org/\"onload=\"x", "https://example.org:99999/", "ftp://example.org/", "//example.org/",
        "https://example..org/", "https://example.org/%zz",
    ])
    func badBaseURLsAreRefusedInSiteSettingsAndOnTheCommandLine(url: String) throws {
        let built = try Built()
        let site = try built.folder.read("content/site.yml")
        let quoted = url.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n")
        try built.folder.write(site + "base_url: \"\(quoted)\"\n", to: "content/site.yml")
        let stderr = try built.expectFailure(containing: "content/site.yml:6:11: error: 'base_url' must be an absolute http(s) URL")
        #expect(stderr.contains("[schema-url]"))
        try built.folder.write(site, to: "content/site.yml")
        let result = try runLeafpress(built.build + ["--base-url", url], in: built.folder)
        #expect(result.status != 0)
        #expect(result.stderr.contains("--base-url must be an absolute http(s) URL"), "\(result.stderr)")
        expectIdentical(snapshot(built.folder.subpath("site")), built.site)
    }

    @Test func goodBaseURLsAreNormalisedAndReachRobotsOnOneLine() throws {
        let built = try Built()
        let result = try runLeafpress(built.build + ["--base-url", "HTTPS://Leaflets.Example.org:8443/patient-info"], in: built.folder)
        #expect(result.status == 0, "\(result.stderr)")
        let robots = try built.folder.read("site/robots.txt")
        #expect(robots.contains("Sitemap: https://leaflets.example.org:8443/patient-info/sitemap.xml\n"), "\(robots)")
    }

    @Test func languageTagsCompareWithoutCase() throws {
        let built = try Built()
        let manifest = try built.folder.read("content/leaflets/wound-care/leaflet.yml")
        try built.folder.write(manifest + "language: EN\n", to: "content/leaflets/wound-care/leaflet.yml")
        try built.folder.write("title: Rodilla\nsummary: s\nreviewed: 2026-03-01\nlanguage: ES-mx\n", to: "content/leaflets/rodilla/leaflet.yml")
        try built.folder.write("# Uno\n\nTexto.\n", to: "content/leaflets/rodilla/01-uno.md")
        try built.folder.write("title: Otra\nsummary: s\nreviewed: 2026-03-01\nlanguage: es-MX\n", to: "content/leaflets/otra/leaflet.yml")
        try built.folder.write("# Uno\n\nTexto.\n", to: "content/leaflets/otra/01-uno.md")
        let result = try runLeafpress(built.build, in: built.folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try built.folder.read("site/wound-care.html").contains("lang=\"en\""))
        #expect(try built.folder.read("site/rodilla.html").contains("lang=\"es-MX\""))
        #expect(!built.folder.exists("site/EN"))
    }

    @Test func duplicateKeysAreALocatedError() throws {
        let built = try Built()
        try built.folder.write("title: Wound Care\ntitle: Again\nsummary: s\nreviewed: 2026-03-01\n", to: "content/leaflets/wound-care/leaflet.yml")
        _ = try built.expectFailure(containing: "wound-care/leaflet.yml:1:1: error: duplicate key 'title'")
    }

    @Test func nonStringTitleIsALocatedError() throws {
        let built = try Built()
        try built.folder.write("title: [Wound, Care]\nsummary: s\nreviewed: 2026-03-01\n", to: "content/leaflets/wound-care/leaflet.yml")
        _ = try built.expectFailure(containing: "wound-care/leaflet.yml:1:8: error: 'title' must be text, not a list")
    }

    @Test func symlinkOutOfTheContentFolderIsRefused() throws {
        let built = try Built()
        try FileManager.default.createSymbolicLink(atPath: built.folder.subpath("content/leaflets/wound-care/passwd.png"), withDestinationPath: "/etc/passwd")
        _ = try built.expectFailure(containing: "wound-care/passwd.png: error: symbolic link points outside the content folder")
    }

    @Test func linksThatClimbOutOfTheContentFolderAreErrors() throws {
        let built = try Built()
        try built.folder.write("# Follow-up\n\nSee [this](../../../../../../etc/passwd).\n", to: Self.section)
        _ = try built.expectFailure(containing: "10-follow-up.md:3:5: error: link '../../../../../../etc/passwd' leaves the content folder")
    }

    @Test func dangerousLinksAreNeverEmittedEvenWithUnsafeHTML() throws {
        let built = try Built()
        let site = try built.folder.read("content/site.yml")
        try built.folder.write(site + "unsafe_html: true\n", to: "content/site.yml")
        try built.folder.write("""
            # Follow-up

            [a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](vbscript:msgbox) [d](data:text/html;base64,PHNjcmlwdD4=) [e]( java\tscript:alert(1))

            ![f](data:image/svg+xml;base64,PHN2Zz4=)

            """, to: Self.section)
        let result = try runLeafpress(built.build, in: built.folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("warning: removed unsafe link"))
        let html = try built.folder.read("site/wound-care.html").lowercased()
        for scheme in ["javascript:", "vbscript:", "data:"] { #expect(!html.contains(scheme), "\(scheme)") }
    }

    /// Raw HTML is never dropped silently: with `unsafe_html` off it fails the build at its
    /// line and column, and nothing of it reaches a page.
    @Test func rawHTMLIsALocatedErrorByDefault() throws {
        let built = try Built()
        try built.folder.write("# Follow-up\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n", to: Self.section)
        let stderr = try built.expectFailure(containing: "[raw-html]")
        #expect(stderr.contains("\(Self.section):3:1: error:"), "\(stderr)")
        #expect(stderr.contains("\(Self.section):5:1: error:"), "\(stderr)")
    }

    @Test func outputIntoTheContentFolderIsRefusedAndNothingIsDeleted() throws {
        let built = try Built()
        let before = snapshot(built.folder.subpath("content"))
        for output in ["content", "content/leaflets", "."] {
            let result = try runLeafpress(["build", "--content", built.folder.subpath("content"), "--templates", repositoryTemplates,
                                           "--output", built.folder.subpath(output)], in: built.folder)
            #expect(result.status == 1, "\(output)")
            #expect(result.stderr.contains("error: output folder overlaps") || result.stderr.contains("not empty and was not written by Leafpress"), "\(output): \(result.stderr)")
        }
        expectIdentical(snapshot(built.folder.subpath("content")), before)
    }

    @Test func aFolderThatIsNotOursIsNeverReplaced() throws {
        let built = try Built()
        try built.folder.write("my notes\n", to: "notes/todo.txt")
        let result = try runLeafpress(["build", "--content", built.folder.subpath("content"), "--templates", repositoryTemplates,
                                       "--output", built.folder.subpath("notes")], in: built.folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("notes: error: output folder is not empty and was not written by Leafpress"))
        #expect(try built.folder.read("notes/todo.txt") == "my notes\n")
    }

    @Test func rootAndHomeAreRefused() throws {
        let built = try Built()
        for output in ["/", NSHomeDirectory()] {
            let result = try runLeafpress(["build", "--content", built.folder.subpath("content"), "--templates", repositoryTemplates, "--output", output], in: built.folder)
            #expect(result.status == 1)
            #expect(result.stderr.contains("refusing to use"), "\(result.stderr)")
        }
    }

    @Test func interruptedBuildLeavesThePreviousSiteAndNoStagingFolder() throws {
        let built = try Built()
        // Enough leaflets that the build is still running when it is interrupted.
        for index in 0..<400 {
            let slug = "extra-\(index)"
            try built.folder.write("title: Extra \(index)\nsummary: s\nreviewed: 2026-01-01\n", to: "content/leaflets/\(slug)/leaflet.yml")
            try built.folder.write("---\nkind: emergency\n---\n# Help\n\n" + String(repeating: "Call for help now. ", count: 400) + "\n", to: "content/leaflets/\(slug)/01-help.md")
        }
        let executable = try #require(leafpressExecutable())
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = built.build + ["--jobs", "1"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The build announces nothing, so wait for its staging folder to appear on disk.
        let parent = built.folder.path
        let deadline = Date().addingTimeInterval(30)
        while leftovers(besides: parent + "/site").isEmpty, process.isRunning, Date() < deadline { usleep(1000) }
        process.terminate()
        process.waitUntilExit()
        // Killed by SIGTERM while writing (128 + 15), not finished.
        #expect(process.terminationStatus == 143)
        expectIdentical(snapshot(built.folder.subpath("site")), built.site)
        #expect(leftovers(besides: built.folder.subpath("site")) == [])
    }
}
