import Foundation
import Testing
import LeafpressCore

/// `leafpress new` and `leafpress init`: what they write, that it builds cleanly, and
/// what they refuse.
@Suite("leafpress new and init")
struct ScaffoldTests {
    static let sectionFiles = [
        "01-what-you-need-to-know.md", "02-how-to-prepare.md", "03-what-happens-during.md", "04-after.md",
        "05-risks.md", "06-seek-care-immediately.md", "07-contact-your-care-team.md", "08-non-urgent.md",
        "09-medicines.md", "10-self-care.md", "11-follow-up.md",
    ]
    static let siteKeys = ["title", "publisher", "copyright", "disclaimer", "language", "base_url", "paper", "print", "pdf",
                           "logo", "logo_alt", "accent_color", "accent_text_color", "readability", "max_grade",
                           "max_sentence_words", "governance", "rules", "required_blocks", "unsafe_html"]

    /// A content folder holding only a minimal `site.yml`.
    func siteOnly(in folder: TemporaryDirectory) throws {
        try folder.write("""
            title: Scaffold Tests
            publisher: Scaffold Test Trust
            copyright: "© 2026 Scaffold Test Trust."
            disclaimer: "General information only."

            """, to: "content/site.yml")
    }

    /// A library build with review checks on (reviewed in the future is an error,
    /// next_review passed is a warning).
    func buildToday(content: String, templates: String = repositoryTemplates, output: String) throws -> BuildReport {
        var options = buildOptions(content: content, output: output, templates: templates)
        options.today = Day.today()
        // `new` writes drafts.
        options.includeDrafts = true
        return try SiteBuilder(options: options).build()
    }

    func yearLater(_ day: Day) -> Day {
        Day(year: day.year + 1, month: day.month, day: day.day) ?? Day(year: day.year + 1, month: day.month, day: 28)!
    }

    /// Every non-hidden file under `root`, relative path to text.
    func textFiles(under root: String) -> [String: String] {
        var files: [String: String] = [:]
        for (relative, data) in snapshot(root) where !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            files[relative] = String(decoding: data, as: UTF8.self)
        }
        return files
    }

    // MARK: new

    @Test func newWritesTheStandardSectionsAndBuildsCleanly() throws {
        let folder = try TemporaryDirectory()
        try siteOnly(in: folder)
        let today = Day.today()
        let content = folder.subpath("content")
        let written = try LeafletScaffold.write(slug: "knee-replacement", title: "Knee Replacement", setting: "Day Surgery",
                                                category: "Bones and joints", content: content, today: today)
        let expected = (["leaflet.yml"] + Self.sectionFiles).map { content + "/leaflets/knee-replacement/" + $0 }
        #expect(written == expected)
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: content + "/leaflets/knee-replacement").sorted()
        #expect(onDisk == (["leaflet.yml"] + Self.sectionFiles).sorted())
        #expect(try FileManager.default.contentsOfDirectory(atPath: content).sorted() == ["leaflets", "site.yml"])

        for file in Self.sectionFiles {
            let text = try folder.read("content/leaflets/knee-replacement/" + file)
            #expect(text.hasPrefix("---\ntitle: "), "\(file) has no title in its front matter")
            #expect(text.contains("\n<!-- ") && text.contains("\n-->\n"), "\(file) has no guiding comment")
            #expect(text.contains(LeafletScaffold.placeholderMarker), "\(file) has no placeholder")
            let kind = ["06-seek-care-immediately.md": "emergency", "07-contact-your-care-team.md": "urgent",
                        "08-non-urgent.md": "non-urgent"][file]
            #expect(text.contains("\nkind: ") == (kind != nil), "\(file)")
            if let kind { #expect(text.contains("\nkind: \(kind)\n---\n"), "\(file) should be a \(kind) card") }
        }

        let report = try buildToday(content: content, output: folder.subpath("site"))
        #expect(report.diagnostics.map(\.description) == [])
        let manifest = try #require(report.manifests.first)
        #expect(report.manifests.count == 1)
        #expect(manifest.title == "Knee Replacement")
        #expect(manifest.setting == "Day Surgery")
        #expect(manifest.category == "Bones and joints")
        #expect(manifest.summary == LeafletScaffold.placeholderSummary)
        // A new leaflet is a draft that claims no review.
        #expect(manifest.draft)
        #expect(!manifest.isReviewed)
        #expect(manifest.nextReview == nil)
        #expect(manifest.reviewedBy == [] && manifest.authors == [] && manifest.sources == [] && manifest.keywords == [])

        let html = try page(folder.subpath("site"), "knee-replacement.html")
        for title in ["What you need to know", "When to call an emergency number", "Contact your care team today",
                      "Mention at your next appointment", "Follow-up"] {
            #expect(html.contains(title), "page lacks the section '\(title)'")
        }
        #expect(html.contains("Replace this with a sign that needs emergency care."))
        #expect(!html.contains("Guidance for authors"), "the guiding comments must not reach the page")
    }

    @Test func newLeavesOptionalKeysOutWhenNotGiven() throws {
        let folder = try TemporaryDirectory()
        try siteOnly(in: folder)
        _ = try LeafletScaffold.write(slug: "colonoscopy", title: "Colonoscopy", content: folder.subpath("content"), today: Day.today())
        let yaml = try folder.read("content/leaflets/colonoscopy/leaflet.yml")
        #expect(yaml.contains("\n# setting: "))
        #expect(yaml.contains("\n# category: "))
        #expect(yaml.contains("\ntitle: Colonoscopy\n"))
        let report = try buildToday(content: folder.subpath("content"), output: folder.subpath("site"))
        #expect(report.diagnostics.map(\.description) == [])
        #expect(report.manifests.first?.setting == nil)
        #expect(report.manifests.first?.category == nil)
    }

    @Test(arguments: ["Knee: a \"new\" joint # 2", "yes", "Ärzte & Café", "&anchor", "[list]", "100", "Back\\slash", "Caring for a 2-year-old's cough"])
    func newWritesAnyTitleSoItReadsBackExactly(_ title: String) throws {
        let folder = try TemporaryDirectory()
        try siteOnly(in: folder)
        _ = try LeafletScaffold.write(slug: "odd-title", title: title, setting: title, category: title,
                                      content: folder.subpath("content"), today: Day.today())
        let report = try buildToday(content: folder.subpath("content"), output: folder.subpath("site"))
        #expect(report.diagnostics.map(\.description) == [])
        #expect(report.manifests.first?.title == title)
        #expect(report.manifests.first?.setting == title)
        #expect(report.manifests.first?.category == title)
    }

    @Test func newCreatesTheLeafletsFolderOnlyBesideASiteYML() throws {
        let folder = try TemporaryDirectory()
        try siteOnly(in: folder)
        #expect(!folder.exists("content/leaflets"))
        _ = try LeafletScaffold.write(slug: "first", title: "First", content: folder.subpath("content"), today: Day.today())
        #expect(folder.exists("content/leaflets/first/leaflet.yml"))

        let empty = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: empty.subpath("content"), withIntermediateDirectories: true)
        let failure = #expect(throws: BuildFailure.self) {
            _ = try LeafletScaffold.write(slug: "first", title: "First", content: "\(empty.path)/content", today: Day.today())
        }
        #expect(failure?.description == "\(empty.path)/content: error: no site.yml here; run 'leafpress init' first or pass --content")
        #expect(try FileManager.default.contentsOfDirectory(atPath: empty.subpath("content")) == [])
    }

    @Test func newCommandWritesTheLeafletAndPrintsItsFiles() throws {
        let folder = try TemporaryDirectory()
        try siteOnly(in: folder)
        let result = try runLeafpress(["new", "knee-replacement", "--title", "Knee Replacement", "--setting", "Day Surgery",
                                       "--category", "Bones and joints"], in: folder)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(Array(lines.prefix(12)) == (["leaflet.yml"] + Self.sectionFiles).map { "content/leaflets/knee-replacement/" + $0 })
        #expect(lines.last?.contains("leafpress build") == true)
        #expect(try folder.read("content/leaflets/knee-replacement/leaflet.yml").contains("\nsetting: Day Surgery\n"))

        let plain = try runLeafpress(["build", "--templates", repositoryTemplates], in: folder)
        #expect(plain.status == 0, "stderr: \(plain.stderr)")
        #expect(plain.stderr.contains("built 0 leaflets"), "a new leaflet is a draft: \(plain.stderr)")
        let build = try runLeafpress(["build", "--drafts", "--templates", repositoryTemplates], in: folder)
        #expect(build.status == 0, "stderr: \(build.stderr)")
        #expect(build.stderr.contains("built 1 leaflet"))
        #expect(build.stderr.contains(", 0 warnings"))
    }

    @Test func newRefusesToOverwriteAnExistingLeaflet() throws {
        let folder = try TemporaryDirectory()
        try siteOnly(in: folder)
        let first = try runLeafpress(["new", "knee-replacement", "--title", "Knee Replacement"], in: folder)
        try #require(first.status == 0, "stderr: \(first.stderr)")
        try folder.write("# My own words\n\nKeep these.\n", to: "content/leaflets/knee-replacement/01-what-you-need-to-know.md")
        try FileManager.default.removeItem(atPath: folder.subpath("content/leaflets/knee-replacement/02-how-to-prepare.md"))
        let before = snapshot(folder.subpath("content"))

        let again = try runLeafpress(["new", "knee-replacement", "--title", "Another Title"], in: folder)
        #expect(again.status == 1)
        #expect(again.stderr.split(separator: "\n").map(String.init)
                == ["content/leaflets/knee-replacement: error: leaflet already exists; refusing to overwrite"])
        #expect(again.stdout == "")
        expectIdentical(snapshot(folder.subpath("content")), before)

        // Even an empty folder or a plain file of that name is never replaced.
        try FileManager.default.createDirectory(atPath: folder.subpath("content/leaflets/empty"), withIntermediateDirectories: true)
        try folder.write("not a leaflet\n", to: "content/leaflets/a-file")
        for slug in ["empty", "a-file"] {
            let result = try runLeafpress(["new", slug, "--title", "X"], in: folder)
            #expect(result.status == 1)
            #expect(result.stderr.contains("content/leaflets/\(slug): error: leaflet already exists; refusing to overwrite"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.subpath("content/leaflets/empty")) == [])
        #expect(try folder.read("content/leaflets/a-file") == "not a leaflet\n")
    }

    @Test(arguments: ["Knee", "knee_replacement", "knee--replacement", "-knee", "knee-", "../escape", "knee replacement", "kné"])
    func newRejectsABadSlugAsAUsageError(_ slug: String) throws {
        let folder = try TemporaryDirectory()
        try siteOnly(in: folder)
        // `--` so that "-knee" reaches the slug check instead of being read as an option.
        let result = try runLeafpress(["new", "--title", "Knee Replacement", "--", slug], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("invalid slug '\(slug)'"), "stderr: \(result.stderr)")
        #expect(!folder.exists("content/leaflets"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/escape"))
    }

    @Test func newRejectsAnEmptyTitleAsAUsageError() throws {
        let folder = try TemporaryDirectory()
        try siteOnly(in: folder)
        let result = try runLeafpress(["new", "knee", "--title", "  "], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("--title must not be empty"))
        let missing = try runLeafpress(["new", "knee"], in: folder)
        #expect(missing.status == 2)
        #expect(!folder.exists("content/leaflets"))
    }

    @Test func newWithoutSiteYMLTellsTheUserToRunInit() throws {
        let folder = try TemporaryDirectory()
        let result = try runLeafpress(["new", "knee", "--title", "Knee"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("content: error: no site.yml here; run 'leafpress init' first or pass --content"))
        #expect(!folder.exists("content"))

        try siteOnly(in: folder)
        try FileManager.default.moveItem(atPath: folder.subpath("content"), toPath: folder.subpath("pages"))
        let elsewhere = try runLeafpress(["new", "knee", "--title", "Knee", "--content", "pages"], in: folder)
        #expect(elsewhere.status == 0, "stderr: \(elsewhere.stderr)")
        #expect(folder.exists("pages/leaflets/knee/11-follow-up.md"))
        #expect(elsewhere.stdout.contains("leafpress build --content pages"))
    }

    // MARK: init

    @Test func initCreatesASiteThatBuildsWithoutWarnings() throws {
        let site = try TemporaryDirectory()
        let elsewhere = try TemporaryDirectory()
        let result = try runLeafpress(["init", site.path], in: elsewhere)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("cd \(site.path) && leafpress build"))

        #expect(site.exists("content/site.yml"))
        for file in ["leaflet.yml"] + Self.sectionFiles {
            #expect(site.exists("content/leaflets/example-leaflet/" + file), "missing \(file)")
        }
        let example = try site.read("content/leaflets/example-leaflet/06-seek-care-immediately.md")
        #expect(!example.contains(LeafletScaffold.placeholderMarker), "the example leaflet should read like a leaflet")
        // Content only: the theme stays built in, and the built site stays out of git.
        #expect(!site.exists("templates"))
        #expect(try site.read(".gitignore").split(separator: "\n").contains("/site/"))

        let build = try runLeafpress(["build"], in: site)
        #expect(build.status == 0, "stderr: \(build.stderr)")
        #expect(build.stderr.contains("built 1 leaflet"))
        #expect(build.stderr.contains(", 0 warnings"))
        #expect(!build.stderr.contains("warning:"), "stderr: \(build.stderr)")
        #expect(site.exists("site/example-leaflet.html"))
        #expect(try brokenReferences(in: site.subpath("site")) == [])

        // The library build with review checks agrees: nothing to warn about.
        let report = try buildToday(content: site.subpath("content"), templates: site.subpath("templates"),
                                    output: site.subpath("library-site"))
        #expect(report.diagnostics.map(\.description) == [])
        #expect(report.manifests.map(\.slug) == [SiteScaffold.exampleSlug])
        #expect(report.manifests.first?.reviewed == Day.today())
        #expect(report.manifests.first?.nextReview == yearLater(Day.today()))
    }

    @Test func initCreatesMissingFoldersAndPrintsRelativeNextSteps() throws {
        let folder = try TemporaryDirectory()
        let result = try runLeafpress(["init", "sites/my site"], in: folder)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("cd 'sites/my site' && leafpress build"))
        #expect(result.stdout.split(separator: "\n").first == "sites/my site/content/site.yml")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.subpath("sites/my site")).sorted() == [".gitignore", "content"])
    }

    @Test func initSiteYMLHasEveryKeyAndItsCommentedDefaultsAreValid() throws {
        let folder = try TemporaryDirectory()
        let written = try SiteScaffold.write(directory: folder.subpath("new-site"), today: Day.today())
        #expect(written.first == folder.subpath("new-site") + "/content/site.yml")
        // site.yml, two shared blocks, the example leaflet, .gitignore.
        #expect(written.count == 1 + 2 + 12 + 1)
        #expect(written.last == folder.subpath("new-site") + "/.gitignore")
        let yaml = try folder.read("new-site/content/site.yml")
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for key in Self.siteKeys {
            #expect(lines.contains { $0.firstMatch(of: try! Regex("^(# +)?\(key):")) != nil }, "site.yml lacks '\(key)'")
        }
        for key in ["title", "publisher", "copyright", "disclaimer"] {
            #expect(lines.contains { $0.hasPrefix(key + ": ") }, "required key '\(key)' must be filled in")
        }
        for key in ["language", "base_url", "paper", "readability", "unsafe_html"] {
            #expect(lines.contains { $0.hasPrefix("# " + key + ":") }, "optional key '\(key)' must be commented out")
        }
        // Every commented-out key line is a valid setting once the "# " goes.
        let uncommented = lines.map { line in
            line.firstMatch(of: #/^# ( *[a-z_]+:( |$))/#) != nil ? String(line.dropFirst(2)) : line
        }.joined(separator: "\n")
        #expect(uncommented.contains("\nbase_url: https://"))
        #expect(uncommented.contains("\n  max_grade: 8\n"))
        try folder.write(uncommented, to: "new-site/content/site.yml")
        // The logo is the publisher's own file, added beside the uncommented key.
        try folder.write("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>\n", to: "new-site/content/assets/northbrook-logo.svg")
        let report = try buildToday(content: folder.subpath("new-site/content"), templates: folder.subpath("new-site/templates"),
                                    output: folder.subpath("new-site/site"))
        #expect(report.diagnostics.map(\.description) == [])
    }

    @Test func initRefusesANonEmptyFolder() throws {
        let folder = try TemporaryDirectory()
        try folder.write("keep me\n", to: "existing/notes.txt")
        let before = snapshot(folder.subpath("existing"))
        let result = try runLeafpress(["init", "existing"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("existing: error: folder is not empty (it holds 'notes.txt'); refusing to create a site in it"),
                "stderr: \(result.stderr)")
        #expect(result.stdout == "")
        expectIdentical(snapshot(folder.subpath("existing")), before)

        try folder.write("a file\n", to: "plain-file")
        let onFile = try runLeafpress(["init", "plain-file"], in: folder)
        #expect(onFile.status == 1)
        #expect(onFile.stderr.contains("plain-file: error: exists and is not a folder"))
        #expect(try folder.read("plain-file") == "a file\n")

        let noArgument = try runLeafpress(["init"], in: folder)
        #expect(noArgument.status == 2)
    }

    @Test func initAcceptsAFolderWithOnlyHiddenFiles() throws {
        let folder = try TemporaryDirectory()
        try folder.write("[core]\n", to: "repo/.git/config")
        let result = try runLeafpress(["init", "repo"], in: folder)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(folder.exists("repo/content/site.yml"))
        #expect(try folder.read("repo/.git/config") == "[core]\n")
    }

    // MARK: the embedded theme

    @Test func embeddedThemeMatchesTheTemplatesFolder() throws {
        let onDisk = textFiles(under: repositoryTemplates)
        let embedded = Dictionary(DefaultTheme.files.map { ($0.path, $0.contents) }, uniquingKeysWith: { first, _ in first })
        let fix = "the theme the EmbedTheme build plugin compiled in differs from templates/ (was the plugin skipped, or the build stale?)"
        #expect(!onDisk.isEmpty)
        #expect(embedded.count == DefaultTheme.files.count, "duplicate paths in DefaultTheme.files; \(fix)")
        let missing = onDisk.keys.filter { embedded[$0] == nil }.sorted()
        let extra = embedded.keys.filter { onDisk[$0] == nil }.sorted()
        let changed = onDisk.keys.filter { embedded[$0] != nil && embedded[$0] != onDisk[$0] }.sorted()
        #expect(missing == [], "not embedded: \(missing); \(fix)")
        #expect(extra == [], "embedded but no longer in templates/: \(extra); \(fix)")
        #expect(changed == [], "changed since embedding: \(changed); \(fix)")
        let paths = DefaultTheme.files.map(\.path)
        #expect(paths == paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, "DefaultTheme.files is not sorted; \(fix)")
    }
}
