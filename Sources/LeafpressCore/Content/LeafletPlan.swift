import Foundation

/// A leaflet whose `leaflet.yml` is read and whose sections are ordered, before any
/// section is parsed. Plans for every leaflet exist before rendering starts, so links
/// between leaflets can be resolved while pages render in parallel.
struct LeafletPlan: Sendable {
    /// One section file and the id its `<section>` gets on the page.
    struct SectionSlot: Sendable, Equatable {
        var file: String
        var id: String
    }

    var folder: LeafletFolder
    var manifest: LeafletManifest
    var sections: [SectionSlot]
    /// SHA-256 (hex) of `leaflet.yml` as read, for `manifest.json`.
    var manifestSHA256 = ""
    /// True for a leaflet whose leaflet.yml could not be read: only its sections are
    /// checked, under a stand-in manifest, and nothing is said about the leaflet as a whole.
    var isStandIn = false

    var slug: String { folder.slug }

    /// Ids the theme itself uses on a leaflet page; sections never take them.
    static let reservedIDs: Set<String> = ["main", "content", "contents", "top", "header", "footer", "search", "legal", "review"]

    /// Reads `leaflet.yml` and works out the section order.
    static func load(_ folder: LeafletFolder, diagnostics: inout [Diagnostic]) -> LeafletPlan? {
        let manifestPath = folder.displayPath + "/leaflet.yml"
        guard folder.hasManifest else {
            diagnostics.append(.error("leaflet folder has no leaflet.yml", at: SourceLocation(path: folder.displayPath), rule: .layout))
            return nil
        }
        // Read as bytes first: the audit trail hashes the file exactly as it is on disk.
        let bytes: Data
        switch folder.data("leaflet.yml") {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        case .success(let value):
            bytes = value
        }
        let text: String
        switch SourceText.decode(bytes, displayPath: manifestPath) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        case .success(let value):
            text = value
        }
        guard let manifest = LeafletManifest.load(yaml: text, slug: folder.slug, path: manifestPath, diagnostics: &diagnostics) else {
            return nil
        }
        var order = folder.sectionFiles
        if let listed = manifest.sections {
            let at = manifest.keyLocations["sections"] ?? manifest.location
            var seen: Set<String> = []
            order = []
            for file in listed {
                if !seen.insert(file).inserted {
                    diagnostics.append(.error("section '\(file)' is listed twice", at: at, rule: .sectionsListed))
                } else if folder.sectionFiles.contains(file) {
                    order.append(file)
                } else {
                    var message = "listed section '\(file)' does not exist"
                    if let near = Suggestion.nearest(to: file, in: folder.sectionFiles) { message += "; did you mean '\(near)'?" }
                    diagnostics.append(.error(message, at: at, rule: .sectionsMissing))
                }
            }
            for file in folder.sectionFiles where !seen.contains(file) {
                diagnostics.append(.error("section file is not listed in 'sections' of leaflet.yml", at: SourceLocation(path: folder.displayPath + "/" + file), rule: .sectionsUnlisted))
            }
        }
        if folder.sectionFiles.isEmpty {
            diagnostics.append(.error("leaflet has no section files (*.md)", at: SourceLocation(path: folder.displayPath), rule: .sectionsMissing))
        }
        let ids = sectionIDs(for: folder.sectionFiles)
        return LeafletPlan(folder: folder, manifest: manifest, sections: order.map { SectionSlot(file: $0, id: ids[$0]!) },
                           manifestSHA256: SourceDigest.hex(bytes))
    }

    /// Ids from file names in name order, made unique, so they never depend on `sections:`.
    static func sectionIDs(for files: [String]) -> [String: String] {
        var used = UniqueIDs(reserved: reservedIDs)
        var ids: [String: String] = [:]
        for file in files { ids[file] = used.claim(Slug.sectionID(forFile: file)) }
        return ids
    }
}
