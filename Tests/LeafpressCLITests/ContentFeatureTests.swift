import Foundation
import Testing
import LeafpressCore

/// Shared blocks, tables, figures and callouts end to end: through the real `leafpress`
/// binary (and Chromium for print), on small sites written by each test.
@Suite("Shared blocks, tables, figures and callouts", .serialized)
struct ContentFeatureTests {
    /// A site of `leaflets` (slug → one section's Markdown) plus `blocks` (file → text).
    static func site(leaflets: [String: String], blocks: [String: String] = [:], siteExtra: String = "",
                     languages: [String: String] = [:]) throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory()
        try folder.write("""
            title: Block Test Leaflets
            publisher: Test Trust
            copyright: "© 2026 Test Trust"
            disclaimer: "General information only."
            \(siteExtra)

            """, to: "content/site.yml")
        for (slug, markdown) in leaflets {
            var yml = "title: \(slug.capitalized)\nsummary: A test leaflet.\nreviewed: 2026-01-05\n"
            if let language = languages[slug] { yml += "language: \(language)\n" }
            try folder.write(yml, to: "content/leaflets/\(slug)/leaflet.yml")
            try folder.write(markdown, to: "content/leaflets/\(slug)/01-about.md")
            try folder.write("---\ntitle: Call 999\nkind: emergency\n---\n\n- if you cannot breathe\n", to: "content/leaflets/\(slug)/02-help.md")
        }
        for (file, text) in blocks { try folder.write(text, to: "content/blocks/\(file)") }
        return folder
    }

    static let threeUsers = ["ankle": "# Ankle\n\nRest it.\n\n{{> contact}}\n",
                             "wrist": "# Wrist\n\n{{> contact}}\n\nKeep it raised.\n",
                             "elbow": "# Elbow\n\n- Bend it gently.\n\n  {{> contact}}\n",
                             "knee": "# Knee\n\nNo shared text here.\n"]

    func build(_ folder: TemporaryDirectory, _ command: String = "build") throws -> CommandResult {
        try runLeafpress([command, "--content", "content", "--templates", repositoryTemplates, "--output", "site"], in: folder, timeout: 300)
    }

    // MARK: shared blocks

    @Test("a block changed once changes every page that includes it, and their PDFs")
    func changingABlockChangesEveryUser() throws {
        let folder = try Self.site(leaflets: Self.threeUsers, blocks: ["contact.md": "## Contact us\n\nPhone **0100 000 111**.\n"])
        let first = try build(folder, "pdf")
        #expect(first.status == 0, "\(first.stderr)")
        let before = snapshot(folder.subpath("site"))
        for slug in ["ankle", "wrist", "elbow"] {
            let html = try folder.read("site/\(slug).html")
            #expect(html.contains("<strong>0100 000 111</strong>"), "\(slug)")
            #expect(html.contains("Contact us\n</h3>"), "\(slug)")
            #expect(try pdfText(folder.subpath("site/\(slug)/\(slug).pdf")).contains("0100 000 111"), "\(slug)")
        }
        #expect(!(try folder.read("site/knee.html")).contains("0100 000 111"))

        try folder.write("## Contact us\n\nPhone **0100 000 222** at any time.\n", to: "content/blocks/contact.md")
        let second = try build(folder, "pdf")
        #expect(second.status == 0, "\(second.stderr)")
        let after = snapshot(folder.subpath("site"))
        for slug in ["ankle", "wrist", "elbow"] {
            let html = try folder.read("site/\(slug).html")
            #expect(html.contains("<strong>0100 000 222</strong> at any time."), "\(slug)")
            #expect(!html.contains("0100 000 111"), "\(slug)")
            let text = try pdfText(folder.subpath("site/\(slug)/\(slug).pdf"))
            #expect(text.contains("0100 000 222") && !text.contains("0100 000 111"), "\(slug)")
        }
        #expect(before["knee.html"] == after["knee.html"])
    }

    @Test("an unknown block is a located error with a suggestion")
    func unknownBlock() throws {
        let folder = try Self.site(leaflets: ["ankle": "# Ankle\n\nRest it.\n\n  {{> contcat}}\n"], blocks: ["contact.md": "Phone us.\n"])
        let result = try build(folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/leaflets/ankle/01-about.md:5:3: error: no block 'contcat' in content/blocks/; did you mean 'contact'? [block-unknown]"), "\(result.stderr)")
        #expect(!folder.exists("site/ankle.html"))
    }

    @Test("a block that includes itself through another is a located error")
    func blockCycle() throws {
        let folder = try Self.site(leaflets: ["ankle": "# Ankle\n\n{{> a}}\n"],
                                   blocks: ["a.md": "First.\n\n{{> b}}\n", "b.md": "Second.\n\n\n{{> a}}\n"])
        let result = try build(folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/blocks/b.md:4:1: error: block 'a' includes itself (a → b → a) [block-cycle]"), "\(result.stderr)")
    }

    @Test("required blocks are errors at leaflet.yml for leaflets that are not drafts")
    func requiredBlocksAreLocatedAtLeafletYML() throws {
        let folder = try Self.site(leaflets: Self.threeUsers, blocks: ["contact.md": "Phone us.\n", "other-formats.md": "Large print too.\n"],
                                   siteExtra: "required_blocks: [contact, other-formats]")
        try folder.write("title: Hip\nsummary: Draft.\nreviewed: 2026-01-05\ndraft: true\n", to: "content/leaflets/hip/leaflet.yml")
        try folder.write("# Hip\n\nNot yet.\n", to: "content/leaflets/hip/01-about.md")
        let result = try build(folder)
        #expect(result.status == 1)
        for slug in ["ankle", "elbow", "knee", "wrist"] {
            #expect(result.stderr.contains("content/leaflets/\(slug)/leaflet.yml:1:1: error: the leaflet does not include the required block 'other-formats'; add a paragraph '{{> other-formats}}' to one of its sections [block-required]"), "\(slug): \(result.stderr)")
        }
        #expect(result.stderr.contains("content/leaflets/knee/leaflet.yml:1:1: error: the leaflet does not include the required block 'contact'"))
        #expect(!result.stderr.contains("ankle/leaflet.yml:1:1: error: the leaflet does not include the required block 'contact'"))
        #expect(!result.stderr.contains("hip/leaflet.yml"))

        let misspelt = try Self.site(leaflets: ["ankle": "# Ankle\n\n{{> contact}}\n"], blocks: ["contact.md": "Phone us.\n"],
                                     siteExtra: "required_blocks: [contatc]")
        let named = try build(misspelt)
        #expect(named.stderr.contains("content/site.yml:5:18: error: required block 'contatc' does not exist in content/blocks/; did you mean 'contact'? [block-unknown]"), "\(named.stderr)")
    }

    @Test("a leaflet in Spanish gets the Spanish block, and a missing translation is an error")
    func missingTranslationIsAnError() throws {
        let folder = try Self.site(leaflets: ["tobillo": "# Tobillo\n\n{{> contact}}\n", "ankle": "# Ankle\n\n{{> contact}}\n"],
                                   blocks: ["contact.md": "Phone us.\n"], languages: ["tobillo": "es"])
        let result = try build(folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/leaflets/tobillo/01-about.md:3:1: error: block 'contact' is not translated into 'es', the language of this leaflet; write content/blocks/contact.es.md [block-translation]"), "\(result.stderr)")

        try folder.write("Llámenos.\n", to: "content/blocks/contact.es.md")
        let fixed = try build(folder)
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(try folder.read("site/tobillo.html").contains("<p>Llámenos.</p>"))
        #expect(try folder.read("site/ankle.html").contains("<p>Phone us.</p>"))
    }

    @Test("block files must be named NAME.md or NAME.LANG.md")
    func badBlockFileNames() throws {
        let folder = try Self.site(leaflets: ["ankle": "# Ankle\n\nRest.\n"], blocks: ["Contact Us.md": "x\n", "contact.klingon-x.md": "x\n"])
        let result = try build(folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/blocks/Contact Us.md: error: a block file is named NAME.md or NAME.LANG.md"), "\(result.stderr)")
        #expect(result.stderr.contains("content/blocks/contact.klingon-x.md: error:"), "\(result.stderr)")
    }

    @Test("check lists the leaflets that use each block, in JSON and at the end of the report")
    func checkListsBlockUsers() throws {
        let folder = try Self.site(leaflets: Self.threeUsers, blocks: ["contact.md": "Phone us.\n", "unused.md": "Nobody includes me.\n"])
        let json = try runLeafpress(["check", "--content", "content", "--templates", repositoryTemplates, "--format", "json"], in: folder)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let blocks = try #require(object["blocks"] as? [String: [String]])
        #expect(blocks == ["contact": ["ankle", "elbow", "wrist"], "unused": []])

        let human = try runLeafpress(["check", "--content", "content", "--templates", repositoryTemplates], in: folder)
        let lines = human.stdout.split(separator: "\n").map(String.init)
        #expect(Array(lines.suffix(3)) == ["shared blocks:", "  contact (3 leaflets: ankle, elbow, wrist)", "  unused (no leaflet)"], "\(human.stdout)")
    }

    @Test("under serve, editing a block rebuilds exactly the leaflets that include it")
    func serveRebuildsTheBlocksUsers() throws {
        let folder = try Self.site(leaflets: Self.threeUsers, blocks: ["contact.md": "Phone 111.\n", "other.md": "Nobody uses this.\n"])
        let options = buildOptions(content: folder.subpath("content"), output: folder.subpath("site"))
        let live = LiveSite(options: options)
        guard case .success = live.buildAll() else { Issue.record("first build failed"); return }

        try folder.write("Phone 222.\n", to: "content/blocks/contact.md")
        let rebuild = try live.rebuild(changed: [folder.subpath("content/blocks/contact.md")]).get()
        #expect(rebuild.full == false)
        #expect(rebuild.leaflets == 3)
        let files = try #require(live.files)
        for slug in ["ankle", "wrist", "elbow"] {
            let html = String(decoding: try #require(files["\(slug).html"]), as: UTF8.self)
            #expect(html.contains("Phone 222."), "\(slug)")
        }

        try folder.write("Still nobody.\n", to: "content/blocks/other.md")
        let unused = try live.rebuild(changed: [folder.subpath("content/blocks/other.md")]).get()
        #expect(unused.full == false && unused.leaflets == 0)

        try folder.write("New block.\n", to: "content/blocks/fresh.md")
        let added = try live.rebuild(changed: [folder.subpath("content/blocks/fresh.md")]).get()
        #expect(added.full == true)
    }

    // MARK: tables

    @Test("the GFM spec's table examples build into the same tables")
    func gfmTableExamples() throws {
        let examples = [
            "| foo | bar |\n| --- | --- |\n| baz | bim |\n",
            "| abc | defghi |\n:-: | -----------:\nbar | baz\n",
            "| f\\|oo  |\n| ------ |\n| b `\\|` az |\n| b **\\|** im |\n",
            "| abc | def |\n| --- | --- |\n| bar | baz |\n> bar\n",
            "| abc | def |\n| --- | --- |\n| bar | baz |\nbar\n\nbar\n",
            "| abc | def |\n| --- |\n| bar |\n",
            "| abc | def |\n| --- | --- |\n| bar |\n| bar | baz | boo |\n",
            "| abc | def |\n| --- | --- |\n",
        ]
        let markdown = "# Tables\n\n" + examples.enumerated().map { "## Example \($0.offset + 1)\n\nTable: Example \($0.offset + 1)\n\n\($0.element)" }.joined(separator: "\n")
        let folder = try Self.site(leaflets: ["tables": markdown])
        let result = try build(folder)
        #expect(result.status == 0, "\(result.stderr)")
        let html = try folder.read("site/tables.html")
        #expect(html.components(separatedBy: "<table>").count - 1 == 7)
        #expect(html.contains("<th scope=\"col\" class=\"align-center\">abc</th><th scope=\"col\" class=\"align-right\">defghi</th>"))
        #expect(html.contains("<th scope=\"col\">f|oo</th>"))
        #expect(html.contains("<td>b <code>|</code> az</td>"))
        #expect(html.contains("<td>b <strong>|</strong> im</td>"))
        #expect(html.contains("<td>bar</td><td></td>"))
        // Example 6: a delimiter row with fewer cells than the header makes no table.
        #expect(html.contains("<p>| abc | def |\n| — |\n| bar |</p>"))
        #expect(html.contains("<caption>Example 8</caption>\n<thead>\n<tr>\n<th scope=\"col\">abc</th><th scope=\"col\">def</th>\n</tr>\n</thead>\n</table>"))
        #expect(duplicateIDs(in: html).isEmpty)
    }

    @Test("links and images in table cells are checked like any other")
    func linksInCellsAreChecked() throws {
        let folder = try Self.site(leaflets: ["ankle": "# Ankle\n\nTable: Where to go\n\n| Place | Map |\n| --- | --- |\n| [ward](../wrist/) | ![map](missing.png) |\n"])
        let result = try build(folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/leaflets/ankle/01-about.md:7:3: error: link to unknown leaflet 'wrist' [broken-link]"), "\(result.stderr)")
        #expect(result.stderr.contains("content/leaflets/ankle/01-about.md:7:23: error: image target 'missing.png' not found [missing-asset]"), "\(result.stderr)")
    }

    @Test("a 60-row table printed on A4 repeats its header row on every page and never splits a row")
    func longTableRepeatsItsHeaderInPrint() throws {
        var rows = ""
        for row in 1...60 { rows += "| Row\(row)time | Row\(row)dose half a tablet with water and food |\n" }
        let markdown = "# Doses\n\nTable: Your doses\n\n| Headertime | Headerdose |\n| --- | --- |\n" + rows
        let folder = try Self.site(leaflets: ["doses": markdown])
        let result = try runLeafpress(["pdf", "--content", "content", "--templates", repositoryTemplates, "--output", "site", "--paper", "A4"], in: folder, timeout: 300)
        #expect(result.status == 0, "\(result.stderr)")
        let pdf = folder.subpath("site/doses/doses.pdf")
        let pages = try pdfPageCount(pdf)
        var pagesWithRows = 0
        var seen: [Int: Int] = [:]
        for page in 1...pages {
            let text = try pdfText(pdf, page: page)
            let onPage = (1...60).filter { text.contains("Row\($0)time ") || text.hasSuffix("Row\($0)time") || text.contains("Row\($0)time\n") }
            guard !onPage.isEmpty else { continue }
            pagesWithRows += 1
            #expect(text.contains("Headertime") && text.contains("Headerdose"), "page \(page) has rows but no header")
            for row in onPage {
                seen[row, default: 0] += 1
                #expect(text.contains("Row\(row)dose"), "row \(row) split from its second cell on page \(page)")
            }
        }
        #expect(pagesWithRows >= 2, "the table should run over at least two A4 pages")
        #expect(seen.count == 60 && seen.values.allSatisfy { $0 == 1 })
    }

    // MARK: figures and callouts

    @Test("figures and callouts on a built page, with localised callout labels")
    func figuresAndCallouts() throws {
        let folder = try Self.site(leaflets: ["ankle": "# Ankle\n\n![A bandaged ankle](ankle.svg \"How the bandage should look\")\n\n> [!WARNING]\n> Do not walk on it.\n",
                                              "tobillo": "# Tobillo\n\n> [!WARNING]\n> No camine.\n"], languages: ["tobillo": "es"])
        try folder.write("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>\n", to: "content/leaflets/ankle/ankle.svg")
        let result = try build(folder)
        #expect(result.status == 0, "\(result.stderr)")
        let html = try folder.read("site/ankle.html")
        #expect(html.contains("<figure>\n<img src=\"ankle/ankle.svg\" alt=\"A bandaged ankle\" /><figcaption>How the bandage should look</figcaption>\n</figure>"))
        #expect(html.contains("<div class=\"callout callout-warning\">\n<p class=\"callout-label\">Warning</p>\n<p>Do not walk on it.</p>\n</div>"))
        #expect(try folder.read("site/tobillo.html").contains("<p class=\"callout-label\">Advertencia</p>"))

        let missingAlt = try Self.site(leaflets: ["ankle": "# Ankle\n\n![](ankle.svg \"How the bandage should look\")\n"])
        try missingAlt.write("<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n", to: "content/leaflets/ankle/ankle.svg")
        let failed = try build(missingAlt)
        #expect(failed.stderr.contains("01-about.md:3:1: error: image 'ankle.svg' has no alt text"), "\(failed.stderr)")
    }
}

/// The text of a PDF (or of one page) through poppler's `pdftotext`.
private func pdfText(_ path: String, page: Int? = nil) throws -> String {
    var arguments = ["-layout"]
    if let page { arguments += ["-f", String(page), "-l", String(page)] }
    return try runTool("/usr/bin/pdftotext", arguments + [path, "-"])
}

private func pdfPageCount(_ path: String) throws -> Int {
    let info = try runTool("/usr/bin/pdfinfo", [path])
    let line = try #require(info.split(separator: "\n").first { $0.hasPrefix("Pages:") })
    return try #require(Int(line.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)))
}
