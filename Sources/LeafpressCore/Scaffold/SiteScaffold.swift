import Foundation

/// `leafpress init`: a new site folder with `content/site.yml` (every key, explained), one
/// example leaflet and a `.gitignore` for the built site. It writes no theme: the default
/// theme is built into leafpress, so later fixes to it reach every site, and
/// `leafpress theme eject` copies the files a site wants to change into `templates/`.
public enum SiteScaffold {
    /// Slug of the example leaflet.
    public static let exampleSlug = "example-leaflet"

    /// Creates `directory` (or fills it when it is empty; hidden entries such as `.git`
    /// are allowed) with `content/` and `.gitignore`. Refuses a folder with anything else
    /// in it, and removes whatever it wrote when it fails.
    /// Returns the written files as `<directory>/<path>`.
    public static func write(directory: String, today: Day) throws(BuildFailure) -> [String] {
        let display = ScaffoldFiles.display(directory)
        guard !directory.isEmpty else { throw BuildFailure(.error("no folder given", at: nil)) }
        let root = PathSafety.absolute(directory)
        var files = ScaffoldFiles()
        do throws(BuildFailure) {
            if ScaffoldFiles.exists(root) {
                guard ScaffoldFiles.isDirectory(root) else {
                    throw BuildFailure(.error("exists and is not a folder", at: SourceLocation(path: display)))
                }
                let entries: [String]
                do {
                    entries = try FileManager.default.contentsOfDirectory(atPath: root)
                } catch {
                    throw BuildFailure(.error("cannot read folder: \(error.localizedDescription)", at: SourceLocation(path: display)))
                }
                let visible = entries.filter { !$0.hasPrefix(".") }.sorted()
                if !visible.isEmpty {
                    let shown = visible.prefix(3).map { "'\($0)'" }.joined(separator: ", ") + (visible.count > 3 ? ", …" : "")
                    throw BuildFailure(.error("folder is not empty (it holds \(shown)); refusing to create a site in it",
                                              at: SourceLocation(path: display)))
                }
            } else {
                try files.makeFolders(root, display: display)
            }
            return try writeSite(into: root, display: display, today: today, files: &files)
        } catch {
            files.rollBack()
            throw error
        }
    }

    private static func writeSite(into root: String, display: String, today: Day,
                                  files: inout ScaffoldFiles) throws(BuildFailure) -> [String] {
        func shown(_ relative: String) -> String { ScaffoldFiles.display(display, relative) }
        var written: [String] = []
        for folder in ["content", "content/leaflets"] {
            guard try files.makeFolder(root + "/" + folder, display: shown(folder)) else {
                throw BuildFailure(.error("already exists; refusing to overwrite", at: SourceLocation(path: shown(folder))))
            }
        }
        try files.write(siteYAML(today: today), to: root + "/content/site.yml", display: shown("content/site.yml"))
        written.append(shown("content/site.yml"))

        // Two shared blocks, which the example leaflet includes with {{> NAME}}.
        try files.makeFolders(root + "/content/blocks", display: shown("content/blocks"))
        for (name, text) in exampleBlocks {
            let relative = "content/blocks/\(name).md"
            try files.write(text, to: root + "/" + relative, display: shown(relative))
            written.append(shown(relative))
        }

        let leaflet = "content/leaflets/" + exampleSlug
        written += try LeafletScaffold.writeLeaflet(exampleManifest(today: today), example: true,
                                                    into: root + "/" + leaflet, display: shown(leaflet), files: &files)

        // A folder that is already a repository may have its own .gitignore: keep it.
        if !ScaffoldFiles.exists(root + "/.gitignore") {
            try files.write(gitignore, to: root + "/.gitignore", display: shown(".gitignore"))
            written.append(shown(".gitignore"))
        }
        return written
    }

    /// Keeps the built site (and its staging folders) out of version control.
    static let gitignore = """
        # The built site: made again by `leafpress build`, never edited by hand.
        /site/
        /.site.leafpress-*

        """

    /// The shared blocks `init` writes: standard text every leaflet of a site carries.
    static let exampleBlocks: [(name: String, text: String)] = [
        ("contact", """
            ## How to contact us

            The clinic is open Monday to Friday, 9am to 5pm. Phone the number in your appointment letter. When the clinic is closed, call your out-of-hours service.

            """),
        ("other-formats", """
            ## Other formats

            You can ask for this leaflet in large print, easy read, audio or another language. Ask any member of staff.

            """),
    ]

    /// The example leaflet's metadata: a short leaflet about stitches.
    static func exampleManifest(today: Day) -> LeafletScaffold.ManifestFields {
        var fields = LeafletScaffold.ManifestFields(
            title: "Having Stitches", setting: "Urgent Care", category: "Skin and wounds",
            summary: "Stitches close a cut so it heals well. This example leaflet explains what happens, how to look after the wound and when to get help.",
            reviewed: today)
        fields.keywords = ["stitches", "sutures", "cut", "wound"]
        fields.reviewedBy = ["Dr A. Example, Consultant in Emergency Medicine"]
        fields.authors = ["Northbrook Patient Information Team"]
        fields.sources = ["Northbrook Community Health wound care guideline"]
        return fields
    }

    /// `site.yml` with every key: the required ones filled in for a fictional publisher,
    /// the optional ones commented out with their defaults.
    static func siteYAML(today: Day) -> String {
        """
        # Site settings for Leafpress; the README describes every key.
        # Lines starting with # are comments. To use an optional key, remove the "# " in
        # front of it (and of the lines under it).

        # Required: the name of the site, shown on every page.
        title: Northbrook Patient Leaflets

        # Required: the organisation that publishes the leaflets.
        publisher: Northbrook Community Health

        # Required: the copyright footer of every page and every printed sheet (plain text or inline Markdown).
        copyright: "© \(today.year) Northbrook Community Health. All rights reserved."

        # Required: the medical disclaimer footer of every page and every printed sheet (plain text or inline Markdown).
        disclaimer: "This leaflet is general information and does not replace advice from your own care team. In an emergency, call your local emergency number."

        # Optional, default en: the language of the leaflets, as a BCP 47 tag such as en, es or ar.
        # language: en

        # Optional, no default: the absolute URL the site is published at. Turns on canonical
        # links and the sitemap, and prints the leaflet's URL and a QR code on paper copies.
        # base_url: https://leaflets.example.org/

        # Optional, default A4: the paper size for printing, A4, A5 or Letter.
        # paper: A4

        # Optional, default [standard]: the PDF editions 'leafpress pdf' prints. Add large for a
        # large-print (16 pt) PDF of every leaflet too.
        # print: [standard, large]

        # Optional, default false: print every leaflet's PDFs in every 'leafpress build' (needs
        # Chromium). Without it, PDFs made by 'leafpress pdf' are kept until their leaflet changes.
        # pdf: false

        # Optional: your logo, a file in content/assets/, shown in the page header and at the
        # top of printed leaflets, with the text a screen reader reads instead of it.
        # logo: northbrook-logo.svg
        # logo_alt: Northbrook Community Health

        # Optional: your brand colour, in quotes, for the header band and leaflet titles on
        # screen and paper. It must have a contrast of at least 4.5:1 against white and
        # against accent_text_color (the header text on it, default white).
        # accent_color: "#1a5c8a"
        # accent_text_color: "#ffffff"

        # Optional: the limits 'leafpress check' uses for readability (defaults shown).
        # readability:
        #   max_grade: 8
        #   max_sentence_words: 25

        # Optional: clinical governance (defaults shown). With require_approval, every published
        # leaflet needs an 'approved' entry dated on or after its review. A leaflet without
        # next_review is due max_review_age months after its review; 'leafpress report reviews'
        # calls a review due soon within review_due_soon days.
        # governance:
        #   require_approval: false
        #   max_review_age: 36
        #   review_due_soon: 90

        # Optional: shared blocks (content/blocks/NAME.md) every published leaflet must
        # include with a paragraph '{{> NAME}}'.
        # required_blocks: [contact, other-formats]

        # Optional: the level of any rule: off, warning or error ('leafpress check' prints the
        # rule id of every finding in brackets). Errors cannot be lowered.
        # rules:
        #   passive-voice: off
        #   review-overdue: error

        # Optional, default false: publish raw HTML in Markdown, sanitised. Off, only <sup>, <sub> and <br> are kept
        # and any other tag is an error that says which Markdown to write instead.
        # unsafe_html: false

        """
    }
}
