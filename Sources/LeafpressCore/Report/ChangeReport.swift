import Foundation

/// `leafpress report changes OLD_MANIFEST`: which published leaflets were added, removed
/// or changed (any source file's hash differs) between an earlier `manifest.json` and
/// now, and which changed leaflets kept their old `version` (`version-not-raised`).
public struct ChangeReport: Sendable, Encodable {
    /// A leaflet that appears in only one of the two manifests.
    public struct Leaflet: Sendable, Equatable, Encodable {
        public var slug: String
        public var reference: String?
        public var version: Int?

        enum CodingKeys: String, CodingKey { case slug, reference, version }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(slug, forKey: .slug)
            try container.encode(reference, forKey: .reference)
            try container.encode(version, forKey: .version)
        }
    }

    /// How one source file differs.
    public enum FileChange: String, Sendable, Encodable {
        case added, removed, edited
    }

    /// One source file that differs.
    public struct File: Sendable, Equatable, Encodable {
        public var path: String
        public var change: FileChange
    }

    /// Flags on a changed leaflet.
    public enum Flag: String, Sendable, Encodable {
        /// The sources changed but `version` did not go up.
        case versionNotRaised = "version-not-raised"
    }

    /// A leaflet whose sources differ.
    public struct Changed: Sendable, Equatable, Encodable {
        public var slug: String
        public var reference: String?
        public var oldVersion: Int?
        public var newVersion: Int?
        public var files: [File]
        public var flags: [Flag]

        enum CodingKeys: String, CodingKey {
            case slug, reference, files, flags
            case oldVersion = "old_version", newVersion = "new_version"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(slug, forKey: .slug)
            try container.encode(reference, forKey: .reference)
            try container.encode(oldVersion, forKey: .oldVersion)
            try container.encode(newVersion, forKey: .newVersion)
            try container.encode(files, forKey: .files)
            try container.encode(flags, forKey: .flags)
        }
    }

    public var added: [Leaflet]
    public var removed: [Leaflet]
    public var changed: [Changed]
    /// Leaflets in both with the same sources.
    public var unchanged: Int

    /// Compares `old` with `new`, each sorted by slug.
    public init(old: SiteManifest, new: SiteManifest) {
        let before = Dictionary(old.leaflets.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.leaflets.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        func brief(_ entry: SiteManifest.Leaflet) -> Leaflet { Leaflet(slug: entry.slug, reference: entry.reference, version: entry.version) }
        added = new.leaflets.filter { before[$0.slug] == nil }.map(brief).sorted { $0.slug < $1.slug }
        removed = old.leaflets.filter { after[$0.slug] == nil }.map(brief).sorted { $0.slug < $1.slug }
        changed = []
        unchanged = 0
        for entry in new.leaflets.sorted(by: { $0.slug < $1.slug }) {
            guard let previous = before[entry.slug] else { continue }
            let files = Self.files(from: previous.sources, to: entry.sources)
            guard !files.isEmpty || previous.sourceSHA256 != entry.sourceSHA256 else {
                unchanged += 1
                continue
            }
            let raised = (entry.version ?? 0) > (previous.version ?? 0)
            changed.append(Changed(slug: entry.slug, reference: entry.reference, oldVersion: previous.version, newVersion: entry.version,
                                   files: files, flags: raised ? [] : [.versionNotRaised]))
        }
    }

    private static func files(from old: [SiteManifest.Source], to new: [SiteManifest.Source]) -> [File] {
        let before = Dictionary(old.map { ($0.path, $0.sha256) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.map { ($0.path, $0.sha256) }, uniquingKeysWith: { first, _ in first })
        var files: [File] = []
        for path in Set(before.keys).union(after.keys).sorted() {
            switch (before[path], after[path]) {
            case (nil, _?): files.append(File(path: path, change: .added))
            case (_?, nil): files.append(File(path: path, change: .removed))
            case (let a?, let b?) where a != b: files.append(File(path: path, change: .edited))
            default: break
            }
        }
        return files
    }

    /// Leaflets flagged `version-not-raised`.
    public var versionNotRaised: [Changed] { changed.filter { $0.flags.contains(.versionNotRaised) } }

    enum CodingKeys: String, CodingKey { case added, removed, changed, unchanged }

    /// Pretty JSON, keys sorted (`schemas/report-changes.schema.json`).
    public func jsonData() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(self)) ?? Data()) + Data("\n".utf8)
    }

    /// The report for people: a line per leaflet, the files under each changed one.
    public func text(since: String) -> String {
        func label(_ reference: String?, _ version: Int?) -> String {
            [reference, version.map { "version \($0)" }].compactMap { $0 }.joined(separator: ", ")
        }
        func version(_ value: Int?) -> String { value.map(String.init) ?? "none" }
        var lines = ["changes since \(since): \(added.count) added, \(removed.count) removed, \(changed.count) changed, \(unchanged) unchanged"]
        for leaflet in added { lines.append("added    \(leaflet.slug)" + (label(leaflet.reference, leaflet.version).isEmpty ? "" : " (\(label(leaflet.reference, leaflet.version)))")) }
        for leaflet in removed { lines.append("removed  \(leaflet.slug)" + (label(leaflet.reference, leaflet.version).isEmpty ? "" : " (\(label(leaflet.reference, leaflet.version)))")) }
        for leaflet in changed {
            var line = "changed  \(leaflet.slug)" + (leaflet.reference.map { " (\($0))" } ?? "") + ": version \(version(leaflet.oldVersion)) → \(version(leaflet.newVersion))"
            if leaflet.flags.contains(.versionNotRaised) { line += "  [version-not-raised]" }
            lines.append(line)
            for file in leaflet.files { lines.append("           \(file.change.rawValue) \(file.path)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
