import Foundation

/// Everything `leafpress check` found: every diagnostic in file, line and column order,
/// a row per leaflet (readability figures and its findings), and the totals. Encodes to the
/// JSON of `--format json`; `CheckReportText` renders the human report.
public struct CheckReport: Sendable, Encodable {
    /// One leaflet folder: every leaflet that was checked, and any other folder under
    /// `leaflets/` with findings (one whose `leaflet.yml` could not be read has no figures).
    public struct Leaflet: Sendable, Equatable, Encodable {
        /// The folder name.
        public var slug: String
        /// nil when `leaflet.yml` could not be read.
        public var title: String?
        /// Display path of the folder.
        public var path: String
        /// nil when `leaflet.yml` could not be read.
        public var language: String?
        /// nil when the leaflet could not be checked.
        public var stats: ReadabilityFigures?
        /// Each section that was checked, in page order.
        public var sections: [SectionReadability]
        /// Error-level findings in the folder (after `--strict`).
        public var errors: Int
        /// Warnings in the folder.
        public var warnings: Int

        private enum CodingKeys: String, CodingKey {
            case slug, title, path, language, stats, sections, errors, warnings
        }

        /// Writes every key, `null` where there is no value.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(slug, forKey: .slug)
            try container.encode(title, forKey: .title)
            try container.encode(path, forKey: .path)
            try container.encode(language, forKey: .language)
            try container.encode(stats, forKey: .stats)
            try container.encode(sections, forKey: .sections)
            try container.encode(errors, forKey: .errors)
            try container.encode(warnings, forKey: .warnings)
        }
    }

    /// Totals and the settings the report was made with.
    public struct Summary: Sendable, Equatable, Encodable {
        /// Leaflets checked (not those that could not be read).
        public var leaflets: Int
        /// Sections checked.
        public var sections: Int
        /// Words in all checked sections.
        public var words: Int
        /// Error-level findings (after `--strict`).
        public var errors: Int
        /// Warnings.
        public var warnings: Int
        /// Leaflets whose grade is above `maxGrade`.
        public var leafletsAboveMaxGrade: Int
        /// `readability.max_grade` of `site.yml`.
        public var maxGrade: Double
        /// `readability.max_sentence_words` of `site.yml`.
        public var maxSentenceWords: Int
        /// Reference date of the review checks (`YYYY-MM-DD`), nil when they were skipped.
        public var today: String?
        /// True when warnings were counted as errors.
        public var strict: Bool

        private enum CodingKeys: String, CodingKey {
            case leaflets, sections, words, errors, warnings, strict, today
            case leafletsAboveMaxGrade = "leaflets_above_max_grade"
            case maxGrade = "max_grade"
            case maxSentenceWords = "max_sentence_words"
        }

        /// Writes every key, `null` where there is no value.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(leaflets, forKey: .leaflets)
            try container.encode(sections, forKey: .sections)
            try container.encode(words, forKey: .words)
            try container.encode(errors, forKey: .errors)
            try container.encode(warnings, forKey: .warnings)
            try container.encode(leafletsAboveMaxGrade, forKey: .leafletsAboveMaxGrade)
            try container.encode(maxGrade, forKey: .maxGrade)
            try container.encode(maxSentenceWords, forKey: .maxSentenceWords)
            try container.encode(today, forKey: .today)
            try container.encode(strict, forKey: .strict)
        }
    }

    /// Every finding, sorted by location.
    public var diagnostics: [Diagnostic]
    /// Leaflet folders in slug order.
    public var leaflets: [Leaflet]
    /// Totals.
    public var summary: Summary
    /// Each shared block's name → slugs of the leaflets that include it.
    public var blocks: [String: [String]]

    /// True when any finding is an error (then `leafpress check` exits 1).
    public var hasErrors: Bool { diagnostics.hasErrors }

    /// Puts the pipeline's findings and the health-literacy pass together, at the levels
    /// of `site.yml` `rules:`. With `strict`, every remaining warning becomes an error. `contentDirectory` is the content folder as given,
    /// to attribute findings to leaflet folders.
    public init(result: CheckResult, readability: HealthLiteracyCheck.Findings, extra: [Diagnostic] = [],
                contentDirectory: String, settings: SiteConfig.Readability, today: Day?, strict: Bool) {
        let levels = result.site?.rules ?? RuleLevels()
        // Text in a shared block is checked in every leaflet that includes it; each
        // finding is reported once.
        var seen: Set<Diagnostic> = []
        let unique = (result.diagnostics + extra + readability.diagnostics).filter { seen.insert($0).inserted }
        diagnostics = levels.apply(unique, strict: strict).sortedByLocation()

        let leafletsFolder = ContentScanner(contentDirectory: contentDirectory).display("leaflets") + "/"
        var rows: [String: Leaflet] = [:]
        for leaflet in readability.leaflets {
            rows[leaflet.slug] = Leaflet(slug: leaflet.slug, title: leaflet.title, path: leaflet.path, language: leaflet.language,
                                         stats: leaflet.stats, sections: leaflet.sections, errors: 0, warnings: 0)
        }
        for diagnostic in diagnostics {
            guard let path = diagnostic.location?.path, path.hasPrefix(leafletsFolder) else { continue }
            guard let slug = path.dropFirst(leafletsFolder.count).split(separator: "/").first.map(String.init) else { continue }
            var row = rows[slug] ?? Leaflet(slug: slug, title: nil, path: leafletsFolder + slug, language: nil, stats: nil,
                                            sections: [], errors: 0, warnings: 0)
            if diagnostic.severity == .error { row.errors += 1 } else { row.warnings += 1 }
            rows[slug] = row
        }
        leaflets = rows.values.sorted { $0.slug < $1.slug }
        blocks = result.blocks

        let errors = diagnostics.filter { $0.severity == .error }.count
        summary = Summary(leaflets: readability.leaflets.count,
                          sections: readability.leaflets.reduce(0) { $0 + $1.sections.count },
                          words: readability.leaflets.reduce(0) { $0 + $1.stats.words },
                          errors: errors, warnings: diagnostics.count - errors,
                          leafletsAboveMaxGrade: readability.leaflets.filter { ($0.stats.fleschKincaidGrade ?? 0) > settings.maxGrade }.count,
                          maxGrade: settings.maxGrade, maxSentenceWords: settings.maxSentenceWords,
                          today: today?.description, strict: strict)
    }

    private enum CodingKeys: String, CodingKey {
        case diagnostics, leaflets, summary, blocks
    }

    /// `{"diagnostics": [...], "leaflets": [...], "summary": {...}}`; each diagnostic has
    /// `severity`, `message`, `rule`, `path`, `line` and `column` (`null` when unknown).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(diagnostics.map(Finding.init), forKey: .diagnostics)
        try container.encode(leaflets, forKey: .leaflets)
        try container.encode(summary, forKey: .summary)
        try container.encode(blocks, forKey: .blocks)
    }

    /// The report as JSON: pretty-printed, keys sorted, so it diffs well in CI logs.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// A diagnostic as JSON.
    private struct Finding: Encodable {
        var diagnostic: Diagnostic

        enum CodingKeys: String, CodingKey {
            case severity, message, rule, path, line, column
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(diagnostic.severity.rawValue, forKey: .severity)
            try container.encode(diagnostic.message, forKey: .message)
            try container.encode(diagnostic.rule?.id, forKey: .rule)
            try container.encode(diagnostic.location?.path, forKey: .path)
            try container.encode(diagnostic.location?.line, forKey: .line)
            try container.encode(diagnostic.location?.column, forKey: .column)
        }
    }
}
