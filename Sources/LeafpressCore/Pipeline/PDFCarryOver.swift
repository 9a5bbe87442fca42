import Foundation

/// The PDFs of the site a build replaces, as its `manifest.json` records them. A build
/// that does not print a leaflet keeps that leaflet's PDFs (hard-linked, or read into
/// memory by `serve`) while what they were printed from is unchanged, so `build` after
/// `pdf` no longer deletes them; a PDF whose leaflet changed is left out with a
/// `pdf-dropped` warning, so a stale PDF is never published beside a newer page.
struct PDFCarryOver: Sendable {
    /// The previous site's folder.
    let root: String
    /// Recorded PDFs by leaflet slug.
    let records: [String: [SiteManifest.PDF]]

    /// The PDFs recorded in the site at `root`; nil when it has none or no readable manifest.
    static func load(site root: String?) -> PDFCarryOver? {
        guard let root else { return nil }
        let path = root + "/" + SiteManifest.fileName
        // Every build looks here: a manifest that records no PDF (the usual case) is not
        // decoded, which at 10,000 leaflets would cost more than the check.
        guard let data = FileManager.default.contents(atPath: path), data.range(of: Data("\"print_sha256\"".utf8)) != nil,
              case .success(let manifest) = SiteManifest.decode(data, path: path) else { return nil }
        var records: [String: [SiteManifest.PDF]] = [:]
        for leaflet in manifest.leaflets {
            if let pdfs = leaflet.pdfs, !pdfs.isEmpty { records[leaflet.slug] = pdfs }
        }
        return records.isEmpty ? nil : PDFCarryOver(root: root, records: records)
    }

    /// The absolute path of the PDF of `slug` in `profile` when the previous site still
    /// holds the file that was printed: a regular file where the layout puts it (no link
    /// followed) whose bytes match the record.
    func verifiedPath(of record: SiteManifest.PDF, slug: String, profile: PrintProfile) -> String? {
        guard record.file == SiteLayout.pdf(of: slug, profile: profile) else { return nil }
        let path = root + "/" + record.file
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: false)
        guard let bytes = try? handle.readToEnd(), SourceDigest.hex(bytes) == record.sha256 else { return nil }
        return path
    }
}
