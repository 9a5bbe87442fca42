import Foundation
import Testing
import LeafpressCore

/// The real `leafpress` executable, run as a user would, in a temporary folder.
@Suite("leafpress command")
struct CommandLineTests {
    /// `leafpress build` with relative paths, as users type it, and the repository theme.
    func build(in folder: TemporaryDirectory, _ extra: [String] = []) throws -> CommandResult {
        try runLeafpress(["build", "--content", "content", "--templates", repositoryTemplates, "--output", "site"] + extra, in: folder)
    }

    @Test func executableIsBuilt() {
        #expect(leafpressExecutable() != nil, "swift test builds the leafpress product; it must be next to the tests or in .build/debug")
    }

    @Test func buildSucceedsAndMatchesTheLibraryBuild() throws {
        let folder = try TemporaryDirectory()
        try FixtureSite.write(into: folder)
        let result = try build(in: folder)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("built 2 leaflets (4 pages)"))
        #expect(result.stdout == "")
        let library = try buildFixture(in: folder, output: "library")
        expectIdentical(snapshot(folder.subpath("site")), snapshot(library))
    }

    @Test func draftsFlagBuildsDrafts() throws {
        let folder = try TemporaryDirectory()
        try FixtureSite.write(into: folder)
        let result = try build(in: folder, ["--drafts"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(folder.exists("site/hip-draft.html"))
    }

    /// A file that looks like a section but is not named `*.md` is neither skipped silently
    /// nor published as a raw file: a warning says what to rename it to.
    @Test func misnamedSectionFilesAreWarnedAboutAndNotPublished() throws {
        let folder = try TemporaryDirectory()
        try FixtureSite.write(into: folder)
        let leaflet = "content/leaflets/wound-care/"
        for file in ["13-extra.markdown", "14-extra.MD", "15-extra.txt"] {
            try folder.write("# Extra\n\nMore advice.\n", to: leaflet + file)
        }
        let result = try build(in: folder)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        for (file, name) in [("13-extra.markdown", "13-extra.md"), ("14-extra.MD", "14-extra.md"), ("15-extra.txt", "15-extra.md")] {
            #expect(lines.contains { $0.hasPrefix(leaflet + file + ": warning: ") && $0.contains("rename it to '\(name)'") && $0.hasSuffix("[section-file-name]") },
                    "\(file): \(result.stderr)")
            #expect(!folder.exists("site/wound-care/" + file))
        }
    }

    /// A draft built with --drafts says so on its page, asks search engines not to index it,
    /// and is listed nowhere: not on the index, in search or in the sitemap.
    @Test func draftsBuiltWithTheFlagAreMarkedAndUnlisted() throws {
        let folder = try TemporaryDirectory()
        try FixtureSite.write(into: folder)
        let result = try build(in: folder, ["--drafts", "--base-url", "https://leaflets.example.org/"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let draft = try folder.read("site/hip-draft.html")
        #expect(draft.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(draft.contains("<p class=\"draft-banner\" role=\"note\"><strong>Draft — not for patient use</strong>"))
        let published = try folder.read("site/wound-care.html")
        #expect(!published.contains("noindex"))
        #expect(!published.contains("draft-banner"))
        #expect(!(try folder.read("site/index.html")).contains("hip-draft"))
        #expect(!(try folder.read("site/sitemap.xml")).contains("hip-draft"))
        let search = try FileManager.default.contentsOfDirectory(atPath: folder.subpath("site")).filter { $0.hasPrefix("search-index.") }
        #expect(!search.isEmpty)
        for file in search { #expect(!(try folder.read("site/" + file)).contains("hip-draft"), "\(file)") }
    }

    @Test func contentErrorExitsOneAndLeavesThePreviousSiteUnchanged() throws {
        let folder = try TemporaryDirectory()
        try FixtureSite.write(into: folder)
        let first = try build(in: folder)
        try #require(first.status == 0, "stderr: \(first.stderr)")
        let before = snapshot(folder.subpath("site"))

        try folder.write("---\ntitle: Contact your care team today\nkind: urgnet\n---\n\n- a fever\n", to: "content/leaflets/wound-care/03-urgent.md")
        let result = try build(in: folder)

        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains("content/leaflets/wound-care/03-urgent.md:3:7: error: unknown section kind 'urgnet' (expected one of info, emergency, urgent, non-urgent); did you mean 'urgent'? [unknown-kind]"))
        #expect(lines.contains { $0.firstMatch(of: #/^[^:\s]+:\d+:\d+: error: /#) != nil })
        #expect(lines.last == "build failed: 1 error, 0 warnings; 'site' left unchanged")
        expectIdentical(snapshot(folder.subpath("site")), before)
        #expect(leftovers(besides: folder.subpath("site")) == [])
    }

    @Test func contentErrorWithoutPreviousSiteWritesNothing() throws {
        let folder = try TemporaryDirectory()
        try FixtureSite.write(into: folder)
        try folder.write("title: Wound Care\nsummary: x\nreviewed: 2026-02-30\n", to: "content/leaflets/wound-care/leaflet.yml")
        let result = try build(in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/leaflets/wound-care/leaflet.yml:3:11: error: 'reviewed' has day 30, which is out of range for 2026-02 (01 to 28), in '2026-02-30' [schema-date]"))
        #expect(!folder.exists("site"))
        #expect(leftovers(besides: folder.subpath("site")) == [])
    }

    @Test func themeWithoutDisclaimerExitsOneNamingTheTemplate() throws {
        let folder = try TemporaryDirectory()
        try FixtureSite.write(into: folder)
        try FileManager.default.copyItem(atPath: repositoryTemplates, toPath: folder.subpath("theme"))
        try folder.write("<footer class=\"site-footer\">{{{copyright_html}}}</footer>\n", to: "theme/partials/footer.mustache")
        let result = try runLeafpress(["build", "--content", "content", "--templates", "theme", "--output", "site"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("theme/partials/footer.mustache: error: page 'knee-replacement.html' is missing the disclaimer in its footer"))
        #expect(!folder.exists("site"))
    }

    @Test func unknownFlagIsAUsageError() throws {
        let folder = try TemporaryDirectory()
        let result = try runLeafpress(["build", "--frobnicate"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("--frobnicate"))
        #expect(!folder.exists("site"))
    }

    @Test func unknownCommandIsAUsageError() throws {
        let folder = try TemporaryDirectory()
        #expect(try runLeafpress(["publish"], in: folder).status == 2)
    }

    @Test func invalidOptionValueIsAUsageError() throws {
        let folder = try TemporaryDirectory()
        try FixtureSite.write(into: folder)
        #expect(try build(in: folder, ["--jobs", "0"]).status == 2)
        #expect(try build(in: folder, ["--base-url", "example.org"]).status == 2)
        #expect(!folder.exists("site"))
    }

    @Test func missingContentFolderExitsOne() throws {
        let folder = try TemporaryDirectory()
        let result = try build(in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("content: error: content folder not found [layout]"))
    }

    @Test func twoCommandLineBuildsAreByteIdentical() throws {
        let folder = try TemporaryDirectory()
        try FixtureSite.write(into: folder)
        let serial = try runLeafpress(["build", "--content", "content", "--templates", repositoryTemplates, "--output", "one", "--jobs", "1", "--drafts"], in: folder)
        let parallel = try runLeafpress(["build", "--content", "content", "--templates", repositoryTemplates, "--output", "two", "--jobs", "4", "--drafts"], in: folder)
        #expect(serial.status == 0)
        #expect(parallel.status == 0)
        expectIdentical(snapshot(folder.subpath("one")), snapshot(folder.subpath("two")))
    }
}
