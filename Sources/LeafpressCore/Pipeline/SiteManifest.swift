import Foundation

/// `site/manifest.json`: the audit trail of a build. One entry per published leaflet
/// (drafts are not published) with its document-control record and the SHA-256 of every
/// source file it was made from and of its page. Sorted by slug, keys sorted, no
/// timestamps: the same content gives the same bytes. `report changes` reads it back.
public struct SiteManifest: Sendable, Equatable, Codable {
    /// One sign-off as recorded.
    public struct Approval: Sendable, Equatable, Codable {
        public var name: String
        public var role: String
        /// `YYYY-MM-DD`.
        public var date: String
    }

    /// One source file: its path relative to the content folder and its SHA-256 (hex).
    public struct Source: Sendable, Equatable, Codable {
        public var path: String
        public var sha256: String
    }

    /// One PDF edition of a leaflet in the site.
    public struct PDF: Sendable, Equatable, Codable {
        /// Relative to the site root: `colonoscopy/colonoscopy.large.pdf`.
        public var file: String
        /// `standard` or `large`.
        public var edition: String
        /// SHA-256 of the PDF's bytes.
        public var sha256: String
        /// SHA-256 of what was printed: the print copy of the page, the files it shows and
        /// the theme's files. A later build keeps the PDF only while this is unchanged.
        public var printSHA256: String

        enum CodingKeys: String, CodingKey {
            case file, edition, sha256
            case printSHA256 = "print_sha256"
        }
    }

    /// One published leaflet.
    public struct Leaflet: Sendable, Equatable, Codable {
        public var slug: String
        public var title: String
        public var reference: String?
        public var version: Int?
        public var owner: String?
        /// The page's language.
        public var language: String
        public var reviewed: String
        /// `next_review`, or `reviewed` plus `governance.max_review_age`.
        public var nextReview: String
        public var approvals: [Approval]
        public var translationOf: String?
        public var sourceVersion: Int?
        /// Every source file, sorted by path: sections, included blocks, `leaflet.yml`.
        public var sources: [Source]
        /// SHA-256 of the `sha256sum`-style listing of `sources` (`<hash>  <path>\n` per
        /// file, in path order): one value that changes when any source changes.
        public var sourceSHA256: String
        /// The page, relative to the site root.
        public var page: String
        /// SHA-256 of the page's bytes; nil in a manifest computed without writing pages.
        public var pageSHA256: String?
        /// The PDF editions in the site (nil in manifests written before PDFs were recorded).
        public var pdfs: [PDF]?

        enum CodingKeys: String, CodingKey {
            case slug, title, reference, version, owner, language, reviewed, approvals, sources, page
            case nextReview = "next_review", translationOf = "translation_of", sourceVersion = "source_version"
            case sourceSHA256 = "source_sha256", pageSHA256 = "page_sha256", pdfs
        }

        /// Every key is written, `null` where there is no value, so the file has one shape.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(slug, forKey: .slug)
            try container.encode(title, forKey: .title)
            try container.encode(reference, forKey: .reference)
            try container.encode(version, forKey: .version)
            try container.encode(owner, forKey: .owner)
            try container.encode(language, forKey: .language)
            try container.encode(reviewed, forKey: .reviewed)
            try container.encode(nextReview, forKey: .nextReview)
            try container.encode(approvals, forKey: .approvals)
            try container.encode(translationOf, forKey: .translationOf)
            try container.encode(sourceVersion, forKey: .sourceVersion)
            try container.encode(sources, forKey: .sources)
            try container.encode(sourceSHA256, forKey: .sourceSHA256)
            try container.encode(page, forKey: .page)
            try container.encode(pageSHA256, forKey: .pageSHA256)
            try container.encode(pdfs ?? [], forKey: .pdfs)
        }
    }

    /// The format of the file, so a later Leafpress can read older manifests.
    public var format: String
    /// Published leaflets in slug order.
    public var leaflets: [Leaflet]

    /// The value of `format` this version writes.
    public static let currentFormat = "leafpress-manifest/1"
    /// The file's name in the site.
    public static let fileName = "manifest.json"

    public init(leaflets: [Leaflet]) {
        format = Self.currentFormat
        self.leaflets = leaflets.sorted { $0.slug < $1.slug }
    }

    /// Pretty-printed, keys sorted, with a final newline.
    public func jsonData() -> Data {
        ManifestJSONWriter.data(self)
    }

    /// The same bytes through `JSONEncoder`: what `ManifestJSONWriter` is tested against.
    func encoderJSONData() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, numbers and arrays cannot fail.
        return (try? encoder.encode(self)).map { $0 + Data("\n".utf8) } ?? Data()
    }

    /// Reads a manifest written by a build; a located error when the file is not one.
    public static func load(path: String) -> Result<SiteManifest, Diagnostic> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(.error("cannot read the manifest", at: SourceLocation(path: path), rule: .manifest))
        }
        return decode(data, path: path)
    }

    /// A manifest from its bytes; `path` is for messages.
    static func decode(_ data: Data, path: String) -> Result<SiteManifest, Diagnostic> {
        do {
            let manifest = try JSONDecoder().decode(SiteManifest.self, from: data)
            guard manifest.format == currentFormat else {
                return .failure(.error("unknown manifest format '\(manifest.format)' (expected '\(currentFormat)')",
                                       at: SourceLocation(path: path, line: 1, column: 1), rule: .manifest))
            }
            return .success(manifest)
        } catch {
            return .failure(.error("not a Leafpress manifest.json: \(Self.describe(error))", at: SourceLocation(path: path, line: 1, column: 1), rule: .manifest))
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing '\(key.stringValue)'" + Self.where(context.codingPath)
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "wrong type of value" + Self.where(context.codingPath)
        case DecodingError.dataCorrupted(let context):
            return context.codingPath.isEmpty ? "invalid JSON" : "invalid value" + Self.where(context.codingPath)
        default:
            return "\(error)"
        }
    }

    private static func `where`(_ path: [any CodingKey]) -> String {
        path.isEmpty ? "" : " at " + path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}

extension SiteManifest.Leaflet {
    /// The entry of a rendered leaflet. `sources` are its files' hashes (any order).
    init(manifest: LeafletManifest, language: String, governance: GovernanceSettings,
         sources: [SiteManifest.Source], pageSHA256: String?) {
        let control = manifest.control
        let sorted = sources.sorted { $0.path < $1.path }
        self.init(slug: manifest.slug, title: manifest.title, reference: control.reference, version: control.version,
                  owner: control.owner, language: language, reviewed: manifest.reviewed.description,
                  nextReview: governance.reviewDue(manifest).description,
                  approvals: control.approvals.map { SiteManifest.Approval(name: $0.name, role: $0.role, date: $0.date.description) },
                  translationOf: manifest.translationOf, sourceVersion: control.sourceVersion,
                  sources: sorted,
                  sourceSHA256: SourceDigest.hex(Array(sorted.map { "\($0.sha256)  \($0.path)\n" }.joined().utf8)),
                  page: SiteLayout.page(of: manifest.slug), pageSHA256: pageSHA256, pdfs: [])
    }
}

/// Hex SHA-256 of file contents, as `sha256sum` prints it.
enum SourceDigest {
    static func hex<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in SHA256.digest(bytes) {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
