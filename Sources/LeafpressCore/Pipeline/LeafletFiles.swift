/// Which files of the leaflet folders are published: only those a section points at, from
/// any leaflet or through a shared block. Anything else in a leaflet folder (`draft.docx`,
/// `notes.txt`) stays out of the site with an `unused-file` warning, so a working file is
/// never published by accident.
struct LeafletFiles: Sendable {
    /// Site paths (`knee/exercises.png`) that the built leaflets point at.
    let referenced: Set<String>

    init(outcomes: [LeafletOutcome]) {
        referenced = outcomes.reduce(into: []) { $0.formUnion($1.files) }
    }

    /// The content-folder path of a site path: `assets/x.png` is `assets/x.png`,
    /// `knee/x.png` is `leaflets/knee/x.png`.
    static func sourcePath(of sitePath: String) -> String {
        sitePath.hasPrefix("assets/") ? sitePath : "leaflets/" + sitePath
    }

    /// An `unused-file` warning for every file of `plans` that nothing points at.
    func unused(in plans: [LeafletPlan]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for plan in plans {
            for file in plan.folder.assetFiles where !referenced.contains(SiteLayout.file(file, of: plan.slug)) {
                let name = file.split(separator: "/").last.map(String.init) ?? file
                found.append(Diagnostic(.unusedFile,
                    "'\(file)' is not published: no section links to it; link it from a section ([\(name)](\(file)) or ![what it shows](\(file))) or move it out of the content folder",
                    at: SourceLocation(path: plan.folder.displayPath + "/" + file)))
            }
        }
        return found
    }

    /// Copies the files of `plans` that something points at into the site.
    func publish(_ plans: [LeafletPlan], into writer: any SiteOutput) throws(BuildFailure) {
        for plan in plans {
            for file in plan.folder.assetFiles where referenced.contains(SiteLayout.file(file, of: plan.slug)) {
                try writer.copy(plan.folder.relativePath + "/" + file, in: plan.folder.content, to: SiteLayout.file(file, of: plan.slug))
            }
        }
    }
}
