import Foundation

/// The files of one leaflet folder, before any of them is read.
struct LeafletFolder: Sendable {
    var slug: String
    /// Path for messages, e.g. `content/leaflets/colonoscopy`.
    var displayPath: String
    var path: String
    /// `*.md` files directly in the folder, sorted by name.
    var sectionFiles: [String]
    /// Other files (images, PDFs) anywhere below the folder, relative to it.
    var assetFiles: [String]
    var hasManifest: Bool
}

/// Lists the content folder: `site.yml`, the leaflet folders and the shared assets.
struct ContentScanner {
    let contentDirectory: String
    let absoluteContent: String

    init(contentDirectory: String) {
        self.contentDirectory = contentDirectory
        self.absoluteContent = PathSafety.absolute(contentDirectory)
    }

    func display(_ relative: String) -> String {
        contentDirectory.hasSuffix("/") ? contentDirectory + relative : contentDirectory + "/" + relative
    }

    /// Leaflet folders in slug order; bad folder names are reported, not skipped silently.
    func leafletFolders(diagnostics: inout [Diagnostic]) -> [LeafletFolder] {
        let leafletsPath = absoluteContent + "/leaflets"
        guard let entries = DirectoryListing.list(leafletsPath) else {
            diagnostics.append(.error("no 'leaflets' folder in the content folder", at: SourceLocation(path: display("leaflets")), rule: .layout))
            return []
        }
        var folders: [LeafletFolder] = []
        for entry in entries {
            let display = self.display("leaflets/" + entry.name)
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

    /// One leaflet folder's files (the folder name must already be a valid slug).
    func folder(named slug: String, diagnostics: inout [Diagnostic]) -> LeafletFolder {
        let display = self.display("leaflets/" + slug)
        let path = absoluteContent + "/leaflets/" + slug
        var sections: [String] = []
        var assets: [String] = []
        var hasManifest = false
        for file in DirectoryListing.files(under: path, boundary: absoluteContent, display: display, diagnostics: &diagnostics) {
            if file == "leaflet.yml" {
                hasManifest = true
            } else if file.hasSuffix(".md"), !file.contains("/") {
                sections.append(file)
            } else if file == "leaflet.yaml" {
                diagnostics.append(.error("name the file 'leaflet.yml'", at: SourceLocation(path: display + "/" + file), rule: .layout))
            } else {
                assets.append(file)
            }
        }
        return LeafletFolder(slug: slug, displayPath: display, path: path, sectionFiles: sections,
                             assetFiles: assets, hasManifest: hasManifest)
    }

    /// Files under `content/assets/`, relative to it.
    func siteAssets(diagnostics: inout [Diagnostic]) -> [String] {
        let path = absoluteContent + "/assets"
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        return DirectoryListing.files(under: path, boundary: absoluteContent, display: display("assets"), diagnostics: &diagnostics)
    }
}
