/// The health-literacy pass of `leafpress check`: readability figures per leaflet and per
/// section, and warnings where the prose is hard for patients to read.
///
/// Rules (all warnings):
/// - `readability-grade`: a leaflet's Flesch-Kincaid grade is above `readability.max_grade`
///   (at the leaflet's `leaflet.yml`);
/// - `sentence-length`: a sentence has more words than `readability.max_sentence_words`
///   (at the sentence's first word in the section file);
/// - `jargon`: a term from the plain-language list (shipped, plus the site's own), with the
///   plainer alternative;
/// - `passive-voice`: a passive construction (a heuristic; see `PassiveVoice`).
///
/// Grades, jargon and passive voice need English (`en`, `en-GB`…): for leaflets in other
/// languages only words, sentences and sentence lengths are given and checked.
public struct HealthLiteracyCheck: Sendable {
    /// What the pass found.
    public struct Findings: Sendable {
        /// Every leaflet that was checked, in the order of the `CheckResult`.
        public var leaflets: [LeafletReadability] = []
        /// Warnings, in leaflet and section order.
        public var diagnostics: [Diagnostic] = []
    }

    /// `max_grade` and `max_sentence_words` from `site.yml`.
    public var settings: SiteConfig.Readability
    /// Terms to flag, with their plainer alternatives.
    public var jargon: JargonList
    /// Language of leaflets that do not name their own.
    public var siteLanguage: String

    /// A pass with the site's thresholds and word list.
    public init(settings: SiteConfig.Readability, jargon: JargonList = .shipped, siteLanguage: String = "en") {
        self.settings = settings
        self.jargon = jargon
        self.siteLanguage = siteLanguage
    }

    /// True for English language tags (`en`, `en-GB`), whose prose the engine can grade.
    public static func isEnglish(_ language: String) -> Bool {
        let tag = language.lowercased()
        return tag == "en" || tag.hasPrefix("en-")
    }

    /// Figures and warnings for every leaflet of `result`, `jobs` leaflets at a time; the
    /// result does not depend on `jobs`.
    public func run(_ result: CheckResult, jobs: Int = 1) -> Findings {
        let leaflets = result.leaflets
        let outcomes = Parallel.map(leaflets.count, jobs: jobs) { index -> (LeafletReadability, [Diagnostic]) in
            var diagnostics: [Diagnostic] = []
            let figures = check(leaflets[index], diagnostics: &diagnostics)
            return (figures, diagnostics)
        }
        var findings = Findings()
        for (figures, diagnostics) in outcomes {
            findings.leaflets.append(figures)
            findings.diagnostics += diagnostics
        }
        return findings
    }

    /// Figures and warnings for one leaflet.
    public func check(_ leaflet: CheckResult.Leaflet, diagnostics: inout [Diagnostic]) -> LeafletReadability {
        let language = leaflet.manifest.language ?? siteLanguage
        let graded = Self.isEnglish(language)
        var total = ReadabilityStats.zero
        var sections: [SectionReadability] = []
        for section in leaflet.sections {
            let path = leaflet.folder + "/" + section.file
            let blocks = section.document.textBlocks
            let report = ReadabilityReport(blocks: blocks)
            total.add(report.stats)
            sections.append(SectionReadability(file: section.file, path: path, title: section.title, kind: section.kind.rawValue,
                                               stats: ReadabilityFigures(stats: report.stats, graded: graded)))
            // Text from a shared block is placed in the block's own file.
            var files: [String?] = []
            for block in blocks where !files.contains(block.source) { files.append(block.source) }
            for file in files {
                let group = blocks.filter { $0.source == file }
                var source = SectionSource.Lazy(path: file ?? path, text: leaflet.sources[file ?? path], frontMatter: file == nil)
                let groupReport = files.count == 1 ? report : ReadabilityReport(blocks: group)
                diagnostics += longSentences(groupReport, blocks: group, source: &source)
                if graded { diagnostics += plainLanguage(group, source: &source) }
            }
        }
        let stats = ReadabilityFigures(stats: total, graded: graded)
        if let grade = stats.fleschKincaidGrade, grade > settings.maxGrade {
            diagnostics.append(.warning("reading grade \(Self.format(grade)) (Flesch-Kincaid) is above the limit of \(Self.format(settings.maxGrade)); use shorter sentences and everyday words",
                                        at: leaflet.manifest.location, rule: .readabilityGrade))
        }
        return LeafletReadability(slug: leaflet.manifest.slug, title: leaflet.manifest.title, language: language, path: leaflet.folder,
                                  graded: graded, stats: stats, sections: sections)
    }

    private func longSentences(_ report: ReadabilityReport, blocks: [MarkdownDocument.TextBlock], source: inout SectionSource.Lazy) -> [Diagnostic] {
        var cursor = SectionSource.Cursor()
        var found: [Diagnostic] = []
        for sentence in report.sentences(longerThan: settings.maxSentenceWords) {
            let at = source.locate(sentence.text, blockLine: sentence.line, before: Self.nextBlockLine(after: sentence.line, in: blocks), cursor: &cursor)
            found.append(.warning("sentence of \(sentence.words) words (limit \(settings.maxSentenceWords)); split it: '\(Self.opening(of: sentence.text))'",
                                  at: at, rule: .sentenceLength))
        }
        return found
    }

    private func plainLanguage(_ blocks: [MarkdownDocument.TextBlock], source: inout SectionSource.Lazy) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var jargonCursor = SectionSource.Cursor()
        var passiveCursor = SectionSource.Cursor()
        for block in blocks where block.kind != .code {
            let next = Self.nextBlockLine(after: block.line, in: blocks)
            for match in jargon.matches(in: block.text, line: block.line) {
                let at = source.locate(match.found, blockLine: block.line, before: next, cursor: &jargonCursor)
                found.append(.warning("'\(match.found)' is jargon; use '\(match.suggestion)' instead", at: at, rule: .jargon))
            }
            guard block.kind != .heading else { continue }
            for match in PassiveVoice.matches(in: block.text, line: block.line) {
                let at = source.locate(match.phrase, blockLine: block.line, before: next, cursor: &passiveCursor)
                found.append(.warning("passive voice '\(match.phrase)'; say who does it, in the active voice",
                                      at: at, rule: .passiveVoice))
            }
        }
        return found.sortedByLocation()
    }

    /// The first line of the next text block, which ends the search for a phrase.
    private static func nextBlockLine(after line: Int, in blocks: [MarkdownDocument.TextBlock]) -> Int? {
        blocks.lazy.map(\.line).filter { $0 > line }.min()
    }

    /// The first words of a sentence, to recognise it by.
    static func opening(of sentence: String, words: Int = 8) -> String {
        let parts = sentence.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count > words else { return sentence }
        return parts.prefix(words).joined(separator: " ") + " …"
    }

    /// `8` for whole numbers, `8.5` otherwise.
    static func format(_ number: Double) -> String {
        // Only whole numbers a machine word holds become Int; anything else prints as is.
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}
