import Foundation

/// `leafpress new`: a leaflet folder with `leaflet.yml` and the standard care sections,
/// each with a guiding comment for the author and placeholder text to replace.
public enum LeafletScaffold {
    /// Every placeholder the author must replace contains this text.
    public static let placeholderMarker = "Replace this"
    /// The summary written into a new `leaflet.yml`.
    public static let placeholderSummary = "Replace this with one or two sentences about the leaflet."

    /// Why `slug` cannot name a leaflet folder, or nil when it can.
    public static func slugProblem(_ slug: String) -> String? {
        if Slug.isValid(slug) {
            if SiteDirectory.reservedSlugs.contains(slug) {
                return "slug '\(slug)' is reserved for the site's own files; choose another, e.g. '\(slug)-leaflet'"
            }
            return nil
        }
        return "invalid slug '\(slug)': use lowercase letters a-z, digits 0-9 and single hyphens inside, e.g. 'knee-replacement'"
    }

    /// Why a title, setting or category cannot be used, or nil when it can.
    public static func textProblem(_ text: String) -> String? {
        if text.allSatisfy(\.isWhitespace) { return "must not be empty" }
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
            return "must be a single line of text"
        }
        return nil
    }

    /// Writes `<content>/leaflets/<slug>/`: `leaflet.yml` (reviewed `today`, next review a
    /// year later) and the sections of `sections`. Refuses an invalid slug, an existing
    /// leaflet folder, and a content folder without `site.yml`; creates `leaflets/` when it
    /// is missing. Writes nothing else, and nothing at all when it fails.
    /// Returns the written files as `<content>/leaflets/<slug>/<file>`.
    public static func write(slug: String, title: String, setting: String? = nil, category: String? = nil,
                             content: String = "content", today: Day) throws(BuildFailure) -> [String] {
        let contentDisplay = ScaffoldFiles.display(content)
        let leafletDisplay = ScaffoldFiles.display(content, "leaflets/" + slug)
        if let problem = slugProblem(slug) {
            throw BuildFailure(.error(problem, at: SourceLocation(path: leafletDisplay)))
        }
        for (name, value) in [("title", Optional(title)), ("setting", setting), ("category", category)] {
            if let value, let problem = textProblem(value) {
                throw BuildFailure(.error("\(name) \(problem)", at: SourceLocation(path: leafletDisplay)))
            }
        }
        let root = PathSafety.absolute(content)
        var isFile: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root + "/site.yml", isDirectory: &isFile), !isFile.boolValue else {
            throw BuildFailure(.error("no site.yml here; run 'leafpress init' first or pass --content", at: SourceLocation(path: contentDisplay)))
        }
        let leaflets = root + "/leaflets"
        if ScaffoldFiles.exists(leaflets), !ScaffoldFiles.isDirectory(leaflets) {
            throw BuildFailure(.error("'leaflets' is not a folder", at: SourceLocation(path: ScaffoldFiles.display(content, "leaflets"))))
        }
        var fields = ManifestFields(title: title, setting: setting, category: category,
                                    summary: placeholderSummary, reviewed: today)
        // A new leaflet is a draft with no review date: it cannot claim a clinical review
        // or be published until someone fills it in and removes `draft: true`.
        fields.draft = true
        var files = ScaffoldFiles()
        do {
            if !ScaffoldFiles.exists(leaflets) { _ = try files.makeFolder(leaflets, display: ScaffoldFiles.display(content, "leaflets")) }
            return try writeLeaflet(fields, example: false, into: leaflets + "/" + slug, display: leafletDisplay, files: &files)
        } catch {
            files.rollBack()
            throw error
        }
    }

    // MARK: shared with `leafpress init`

    /// What goes into `leaflet.yml`.
    struct ManifestFields {
        var title: String
        var setting: String?
        var category: String?
        var summary: String
        var reviewed: Day
        var keywords: [String] = []
        var reviewedBy: [String] = []
        var authors: [String] = []
        var sources: [String] = []
        /// Written as `draft: true` with no review dates (`leafpress new`).
        var draft = false
    }

    /// Creates the leaflet folder (which must not exist) and writes its files into it.
    static func writeLeaflet(_ fields: ManifestFields, example: Bool, into folder: String, display: String,
                             files: inout ScaffoldFiles) throws(BuildFailure) -> [String] {
        guard !ScaffoldFiles.exists(folder), try files.makeFolder(folder, display: display) else {
            throw BuildFailure(.error("leaflet already exists; refusing to overwrite", at: SourceLocation(path: display)))
        }
        var written: [String] = []
        try files.write(manifestText(fields), to: folder + "/leaflet.yml", display: display + "/leaflet.yml")
        written.append(display + "/leaflet.yml")
        for section in sections {
            try files.write(sectionText(section, example: example), to: folder + "/" + section.fileName, display: display + "/" + section.fileName)
            written.append(display + "/" + section.fileName)
        }
        return written
    }

    /// The text of `leaflet.yml`: the keys of the manifest, optional ones commented out.
    static func manifestText(_ fields: ManifestFields) -> String {
        func list(_ key: String, _ items: [String], example: String, plain: Bool = false) -> String {
            if items.isEmpty { return "\(key):\n#   - \(example)\n" }
            return "\(key):\n" + items.map { "  - \(plain ? ScaffoldYAML.scalar($0) : ScaffoldYAML.quoted($0))\n" }.joined()
        }
        var text = """
            # Leaflet metadata; the README describes every key. To use an optional key, remove
            # the "# " in front of it and of the lines under it.

            title: \(ScaffoldYAML.scalar(fields.title))
            # Care setting shown with the title, e.g. Ambulatory Care or Discharge Care.

            """
        text += fields.setting.map { "setting: \(ScaffoldYAML.scalar($0))\n" } ?? "# setting: Ambulatory Care\n"
        text += "# One or two sentences, shown on the index and as the page description.\n"
        text += "summary: \(ScaffoldYAML.quoted(fields.summary))\n"
        text += "# Groups leaflets on the index.\n"
        text += fields.category.map { "category: \(ScaffoldYAML.scalar($0))\n" } ?? "# category: Bones and joints\n"
        text += "# Words readers might search for.\n"
        if fields.keywords.isEmpty {
            text += "# keywords:\n#   - knee\n#   - joint replacement\n"
        } else {
            text += list("keywords", fields.keywords, example: "", plain: true)
        }
        text += """
            # Language of this leaflet, if it differs from the site's (a BCP 47 tag such as es).
            # language: es
            # Slug of the leaflet this one translates.
            # translation_of: other-leaflet
            # Date of the last clinical review (YYYY-MM-DD), and the date the next one is due.
            \(fields.draft ? "# reviewed: YYYY-MM-DD" : "reviewed: \(fields.reviewed)")
            \(fields.draft ? "# next_review: YYYY-MM-DD" : "next_review: \(fields.reviewed.nextYear)")
            # Who reviewed and who wrote the leaflet, and what it is based on: one "- " line each.

            """
        text += list("reviewed_by", fields.reviewedBy, example: "\"Dr A. Name, Consultant Surgeon\"")
        text += list("authors", fields.authors, example: "\"B. Name, Specialist Nurse\"")
        text += list("sources", fields.sources, example: "\"The national guideline this leaflet follows\"")
        text += """
            # Replaces the site's copyright on this leaflet (for content licensed from someone else).
            # copyright: "© \(fields.reviewed.year) Other Publisher. Used with permission."
            # Section files in reading order (default: file-name order). If you list them, list every .md file.
            # sections:
            #   - 01-what-you-need-to-know.md
            #   - 02-how-to-prepare.md
            # Drafts are only built with 'leafpress build --drafts'. Remove this line when the
            # leaflet is written and reviewed: it is then checked for leftover placeholder text.
            \(fields.draft ? "draft: true" : "# draft: true")
            # Document control: your reference (unique across the site), the version (raise it
            # with every approved change), who owns the leaflet, sign-offs, and what changed in
            # each version, newest first. On a translation, source_version is the original's
            # version it was translated from.
            # reference: GEN-001
            # version: 1
            # owner: "Name of the responsible clinician or team"
            # approved:
            #   - name: "Dr A. Name"
            #     role: Consultant Surgeon
            #     date: \(fields.reviewed)
            # changes:
            #   - version: 1
            #     date: \(fields.reviewed)
            #     summary: First published.
            # source_version: 1

            """
        return text
    }

    /// The text of one section file: front matter, the guiding comment, then the
    /// placeholder (or, for the example leaflet, the example text).
    static func sectionText(_ section: ScaffoldSection, example: Bool) -> String {
        var text = "---\ntitle: \(ScaffoldYAML.scalar(example ? section.exampleTitle ?? section.title : section.title))\n"
        if section.kind != .info { text += "kind: \(section.kind.rawValue)\n" }
        text += "---\n\n"
        text += "<!-- Guidance for authors (not shown on the page):\n\(section.guidance)\n-->\n\n"
        text += (example ? section.example : section.placeholder) + "\n"
        return text
    }
}
