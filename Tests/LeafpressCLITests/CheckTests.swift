import Foundation
import Testing
import LeafpressCore

/// A site written from Swift with one seeded fault per rule of `leafpress check`. Faults
/// that stop a leaflet from loading (bad `leaflet.yml`, bad folder name) sit in leaflets of
/// their own, so every other leaflet is read to the end and its faults are reported too.
enum CheckFixture {
    /// One finding the fixture must produce, exactly once.
    struct Fault: CustomStringConvertible {
        var rule: Rule
        /// Relative to `content/leaflets/`.
        var file: String
        var line: Int?
        var column: Int? = nil
        /// Text the message must contain.
        var message: String = ""

        var path: String { "content/leaflets/" + file }
        var description: String { "\(rule) at \(file):\(line.map(String.init) ?? "-")" }
    }

    /// The `--today` the review checks run with.
    static let today = "2026-11-25"

    static let faults: [Fault] = [
        Fault(rule: .slug, file: "Bad_Slug", line: nil, message: "bad slug 'Bad_Slug'"),
        Fault(rule: .schemaRequired, file: "broken-meta/leaflet.yml", line: 1, message: "missing required key 'summary'"),
        Fault(rule: .schemaType, file: "broken-meta/leaflet.yml", line: 2, column: 11, message: "'keywords' must be a list"),
        Fault(rule: .schemaDate, file: "broken-meta/leaflet.yml", line: 3, column: 11, message: "'2026-02-30'"),
        Fault(rule: .noCareCard, file: "care-free/leaflet.yml", line: 1),
        Fault(rule: .readabilityGrade, file: "hard-words/leaflet.yml", line: 1, message: "above the limit of 8"),
        Fault(rule: .brokenLink, file: "links/01-about.md", line: 3, message: "unknown leaflet 'no-such-leaflet'"),
        Fault(rule: .brokenLink, file: "links/01-about.md", line: 5, message: "missing section '09-nope.md'"),
        Fault(rule: .brokenLink, file: "links/01-about.md", line: 7, message: "'#no-such-heading'"),
        Fault(rule: .missingAsset, file: "links/01-about.md", line: 9, message: "missing.svg"),
        Fault(rule: .imageAlt, file: "links/01-about.md", line: 11, message: "no alt text"),
        Fault(rule: .schemaUnknownKey, file: "meta-warnings/leaflet.yml", line: 3, column: 1, message: "did you mean 'category'?"),
        Fault(rule: .translationMissing, file: "meta-warnings/leaflet.yml", line: 4, message: "did you mean 'simple'?"),
        Fault(rule: .sentenceLength, file: "prose/01-about.md", line: 6, column: 1, message: "sentence of 32 words (limit 25)"),
        Fault(rule: .jargon, file: "prose/01-about.md", line: 8, column: 6, message: "'haematologist' is jargon; use 'blood doctor' instead"),
        Fault(rule: .passiveVoice, file: "prose/01-about.md", line: 10, column: 10, message: "'be given'"),
        Fault(rule: .reviewFuture, file: "review/leaflet.yml", line: 3, message: "in the future"),
        Fault(rule: .reviewOverdue, file: "review/leaflet.yml", line: 4, message: "2026-06-01"),
        Fault(rule: .sectionsMissing, file: "sections/leaflet.yml", line: 4, message: "'03-missing.md'"),
        Fault(rule: .sectionsUnlisted, file: "sections/04-extra.md", line: nil),
        Fault(rule: .headingSkip, file: "section-faults/02-skip.md", line: 6, message: "from 1 to 3"),
        Fault(rule: .emptySection, file: "section-faults/03-empty.md", line: 4),
        Fault(rule: .unknownKind, file: "section-faults/04-kind.md", line: 3, column: 7, message: "did you mean 'urgent'?"),
    ]

    /// Rules whose fault stops the whole run (no theme, no output folder, no browser) or
    /// needs a file system trick, so they cannot share this fixture: the test that plants each.
    static let plantedElsewhere: [Rule: String] = [
        .schemaLanguage: "YAMLLoaderTests.badLanguageTag",
        .schemaPaper: "YAMLLoaderTests (unknown paper)",
        .yaml: "YAMLLoaderTests, WriterMistakeTests.unquotedColonAdvisesQuotesWithTheFixedLine",
        .yamlLimits: "YAMLLoaderTests (anchors, depth)",
        .frontMatter: "FrontMatterTests",
        .encoding: "SourceTextTests",
        .io: "HardeningTests",
        .layout: "HardeningTests, DiscoveryTests",
        .symlink: "HardeningTests, HostileFilesTests.aLinkOutOfItsFolderIsRefused",
        .symlinkLoop: "HostileFilesTests.aLinkLoopIsALocatedErrorAndEndsQuickly",
        .specialFile: "HostileFilesTests.aFIFOIsRefusedWithoutBlocking",
        .fileName: "HostileFilesTests.newlinesAndInvalidUTF8InFileNamesAreEscapedInMessages",
        .schemaRange: "HardeningTests.numericSettingsAreRangeCheckedWithALocation",
        .schemaURL: "HardeningTests.badBaseURLsAreRefusedInSiteSettingsAndOnTheCommandLine",
        .sectionsListed: "LeafletPlan tests",
        .sectionTitle: "MarkdownTests",
        .unsafeLink: "RawHTMLTests.markdownJavascriptLinkKeepsItsTextWithoutALink",
        .templates: "TemplateTests (missing templates folder), ThemeTests.namedTemplatesFolderMustExist",
        .themeUnknownFile: "ThemeTests.unknownThemeFileIsAWarningWithASuggestion",
        .template: "TemplateTests (syntax error)",
        .footer: "SiteBuildTests, TemplateTests",
        .i18n: "DiscoveryTests",
        .output: "SiteBuildTests (output folder)",
        .pdf: "PrintTests",
        .schemaPrint: "PrintTests.badPrintSettings",
        .printFooter: "PrintTests.longLegalTextGrowsMargin",
        .rawHTML: "RawHTMLTests.blockHTMLIsALocatedErrorNamingTheTagAndTheMarkdown",
        .placeholder: "WriterMistakeTests.publishingTheScaffoldIsAPlaceholderErrorAtEveryGap",
        .unknownRule: "RuleLevelTests.unknownRuleIdIsALocatedErrorWithDidYouMean",
        .sectionFileName: "CommandLineTests.misnamedSectionFilesAreWarnedAboutAndNotPublished",
        .unusedFile: "PublishedFilesTests.onlyFilesASectionLinksToArePublishedAndTheRestAreWarnedAbout",
        .brandContrast: "BrandingTests.lowContrastIsLocated",
        .pdfDropped: "PublishedFilesTests.aPlainBuildKeepsPDFsWhileTheLeafletIsUnchangedAndDropsThemWithANoticeWhenItChanges",
        .reviewDueSoon: "RuleLevelTests.reviewDueSoonWarnsWithinTheWindow",
        .referenceDuplicate: "DocumentControlTests.duplicateReferenceIsReportedAtBothLeaflets",
        .changesVersion: "DocumentControlTests (changes-version)",
        .approvalMissing: "DocumentControlTests (approval-missing)",
        .translationStale: "DocumentControlTests (translation-stale)",
        .versionNotRaised: "ReportTests.changesAcrossTwoBuilds",
        .manifest: "ReportTests.changesRefusesAFileThatIsNotAManifest",
        .blockUnknown: "MarkdownExtensionTests.unknownBlockIsALocatedError, ContentFeatureTests",
        .blockCycle: "MarkdownExtensionTests.blockCycleIsALocatedError, ContentFeatureTests",
        .blockTranslation: "ContentFeatureTests.missingTranslationIsAnError",
        .blockRequired: "ContentFeatureTests.requiredBlocksAreLocatedAtLeafletYML",
        .blockName: "ContentFeatureTests.badBlockFileNames",
        .blockInline: "MarkdownExtensionTests.includeInsideOtherTextIsAWarning",
        .tableCaption: "MarkdownExtensionTests.tableWithoutCaptionIsAWarningAtItsHeaderRow",
    ]

    /// A care card every leaflet without a seeded `no-care-card` fault carries.
    static let careCard = "---\nkind: emergency\n---\n# Get help now\n\n- heavy bleeding that does not stop\n"

    /// The prose of `hard-words`, graded well above 8 though no sentence is long.
    static let hardProse = """
        Physiotherapy appointments encourage independence and confidence. Understanding \
        rehabilitation exercises helps everybody. Occupational therapists recommend comfortable, \
        supportive footwear. Educational information improves communication considerably.
        """

    static func write(into folder: TemporaryDirectory) throws {
        func file(_ relative: String, _ text: String) throws { try folder.write(text, to: "content/" + relative) }
        func manifest(_ title: String, extra: String = "") -> String {
            "title: \(title)\nsummary: A leaflet for the check tests.\nreviewed: 2026-01-10\n" + extra
        }

        try file("site.yml", """
            title: Check Fixture
            publisher: Test Community Trust
            copyright: "© 2026 Test Community Trust"
            disclaimer: "General information only."

            """)
        try file("assets/diagram.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>\n")

        // A clean leaflet, and the target of the links.
        try file("leaflets/simple/leaflet.yml", manifest("Simple"))
        try file("leaflets/simple/01-about.md", "# About\n\n## Your visit\n\nCome to the front desk.\n")
        try file("leaflets/simple/02-help.md", careCard)

        // slug: the folder name is not a slug.
        try file("leaflets/Bad_Slug/leaflet.yml", manifest("Bad Slug"))
        try file("leaflets/Bad_Slug/01-about.md", "# About\n\nRest at home.\n")

        // schema-required, schema-type, schema-date: this leaflet does not load.
        try file("leaflets/broken-meta/leaflet.yml", "title: Broken Meta\nkeywords: just one\nreviewed: 2026-02-30\n")
        try file("leaflets/broken-meta/01-about.md", "# About\n\nRest at home.\n")

        // no-care-card.
        try file("leaflets/care-free/leaflet.yml", manifest("Care Free"))
        try file("leaflets/care-free/01-about.md", "# About\n\nRest at home today.\n")

        // readability-grade.
        try file("leaflets/hard-words/leaflet.yml", manifest("Hard Words"))
        try file("leaflets/hard-words/01-about.md", "# About\n\n\(hardProse)\n")
        try file("leaflets/hard-words/02-help.md", careCard)

        // broken-link (three), missing-asset, image-alt.
        try file("leaflets/links/leaflet.yml", manifest("Links"))
        try file("leaflets/links/01-about.md", """
            # About

            See the [missing leaflet](../no-such-leaflet/).

            See the [missing section](../simple/09-nope.md).

            See the [missing heading](../simple/01-about.md#no-such-heading).

            ![A map of the ward](../../assets/missing.svg)

            ![](../../assets/diagram.svg)

            """)
        try file("leaflets/links/02-help.md", careCard)

        // schema-unknown-key, translation-missing.
        try file("leaflets/meta-warnings/leaflet.yml", """
            title: Meta Warnings
            summary: A leaflet with small mistakes in its settings.
            catgory: Skin
            translation_of: simpel
            reviewed: 2026-01-10

            """)
        try file("leaflets/meta-warnings/01-about.md", "# About\n\nRest at home.\n")
        try file("leaflets/meta-warnings/02-help.md", careCard)

        // sentence-length (second line of a paragraph, after front matter), jargon, passive-voice.
        try file("leaflets/prose/leaflet.yml", manifest("Prose"))
        try file("leaflets/prose/01-about.md", """
            ---
            title: About your stay
            ---

            Rest at home today. Drink plenty of water.
            You can go for a short walk around the house or the garden each morning and each evening if you feel well enough to do so without any help from a friend.

            Your haematologist will see you next week.

            You will be given a new bandage.

            """)
        try file("leaflets/prose/02-help.md", careCard)

        // review-future, review-overdue.
        try file("leaflets/review/leaflet.yml", """
            title: Review
            summary: A leaflet with review dates to look at.
            reviewed: 2027-01-15
            next_review: 2026-06-01

            """)
        try file("leaflets/review/01-about.md", "# About\n\nRest at home.\n")
        try file("leaflets/review/02-help.md", careCard)

        // sections-missing, sections-unlisted.
        try file("leaflets/sections/leaflet.yml", manifest("Sections", extra: "sections:\n  - 01-about.md\n  - 02-help.md\n  - 03-missing.md\n"))
        try file("leaflets/sections/01-about.md", "# About\n\nRest at home.\n")
        try file("leaflets/sections/02-help.md", careCard)
        try file("leaflets/sections/04-extra.md", "# Extra\n\nRest at home.\n")

        // heading-skip, empty-section, unknown-kind.
        try file("leaflets/section-faults/leaflet.yml", manifest("Section Faults"))
        try file("leaflets/section-faults/01-help.md", careCard)
        try file("leaflets/section-faults/02-skip.md", "---\nkind: info\n---\n# Getting ready\n\n### Before you come\n\nEat a light meal.\n")
        try file("leaflets/section-faults/03-empty.md", "---\ntitle: Notes\n---\n\n")
        try file("leaflets/section-faults/04-kind.md", "---\ntitle: Call us\nkind: urgnet\n---\n\n- a high fever\n")
    }
}

/// A finding as `--format json` writes it.
struct JSONFinding: Equatable, CustomStringConvertible {
    var severity: String
    var message: String
    var rule: String?
    var path: String?
    var line: Int?
    var column: Int?

    init(_ object: Any) throws {
        let fields = try #require(object as? [String: Any])
        severity = try #require(fields["severity"] as? String)
        message = try #require(fields["message"] as? String)
        rule = fields["rule"] as? String
        path = fields["path"] as? String
        line = fields["line"] as? Int
        column = fields["column"] as? Int
    }

    var description: String { "\(path ?? "-"):\(line ?? 0):\(column ?? 0): \(severity): \(message) [\(rule ?? "-")]" }
}

@Suite("leafpress check")
struct CheckTests {
    /// `leafpress check` on `content/` with the repository theme, as users type it.
    func check(in folder: TemporaryDirectory, _ extra: [String] = []) throws -> CommandResult {
        try runLeafpress(["check", "--content", "content", "--templates", repositoryTemplates] + extra, in: folder)
    }

    /// The fixture checked with `--format json`, parsed.
    func fixtureJSON(_ extra: [String] = []) throws -> (CommandResult, [String: Any]) {
        let folder = try TemporaryDirectory()
        try CheckFixture.write(into: folder)
        let result = try check(in: folder, ["--today", CheckFixture.today, "--format", "json"] + extra)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        return (result, try #require(object as? [String: Any], "stdout: \(result.stdout)"))
    }

    // MARK: validation rules

    @Test func everySeededFaultIsReportedOnceWithItsRuleFileAndLine() throws {
        let (result, json) = try fixtureJSON()
        #expect(result.status == 1, "stderr: \(result.stderr)")
        let findings = try (try #require(json["diagnostics"] as? [Any])).map(JSONFinding.init)
        for fault in CheckFixture.faults {
            let matching = findings.filter { $0.rule == fault.rule.id && $0.path == fault.path && $0.line == fault.line }
            #expect(matching.count == 1, "\(fault): \(matching.count) findings")
            guard let finding = matching.first else { continue }
            if let column = fault.column { #expect(finding.column == column, "\(fault)") }
            if !fault.message.isEmpty { #expect(finding.message.contains(fault.message), "\(fault): \(finding.message)") }
        }
        let unexpected = findings.filter { finding in
            !CheckFixture.faults.contains { $0.rule.id == finding.rule && $0.path == finding.path && $0.line == finding.line }
        }
        #expect(unexpected.isEmpty, "\(unexpected)")
    }

    @Test func everyRuleOfTheCatalogIsPlantedOrCoveredElsewhere() {
        let planted = Set(CheckFixture.faults.map(\.rule))
        let elsewhere = Set(CheckFixture.plantedElsewhere.keys)
        #expect(planted.isDisjoint(with: elsewhere), "\(planted.intersection(elsewhere))")
        let missing = Set(Rule.allCases).subtracting(planted).subtracting(elsewhere)
        #expect(missing.isEmpty, "rules with no planted fault: \(missing.sorted())")
        #expect(CheckFixture.faults.filter { $0.rule == .brokenLink }.count == 3)
    }

    @Test func severitiesAreTheCatalogDefaults() throws {
        let (_, json) = try fixtureJSON()
        let findings = try (try #require(json["diagnostics"] as? [Any])).map(JSONFinding.init)
        for finding in findings {
            let id = try #require(finding.rule, "\(finding)")
            let rule = try #require(Rule(id: id), "\(finding)")
            #expect(finding.severity == rule.defaultLevel.rawValue, "\(finding)")
        }
    }

    @Test func readabilityFindingsInASharedBlockAreLocatedInTheBlockFile() throws {
        let folder = try TemporaryDirectory()
        try folder.write("title: Blocks\npublisher: T\ncopyright: \"© T\"\ndisclaimer: \"General.\"\n", to: "content/site.yml")
        // A block has no front matter: its `---` is a thematic break, and lines count from 1.
        try folder.write("---\n\nCall us.\n\nAsk the haematologist about your results.\n", to: "content/blocks/contact.md")
        try folder.write("title: Visit\nsummary: A visit.\nreviewed: 2026-01-10\n", to: "content/leaflets/visit/leaflet.yml")
        try folder.write("# About\n\nCome in.\n\n{{> contact}}\n", to: "content/leaflets/visit/01-about.md")
        try folder.write(CheckFixture.careCard, to: "content/leaflets/visit/02-help.md")
        let result = try runLeafpress(["check"], in: folder)
        #expect(result.stdout.contains("content/blocks/contact.md:5:9: warning: 'haematologist' is jargon"), "\(result.stdout)")
    }

    @Test func reviewRulesNeedTheReferenceDate() throws {
        let folder = try TemporaryDirectory()
        try CheckFixture.write(into: folder)
        let past = try check(in: folder, ["--today", "2026-03-01"])
        #expect(!past.stdout.contains("[review-overdue]"))
        #expect(past.stdout.contains("[review-future]"))
        let later = try check(in: folder, ["--today", "2027-02-01"])
        #expect(later.stdout.contains("content/leaflets/review/leaflet.yml:4:1: warning: review was due on 2026-06-01"))
        #expect(!later.stdout.contains("[review-future]"))
    }

    // MARK: readability

    @Test func sentenceLinesCountFrontMatterAndEveryLineBreak() throws {
        let folder = try TemporaryDirectory()
        try CheckFixture.write(into: folder)
        let long = "you can go for a short walk around the house or the garden each morning and each evening if you feel well enough to do so"
        // CRLF line endings and a byte order mark, five lines of front matter, a long
        // sentence on a list item's second line and another one two lines further down.
        let text = "\u{FEFF}---\r\ntitle: Walking\r\n# a comment\r\n\r\n---\r\n\r\n- Rest first.\r\n  After that \(long).\r\n\r\nSleep well.\r\nEat well.\r\nThen \(long), and \(long).\r\n"
        try folder.write(text, to: "content/leaflets/prose/01-about.md")
        let result = try check(in: folder, ["--today", CheckFixture.today])
        let lines = result.stdout.split(separator: "\n").filter { $0.hasSuffix("[sentence-length]") }
        #expect(lines.count == 2, "\(result.stdout)")
        #expect(lines.first?.hasPrefix("content/leaflets/prose/01-about.md:8:3: warning: sentence of 28 words (limit 25)") == true, "\(lines)")
        #expect(lines.last?.hasPrefix("content/leaflets/prose/01-about.md:12:1: warning: sentence of 54 words (limit 25)") == true, "\(lines)")
    }

    @Test func readabilityFiguresAreTheEnginesFigures() throws {
        let (_, json) = try fixtureJSON()
        let leaflets = try #require(json["leaflets"] as? [[String: Any]])
        let hard = try #require(leaflets.first { $0["slug"] as? String == "hard-words" })
        let sections = try #require(hard["sections"] as? [[String: Any]])
        let about = try #require(sections.first { $0["file"] as? String == "01-about.md" })
        let stats = try #require(about["stats"] as? [String: Any])

        var links = KeepLinks()
        var options = MarkdownOptions()
        options.extractTitle = true
        options.collectText = true
        let document = MarkdownConverter.convert(Substring("# About\n\n\(CheckFixture.hardProse)\n"), options: options, links: &links)
        let engine = ReadabilityReport(blocks: document.textBlocks).stats

        #expect(stats["words"] as? Int == engine.words)
        #expect(stats["sentences"] as? Int == engine.sentences)
        #expect(stats["flesch_kincaid_grade"] as? Double == engine.fleschKincaidGrade)
        #expect(stats["smog_grade"] as? Double == engine.smogGrade)
        #expect(stats["longest_sentence_words"] as? Int == engine.longestSentenceWords)
        let mean = try #require(stats["mean_sentence_words"] as? Double)
        #expect(abs(mean - engine.meanSentenceWords) < 0.05)
        let share = try #require(stats["complex_word_share"] as? Double)
        #expect(abs(share - engine.complexWordShare) < 0.0005)

        // Sanity, not a re-test of the engine: 22 words in 4 sentences of long words.
        #expect(engine.words == 22)
        #expect(engine.sentences == 4)
        #expect(engine.longestSentenceWords == 6)
        #expect((engine.fleschKincaidGrade ?? 0) > 8)
        #expect((engine.smogGrade ?? 0) > 8)
    }

    @Test func leafletFiguresAreComputedFromTheSumOfItsSections() throws {
        let (_, json) = try fixtureJSON()
        let leaflets = try #require(json["leaflets"] as? [[String: Any]])
        let prose = try #require(leaflets.first { $0["slug"] as? String == "prose" })
        let stats = try #require(prose["stats"] as? [String: Any])
        let sections = try #require(prose["sections"] as? [[String: Any]]).compactMap { $0["stats"] as? [String: Any] }
        #expect(sections.count == 2)
        #expect(stats["words"] as? Int == sections.compactMap { $0["words"] as? Int }.reduce(0, +))
        #expect(stats["sentences"] as? Int == sections.compactMap { $0["sentences"] as? Int }.reduce(0, +))
        #expect(stats["longest_sentence_words"] as? Int == 32)
    }

    @Test func siteWordListExtendsAndRemovesTerms() throws {
        let folder = try TemporaryDirectory()
        try CheckFixture.write(into: folder)
        try folder.write("# Our own words\nfront desk: reception\nhaematologist:\n", to: "content/plain-language.yml")
        let result = try check(in: folder, ["--today", CheckFixture.today])
        let jargon = result.stdout.split(separator: "\n").filter { $0.hasSuffix("[jargon]") }
        #expect(jargon == ["content/leaflets/simple/01-about.md:5:13: warning: 'front desk' is jargon; use 'reception' instead [jargon]"])
    }

    @Test func badSiteWordListIsALocatedError() throws {
        let folder = try TemporaryDirectory()
        try CheckFixture.write(into: folder)
        try folder.write("front desk: reception\nward:\n  - room\n", to: "content/plain-language.yml")
        let result = try check(in: folder, ["--today", CheckFixture.today])
        #expect(result.status == 1)
        #expect(result.stdout.contains("content/plain-language.yml:3:3: error: 'ward' must be text, not a list [schema-type]"), "\(result.stdout)")
    }

    @Test func leafletsInOtherLanguagesGetCountsButNoGrades() throws {
        let folder = try TemporaryDirectory()
        try CheckFixture.write(into: folder)
        try folder.write("title: Prosa\nsummary: Un folleto.\nlanguage: es\nreviewed: 2026-01-10\n", to: "content/leaflets/prose/leaflet.yml")
        let result = try check(in: folder, ["--today", CheckFixture.today, "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let leaflets = try #require(json["leaflets"] as? [[String: Any]])
        let prose = try #require(leaflets.first { $0["slug"] as? String == "prose" })
        let stats = try #require(prose["stats"] as? [String: Any])
        #expect(stats["flesch_kincaid_grade"] is NSNull)
        #expect(stats["smog_grade"] is NSNull)
        #expect((stats["words"] as? Int ?? 0) > 0)
        let rules = try #require(json["diagnostics"] as? [[String: Any]]).filter { ($0["path"] as? String)?.hasPrefix("content/leaflets/prose/") == true }.compactMap { $0["rule"] as? String }
        #expect(rules == ["sentence-length"])
    }

    // MARK: output

    @Test func jsonOutputHasEveryField() throws {
        let (result, json) = try fixtureJSON()
        #expect(result.stderr == "")
        #expect(Set(json.keys) == ["diagnostics", "leaflets", "summary", "blocks"])
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        #expect(!diagnostics.isEmpty)
        for diagnostic in diagnostics {
            #expect(Set(diagnostic.keys) == ["severity", "message", "rule", "path", "line", "column"])
        }

        let leaflets = try #require(json["leaflets"] as? [[String: Any]])
        #expect(leaflets.compactMap { $0["slug"] as? String } == ["Bad_Slug", "broken-meta", "care-free", "hard-words", "links", "meta-warnings",
                                                                  "prose", "review", "section-faults", "sections", "simple"])
        for leaflet in leaflets {
            #expect(Set(leaflet.keys) == ["slug", "title", "path", "language", "stats", "sections", "errors", "warnings"])
        }
        let brokenMeta = try #require(leaflets.first { $0["slug"] as? String == "broken-meta" })
        #expect(brokenMeta["errors"] as? Int == 3)
        #expect(brokenMeta["stats"] is NSNull)
        let links = try #require(leaflets.first { $0["slug"] as? String == "links" })
        #expect(links["title"] as? String == "Links")
        #expect(links["errors"] as? Int == 5)
        #expect(links["warnings"] as? Int == 0)
        let section = try #require((links["sections"] as? [[String: Any]])?.first)
        #expect(Set(section.keys) == ["file", "path", "title", "kind", "stats"])
        #expect(section["path"] as? String == "content/leaflets/links/01-about.md")
        let stats = try #require(section["stats"] as? [String: Any])
        #expect(Set(stats.keys) == ["words", "sentences", "flesch_kincaid_grade", "smog_grade", "mean_sentence_words",
                                    "longest_sentence_words", "complex_word_share"])

        let summary = try #require(json["summary"] as? [String: Any])
        let errors = CheckFixture.faults.count - 8
        #expect(summary["errors"] as? Int == errors)
        #expect(summary["warnings"] as? Int == 8)
        #expect(summary["leaflets"] as? Int == 9)
        #expect(summary["today"] as? String == CheckFixture.today)
        #expect(summary["max_grade"] as? Double == 8)
        #expect(summary["max_sentence_words"] as? Int == 25)
        #expect(summary["leaflets_above_max_grade"] as? Int == 1)
        #expect(summary["strict"] as? Bool == false)
    }

    @Test func humanOutputGroupsByFileThenTabulatesEveryLeaflet() throws {
        let folder = try TemporaryDirectory()
        try CheckFixture.write(into: folder)
        let result = try check(in: folder, ["--today", CheckFixture.today])
        #expect(result.status == 1)
        #expect(result.stderr == "")
        #expect(!result.stdout.contains("\u{1B}["), "no colours when stdout is not a terminal")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)

        let header = try #require(lines.firstIndex(of: "content/leaflets/links/01-about.md (5 errors, 0 warnings)"))
        #expect(lines[header + 1] == "content/leaflets/links/01-about.md:3:9: error: link to unknown leaflet 'no-such-leaflet' [broken-link]")
        #expect(lines[header + 1 ..< header + 6].allSatisfy { $0.hasPrefix("content/leaflets/links/01-about.md:") })
        #expect(lines[header + 6] == "")
        let findings = lines.filter { $0.firstMatch(of: #/^content/[^:\s]+(:\d+:\d+)?: (error|warning): .* \[[a-z-]+\]$/#) != nil }
        #expect(findings.count == CheckFixture.faults.count)

        let table = try #require(lines.firstIndex { $0.hasPrefix("leaflet ") })
        #expect(lines[table].split(separator: " ") == ["leaflet", "grade", "SMOG", "words", "errors", "warnings"])
        let rows = lines[(table + 1)...].prefix { !$0.isEmpty }
        #expect(rows.map { String($0.split(separator: " ")[0]) } == ["Bad_Slug", "broken-meta", "care-free", "hard-words", "links",
                                                                      "meta-warnings", "prose", "review", "section-faults", "sections", "simple"])
        #expect(rows.contains { $0.split(separator: " ") == ["broken-meta", "-", "-", "-", "3", "0"] })
        #expect(lines.last { !$0.isEmpty }?.hasPrefix("checked 9 leaflets (") == true)
        #expect(result.stdout.contains(": \(CheckFixture.faults.count - 8) errors, 8 warnings; grade is Flesch-Kincaid, limit 8 (1 above)"))
    }

    @Test func coloursOnlyStyleTheSameText() throws {
        let folder = try TemporaryDirectory()
        try CheckFixture.write(into: folder)
        var options = BuildOptions()
        options.contentDirectory = folder.subpath("content")
        options.templatesDirectory = repositoryTemplates
        options.today = Day(CheckFixture.today)
        let report = ContentCheck(options: options).run()
        let plain = CheckReportText(colour: false).render(report)
        let coloured = CheckReportText(colour: true).render(report)
        #expect(coloured.contains("\u{1B}[1;31merror:\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1;33mwarning:\u{1B}[0m"))
        #expect(coloured.replacing(#/\u{1B}\[[0-9;]*m/#, with: "") == plain)
        #expect(plain.contains(folder.subpath("content") + "/leaflets/prose/01-about.md:6:1: warning: sentence of 32 words"))
    }

    @Test func strictTurnsWarningsIntoErrors() throws {
        let folder = try TemporaryDirectory()
        try CheckFixture.write(into: folder)
        for slug in ["Bad_Slug", "broken-meta", "links", "meta-warnings", "review", "sections", "section-faults"] {
            try FileManager.default.removeItem(atPath: folder.subpath("content/leaflets/\(slug)"))
        }
        let relaxed = try check(in: folder, ["--today", CheckFixture.today])
        #expect(relaxed.status == 0, "\(relaxed.stdout)")
        #expect(relaxed.stdout.contains(": 0 errors, 5 warnings;"))

        let strict = try check(in: folder, ["--today", CheckFixture.today, "--strict"])
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("content/leaflets/prose/01-about.md:10:10: error: passive voice 'be given'"))
        #expect(strict.stdout.contains(": 5 errors, 0 warnings;"))
        #expect(strict.stdout.contains("--strict"))

        let json = try check(in: folder, ["--today", CheckFixture.today, "--strict", "--format", "json"])
        #expect(json.status == 1)
        let summary = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["summary"] as? [String: Any])
        #expect(summary["strict"] as? Bool == true)
        #expect(summary["errors"] as? Int == 5)
    }

    @Test func checkWritesNothing() throws {
        let folder = try TemporaryDirectory()
        try CheckFixture.write(into: folder)
        let before = snapshot(folder.path)
        _ = try check(in: folder, ["--today", CheckFixture.today])
        _ = try check(in: folder, ["--today", CheckFixture.today, "--format", "json"])
        #expect(snapshot(folder.path).keys.sorted() == before.keys.sorted())
        #expect(!folder.exists("site"))
    }

    @Test func resultsDoNotDependOnJobs() throws {
        let folder = try TemporaryDirectory()
        try CheckFixture.write(into: folder)
        let one = try check(in: folder, ["--today", CheckFixture.today, "--jobs", "1", "--format", "json"])
        let four = try check(in: folder, ["--today", CheckFixture.today, "--jobs", "4", "--format", "json"])
        #expect(one.stdout == four.stdout)
    }

    // MARK: usage

    @Test(arguments: [["--today", "2026-02-30"], ["--today", "tomorrow"], ["--format", "xml"], ["--jobs", "0"], ["--frobnicate"]])
    func badArgumentsAreUsageErrors(_ arguments: [String]) throws {
        let folder = try TemporaryDirectory()
        try CheckFixture.write(into: folder)
        let result = try check(in: folder, arguments)
        #expect(result.status == 2, "\(arguments)")
        #expect(result.stdout == "")
        #expect(result.stderr.contains(arguments[0]))
    }

    @Test func missingContentFolderExitsOne() throws {
        let folder = try TemporaryDirectory()
        let result = try check(in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("content: error: content folder not found [layout]"))
    }

    // MARK: the sample site

    @Test func repositoryContentPassesAndListsEveryLeaflet() throws {
        let folder = try TemporaryDirectory()
        let binary = packageRoot + "/.build/debug/leafpress"
        let leaflets = try FileManager.default.contentsOfDirectory(atPath: repositoryContent + "/leaflets").sorted()
        #expect(!leaflets.isEmpty)
        for drafts in [false, true] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["check", "--content", repositoryContent, "--templates", repositoryTemplates, "--today", "2026-11-25"]
                + (drafts ? ["--drafts"] : [])
            process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let text = String(decoding: data, as: UTF8.self)
            #expect(process.terminationStatus == 0, "\(text)")

            let lines = text.split(separator: "\n").map(String.init)
            let table = try #require(lines.firstIndex { $0.split(separator: " ") == ["leaflet", "grade", "SMOG", "words", "errors", "warnings"] }, "\(text)")
            let rows = lines[(table + 1)...].prefix { !$0.hasPrefix("checked ") }.map { String($0.split(separator: " ")[0]) }
            for slug in leaflets {
                let manifest = try String(contentsOfFile: repositoryContent + "/leaflets/\(slug)/leaflet.yml", encoding: .utf8)
                let isDraft = manifest.split(separator: "\n").contains("draft: true")
                #expect(rows.contains(slug) == (drafts || !isDraft), "\(slug) drafts: \(drafts)")
            }
            // The totals, then the shared blocks and the leaflets that use them.
            let totals = lines.last { $0.hasPrefix("checked ") }
            #expect(totals?.contains(": 0 errors,") == true)
            #expect(lines.last?.hasPrefix("  other-formats (") == true, "\(text)")
            #expect(!text.contains(": error: "))
        }
    }
}
