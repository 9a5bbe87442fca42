import Foundation

/// `leafpress report reviews`: one row per leaflet (drafts included), soonest review
/// first, with its record, review standing on a given day, and its translations and
/// whether each is behind the original. A report, not a gate.
public struct ReviewSchedule: Sendable, Encodable {
    /// One translation of a leaflet.
    public struct Translation: Sendable, Equatable, Encodable {
        public var slug: String
        public var language: String
        public var sourceVersion: Int?
        /// Made from an older version of the original, or not saying which version.
        public var stale: Bool

        enum CodingKeys: String, CodingKey { case slug, language, stale, sourceVersion = "source_version" }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(slug, forKey: .slug)
            try container.encode(language, forKey: .language)
            try container.encode(sourceVersion, forKey: .sourceVersion)
            try container.encode(stale, forKey: .stale)
        }
    }

    /// One leaflet.
    public struct Row: Sendable, Equatable, Encodable {
        public var slug: String
        public var reference: String?
        public var version: Int?
        public var language: String
        public var owner: String?
        public var reviewed: Day
        /// `next_review`, or `reviewed` plus `governance.max_review_age`.
        public var nextReview: Day
        public var status: ReviewStatus
        public var translations: [Translation]

        enum CodingKeys: String, CodingKey {
            case slug, reference, version, language, owner, reviewed, status, translations
            case nextReview = "next_review"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(slug, forKey: .slug)
            try container.encode(reference, forKey: .reference)
            try container.encode(version, forKey: .version)
            try container.encode(language, forKey: .language)
            try container.encode(owner, forKey: .owner)
            try container.encode(reviewed.description, forKey: .reviewed)
            try container.encode(nextReview.description, forKey: .nextReview)
            try container.encode(status, forKey: .status)
            try container.encode(translations, forKey: .translations)
        }
    }

    /// The day the statuses are worked out for.
    public var today: Day
    /// `governance.review_due_soon`: days before the due date that count as "due soon".
    public var dueSoonDays: Int
    /// Sorted by next review, then slug.
    public var rows: [Row]

    enum CodingKeys: String, CodingKey { case today, leaflets, dueSoonDays = "due_soon_days" }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(today.description, forKey: .today)
        try container.encode(dueSoonDays, forKey: .dueSoonDays)
        try container.encode(rows, forKey: .leaflets)
    }

    /// The schedule of `manifests` (every leaflet read, drafts included).
    public init(manifests: [LeafletManifest], site: SiteConfig, today: Day) {
        self.today = today
        let governance = site.governance
        dueSoonDays = governance.reviewDueSoon
        let bySlug = Dictionary(manifests.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        var translations: [String: [Translation]] = [:]
        for manifest in manifests {
            guard let original = manifest.translationOf.flatMap({ bySlug[$0] }), original.slug != manifest.slug else { continue }
            let source = manifest.control.sourceVersion
            let stale: Bool
            if let current = original.control.version { stale = source.map { $0 < current } ?? true } else { stale = false }
            translations[original.slug, default: []].append(
                Translation(slug: manifest.slug, language: manifest.language ?? site.language, sourceVersion: source, stale: stale))
        }
        rows = manifests.map { manifest in
            Row(slug: manifest.slug, reference: manifest.control.reference, version: manifest.control.version,
                language: manifest.language ?? site.language, owner: manifest.control.owner, reviewed: manifest.reviewed,
                nextReview: governance.reviewDue(manifest), status: governance.status(of: manifest, today: today),
                translations: (translations[manifest.slug] ?? []).sorted { ($0.language, $0.slug) < ($1.language, $1.slug) })
        }.sorted { ($0.nextReview, $0.slug) < ($1.nextReview, $1.slug) }
    }

    // MARK: Formats

    /// Pretty JSON, keys sorted (`schemas/report-reviews.schema.json`).
    public func jsonData() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(self)) ?? Data()) + Data("\n".utf8)
    }

    static let columns = ["slug", "reference", "version", "language", "owner", "reviewed", "next_review", "status", "translations"]

    /// The cells of a row as text; translations as `slug (language, stale|current)` joined by `; `.
    private func cells(_ row: Row) -> [String] {
        let translations = row.translations.map { "\($0.slug) (\($0.language), \($0.stale ? "stale" : "current"))" }.joined(separator: "; ")
        return [row.slug, row.reference ?? "", row.version.map(String.init) ?? "", row.language, row.owner ?? "",
                row.reviewed.description, row.nextReview.description, row.status.rawValue, translations]
    }

    /// RFC 4180 CSV with a header line, CRLF line ends; cells with a comma, quote or
    /// line break are quoted.
    public func csv() -> String {
        func field(_ text: String) -> String {
            guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return ([Self.columns] + rows.map(cells)).map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// An aligned table for people, with a count per status.
    public func text() -> String {
        let header = ["next review", "status", "slug", "ref", "version", "lang", "owner", "reviewed", "translations"]
        let table = rows.map { row -> [String] in
            let c = cells(row)
            return [c[6], c[7], c[0], c[1].isEmpty ? "-" : c[1], c[2].isEmpty ? "-" : c[2], c[3], c[4].isEmpty ? "-" : c[4], c[5], c[8]]
        }
        var widths = header.map(\.count)
        for line in table { for (index, cell) in line.enumerated() { widths[index] = max(widths[index], cell.count) } }
        func format(_ line: [String]) -> String {
            var text = ""
            for (index, cell) in line.enumerated() {
                text += index == line.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count + 2)
            }
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        var output = "review schedule on \(today) (due soon: within \(dueSoonDays) days)\n\n"
        output += ([header] + table).map(format).joined(separator: "\n") + "\n\n"
        let counts = ReviewStatus.allCases.map { status in "\(rows.filter { $0.status == status }.count) \(status.rawValue)" }
        output += "\(rows.count) leaflet\(rows.count == 1 ? "" : "s"): " + counts.joined(separator: ", ") + "\n"
        return output
    }
}
