import Foundation

/// The files of one leaflet folder, before any of them is read.
struct LeafletFolder: Sendable {
    var slug: String
    /// Path for messages, e.g. `content/leaflets/colonoscopy`.
    var displayPath: String
    /// The content folder every file of the leaflet is read through.
    var content: SourceFolder
    /// The folder relative to the content folder: `leaflets/<slug>`.
    var relativePath: String
    /// `*.md` files directly in the folder, sorted by name.
    var sectionFiles: [String]
    /// Other files (images, PDFs) anywhere below the folder, relative to it.
    var assetFiles: [String]
    var hasManifest: Bool

    /// The bytes of one of the leaflet's files, or a located error.
    func data(_ file: String) -> Result<Data, Diagnostic> {
        content.data(relativePath + "/" + file)
    }

    /// The text of one of the leaflet's files (`leaflet.yml`, a section), or a located error.
    func text(_ file: String) -> Result<String, Diagnostic> {
        content.text(relativePath + "/" + file)
    }
}

/// Lists the content folder: `site.yml`, the leaflet folders and the shared assets. Every
/// read goes through `content`, which never leaves the folder.
struct ContentScanner: Sendable {
    let contentDirectory: String
    let content: SourceFolder
    var absoluteContent: String { content.root }

    init(contentDirectory: String) {
        self.contentDirectory = contentDirectory
        self.content = SourceFolder(contentDirectory, noun: "content folder")
    }

    func display(_ relative: String) -> String {
        content.display(relative)
    }

    /// Leaflet folders in slug order; bad folder names are reported, not skipped silently.
    func leafletFolders(diagnostics: inout [Diagnostic]) -> [LeafletFolder] {
        let entries: [DirectoryListing.Entry]
        switch content.list("leaflets") {
        case .success(let listed):
            entries = listed
        case .failure(.missing):
            diagnostics.append(.error("no 'leaflets' folder in the content folder", at: SourceLocation(path: display("leaflets")), rule: .layout))
            return []
        case .failure(let refusal):
            diagnostics.append(content.diagnostic(for: refusal, at: "leaflets", link: true))
            return []
        }
        var folders: [LeafletFolder] = []
        for entry in entries {
            let display = self.display("leaflets/" + entry.name)
            if let problem = entry.nameProblem {
                diagnostics.append(.error(problem, at: SourceLocation(path: display), rule: .fileName))
                continue
            }
            if entry.type == .symlink {
                diagnostics.append(.error("leaflet folders may not be symbolic links", at: SourceLocation(path: display), rule: .symlink))
                continue
            }
            guard entry.type == .directory else { continue }
            guard Slug.isValid(entry.name) else {
                diagnostics.append(.error("bad slug '\(entry.name)': use lowercase letters, digits and single hyphens", at: SourceLocation(path: display), rule: .slug))
                continue
            }
            folders.append(folder(named: entry.name, diagnostics: &diagnostics))
        }
        return folders
    }

    /// The name a file that looks like a section should have (`03-risks.markdown`,
    /// `04-after.MD`, `05-help.txt` → `….md`), or nil when it does not look like one.
    static func sectionName(misnamed file: String) -> String? {
        guard !file.contains("/"), let dot = file.lastIndex(of: ".") else { return nil }
        let stem = file[..<dot], ext = file[file.index(after: dot)...]
        let markdown = ["md", "markdown", "mdown", "mkd", "mkdn"].contains(ext.lowercased())
        let numbered = stem.first?.isASCII == true && stem.first!.isNumber
        guard markdown || (numbered && ext.lowercased() == "txt") else { return nil }
        return stem + ".md"
    }

    /// One leaflet folder's files (the folder name must already be a valid slug).
    func folder(named slug: String, diagnostics: inout [Diagnostic]) -> LeafletFolder {
        let relative = "leaflets/" + slug
        let display = self.display(relative)
        var sections: [String] = []
        var assets: [String] = []
        var hasManifest = false
        for file in content.files(under: relative, diagnostics: &diagnostics) {
            if file == "leaflet.yml" {
                hasManifest = true
            } else if file.hasSuffix(".md"), !file.contains("/") {
                sections.append(file)
            } else if file == "leaflet.yaml" {
                diagnostics.append(.error("name the file 'leaflet.yml'", at: SourceLocation(path: display + "/" + file), rule: .layout))
            } else if let name = Self.sectionName(misnamed: file) {
                // Never skipped silently, and never published as a raw file either.
                diagnostics.append(Diagnostic(.sectionFileName,
                    "'\(file)' looks like a section but is not read as one: only files ending in lowercase '.md' are sections; rename it to '\(name)'",
                    at: SourceLocation(path: display + "/" + file)))
            } else {
                assets.append(file)
            }
        }
        return LeafletFolder(slug: slug, displayPath: display, content: content, relativePath: relative, sectionFiles: sections,
                             assetFiles: assets, hasManifest: hasManifest)
    }

    /// Files under `content/assets/`, relative to it.
    func siteAssets(diagnostics: inout [Diagnostic]) -> [String] {
        switch content.resolve("assets", flags: O_RDONLY | O_DIRECTORY) {
        case .success(let fd):
            close(fd)
            return content.files(under: "assets", diagnostics: &diagnostics)
        case .failure(.missing):
            return []
        case .failure(let refusal):
            diagnostics.append(content.diagnostic(for: refusal, at: "assets", link: true))
            return []
        }
    }
}
