import Testing
@testable import LeafpressCore

/// `site.yml`, `leaflet.yml` and section front matter: every problem at the line and
/// column that caused it.
@Suite("YAML loaders")
struct YAMLLoaderTests {
    static let sitePath = "content/site.yml"
    static let manifestPath = "content/leaflets/colonoscopy/leaflet.yml"
    static let sectionPath = "content/leaflets/colonoscopy/06-seek-care.md"

    static let validSite = """
        title: Riverside Patient Leaflets
        publisher: Riverside Community Health Trust
        copyright: © 2026 Riverside
        disclaimer: General information only.

        """

    static let validManifest = """
        title: Colonoscopy
        summary: A test that looks inside your bowel.
        reviewed: 2026-08-03

        """

    func loadSite(_ yaml: String) -> (SiteConfig?, [Diagnostic]) {
        collecting { SiteConfig.load(yaml: yaml, path: Self.sitePath, diagnostics: &$0) }
    }

    func loadManifest(_ yaml: String) -> (LeafletManifest?, [Diagnostic]) {
        collecting { LeafletManifest.load(yaml: yaml, slug: "colonoscopy", path: Self.manifestPath, diagnostics: &$0) }
    }

    func loadHeader(_ yaml: String) -> (SectionHeader, [Diagnostic]) {
        collecting { SectionHeader.load(yaml: yaml[...], path: Self.sectionPath, diagnostics: &$0) }
    }

    // MARK: site.yml

    @Test func siteWithRequiredKeysLoadsWithDefaults() throws {
        let (site, diagnostics) = loadSite(Self.validSite)
        #expect(diagnostics.isEmpty)
        let config = try #require(site)
        #expect(config.title == "Riverside Patient Leaflets")
        #expect(config.copyright == "© 2026 Riverside")
        #expect(config.language == "en")
        #expect(config.paper == .a4)
        #expect(config.baseURL == nil)
        #expect(config.unsafeHTML == false)
        #expect(config.readability.maxGrade == 8)
        #expect(config.readability.maxSentenceWords == 25)
    }

    @Test func siteOptionalKeysAreRead() throws {
        let (site, diagnostics) = loadSite(Self.validSite + """
            language: es-MX
            base_url: https://leaflets.example.org/patients
            paper: letter
            unsafe_html: true
            readability:
              max_grade: 6.5
              max_sentence_words: 20

            """)
        #expect(diagnostics.isEmpty)
        let config = try #require(site)
        #expect(config.language == "es-MX")
        #expect(config.baseURL == "https://leaflets.example.org/patients/")
        #expect(config.paper == .letter)
        #expect(config.unsafeHTML)
        #expect(config.readability.maxGrade == 6.5)
        #expect(config.readability.maxSentenceWords == 20)
    }

    @Test func missingRequiredSiteKeyIsReportedAtLineOne() {
        let (site, diagnostics) = loadSite("""
            title: Riverside Patient Leaflets
            publisher: Riverside Community Health Trust
            copyright: © 2026 Riverside

            """)
        #expect(site == nil)
        #expect(diagnostics == [
            .error("missing required key 'disclaimer'", at: SourceLocation(path: Self.sitePath, line: 1, column: 1), rule: .schemaRequired),
        ])
    }

    @Test func emptySiteFileReportsEveryRequiredKey() {
        let (site, diagnostics) = loadSite("")
        #expect(site == nil)
        #expect(diagnostics.map(\.message) == [
            "missing required key 'title'",
            "missing required key 'publisher'",
            "missing required key 'copyright'",
            "missing required key 'disclaimer'",
        ])
        #expect(diagnostics.allSatisfy { $0.location == SourceLocation(path: Self.sitePath, line: 1, column: 1) })
    }

    @Test func unknownSiteKeyWarnsWithSuggestion() throws {
        let (site, diagnostics) = loadSite(Self.validSite + "langauge: fr\n")
        #expect(site != nil)
        #expect(diagnostics == [
            .warning("unknown key 'langauge'; did you mean 'language'?", at: SourceLocation(path: Self.sitePath, line: 5, column: 1), rule: .schemaUnknownKey),
        ])
    }

    @Test func unknownKeyFarFromAnyKnownKeyHasNoSuggestion() {
        let (_, diagnostics) = loadSite(Self.validSite + "colour_scheme: dark\n")
        #expect(diagnostics.map(\.message) == ["unknown key 'colour_scheme'"])
        #expect(diagnostics.first?.severity == .warning)
    }

    @Test func badPaperIsReportedAtItsValue() {
        let (site, diagnostics) = loadSite(Self.validSite + "paper: A3\n")
        #expect(site == nil)
        #expect(diagnostics == [
            .error("unknown paper 'A3' (expected A4, A5 or Letter)", at: SourceLocation(path: Self.sitePath, line: 5, column: 8), rule: .schemaPaper),
        ])
        #expect(loadSite(Self.validSite + "paper: a5\n").0?.paper == .a5)
    }

    @Test func badLanguageTagIsAnError() {
        let (site, diagnostics) = loadSite(Self.validSite + "language: English\n")
        #expect(site == nil)
        #expect(diagnostics.first?.rule == .schemaLanguage)
        #expect(diagnostics.first?.location == SourceLocation(path: Self.sitePath, line: 5, column: 11))
    }

    @Test func relativeBaseURLIsAnError() {
        let (site, diagnostics) = loadSite(Self.validSite + "base_url: leaflets.example.org\n")
        #expect(site == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.hasPrefix("'base_url' must be an absolute http(s) URL") == true)
        #expect(diagnostics.first?.rule == .schemaURL)
    }

    @Test func duplicateKeyIsAnError() throws {
        let (site, diagnostics) = loadSite(Self.validSite + "title: Another title\n")
        #expect(site == nil)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message == "duplicate key 'title'")
        #expect(diagnostic.rule == .yaml)
        #expect(diagnostic.location?.path == Self.sitePath)
        #expect(diagnostic.location?.line != nil)
    }

    @Test func yamlSyntaxErrorHasLineNumber() throws {
        let (site, diagnostics) = loadSite("""
            title: Riverside
            publisher: [Riverside, Trust
            copyright: © 2026

            """)
        #expect(site == nil)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.rule == .yaml)
        #expect(diagnostic.message.hasPrefix("invalid YAML: "))
        let line = try #require(diagnostic.location?.line)
        #expect((2...4).contains(line))
    }

    @Test func topLevelListIsNotAMapping() {
        let (site, diagnostics) = loadSite("- title\n- publisher\n")
        #expect(site == nil)
        #expect(diagnostics == [
            .error("file must be a mapping of `key: value` lines", at: SourceLocation(path: Self.sitePath, line: 1, column: 1), rule: .schemaType),
        ])
    }

    // MARK: YAML guard

    @Test func anchorsAreRefusedWhereTheyAre() {
        let (site, diagnostics) = loadSite("title: &name Riverside\npublisher: *name\ncopyright: c\ndisclaimer: d\n")
        #expect(site == nil)
        #expect(diagnostics == [
            .error("YAML anchors and aliases are not supported; write the value out", at: SourceLocation(path: Self.sitePath, line: 1, column: 8), rule: .yamlLimits),
        ])
    }

    @Test func aliasInFrontMatterIsLocatedInTheFile() {
        let (_, diagnostics) = loadHeader("title: Risks\nkind: *level\n")
        #expect(diagnostics.map(\.location) == [SourceLocation(path: Self.sectionPath, line: 3, column: 7)])
        // Aliases are refused up front like anchors, before anything is composed.
        #expect(diagnostics.map(\.rule) == [.yamlLimits])
    }

    @Test func deepNestingIsRefused() {
        let (site, diagnostics) = loadSite("title: " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "\n")
        #expect(site == nil)
        #expect(diagnostics.map(\.message) == ["YAML is nested more than 64 levels deep"])
    }

    @Test func ampersandsAndAsterisksInsideTextAreFine() throws {
        let (site, diagnostics) = loadSite("""
            title: Tom & Jerry's *Clinic*
            publisher: "&Co"
            copyright: '*2026*'
            disclaimer: Not advice # a comment & more

            """)
        #expect(diagnostics.isEmpty)
        let config = try #require(site)
        #expect(config.title == "Tom & Jerry's *Clinic*")
        #expect(config.publisher == "&Co")
        #expect(config.copyright == "*2026*")
        #expect(config.disclaimer == "Not advice")
    }

    @Test func blockScalarLineStartingWithAsteriskIsText() throws {
        let yaml = Self.validSite.replacingOccurrences(of: "disclaimer: General information only.\n", with: """
            disclaimer: |
              General information only.
              *Always* ask your care team.

            """)
        do {
            let (site, diagnostics) = loadSite(yaml)
            #expect(diagnostics.isEmpty)
            #expect(site?.disclaimer == "General information only.\n*Always* ask your care team.")
        }
    }

    @Test func wrappedPlainValueContinuingWithAsteriskIsText() throws {
        let yaml = Self.validManifest + "category: Bowel\nsetting: Day\n  *Surgery*\n"
        do {
            let (manifest, diagnostics) = loadManifest(yaml)
            #expect(diagnostics.isEmpty)
            #expect(manifest?.setting == "Day *Surgery*")
        }
    }

    // MARK: leaflet.yml

    @Test func manifestWithRequiredKeysLoads() throws {
        let (manifest, diagnostics) = loadManifest(Self.validManifest)
        #expect(diagnostics.isEmpty)
        let loaded = try #require(manifest)
        #expect(loaded.slug == "colonoscopy")
        #expect(loaded.title == "Colonoscopy")
        #expect(loaded.reviewed == Day(year: 2026, month: 8, day: 3))
        #expect(loaded.keywords == [])
        #expect(loaded.sections == nil)
        #expect(loaded.draft == false)
        #expect(loaded.keyLocations["reviewed"] == SourceLocation(path: Self.manifestPath, line: 3, column: 1))
    }

    @Test func manifestListsAndFlagsAreRead() throws {
        let (manifest, diagnostics) = loadManifest(Self.validManifest + """
            keywords:
              - bowel
              - endoscopy
            sections: [01-a.md, 02-b.md]
            next_review: 2027-08-03
            copyright: © 2026 Licensed from Example Press
            draft: yes

            """)
        #expect(diagnostics.isEmpty)
        let loaded = try #require(manifest)
        #expect(loaded.keywords == ["bowel", "endoscopy"])
        #expect(loaded.sections == ["01-a.md", "02-b.md"])
        #expect(loaded.nextReview == Day(year: 2027, month: 8, day: 3))
        #expect(loaded.copyright == "© 2026 Licensed from Example Press")
        #expect(loaded.draft)
    }

    @Test func missingRequiredManifestKeyIsReportedAtLineOne() {
        let (manifest, diagnostics) = loadManifest("""
            title: Colonoscopy
            reviewed: 2026-08-03

            """)
        #expect(manifest == nil)
        #expect(diagnostics == [
            .error("missing required key 'summary'", at: SourceLocation(path: Self.manifestPath, line: 1, column: 1), rule: .schemaRequired),
        ])
    }

    @Test func wrongTypeIsReportedAtTheValue() {
        let (manifest, diagnostics) = loadManifest(Self.validManifest + "keywords: 3\n")
        #expect(manifest == nil)
        #expect(diagnostics == [
            .error("'keywords' must be a list (one `- item` per line)", at: SourceLocation(path: Self.manifestPath, line: 4, column: 11), rule: .schemaType),
        ])
    }

    @Test func listWhereTextIsExpectedIsReportedAtTheValue() {
        let (manifest, diagnostics) = loadManifest("""
            title:
              - Colonoscopy
            summary: A test.
            reviewed: 2026-08-03

            """)
        #expect(manifest == nil)
        #expect(diagnostics == [
            .error("'title' must be text, not a list", at: SourceLocation(path: Self.manifestPath, line: 2, column: 3), rule: .schemaType),
        ])
    }

    @Test func impossibleDateIsReportedAtTheValue() {
        let (manifest, diagnostics) = loadManifest("""
            title: Colonoscopy
            summary: A test.
            reviewed: 2026-02-29

            """)
        #expect(manifest == nil)
        #expect(diagnostics == [
            .error("'reviewed' has day 29, which is out of range for 2026-02 (01 to 28), in '2026-02-29'", at: SourceLocation(path: Self.manifestPath, line: 3, column: 11), rule: .schemaDate),
        ])
    }

    @Test func dateInAnotherFormatIsAnError() {
        let (manifest, diagnostics) = loadManifest(Self.validManifest + "next_review: 03/08/2027\n")
        #expect(manifest == nil)
        #expect(diagnostics.map(\.message) == ["'next_review' must be a date written YYYY-MM-DD, got '03/08/2027'"])
        #expect(diagnostics.first?.location == SourceLocation(path: Self.manifestPath, line: 4, column: 14))
    }

    @Test func unknownManifestKeyWarnsWithSuggestion() throws {
        let (manifest, diagnostics) = loadManifest(Self.validManifest + "keywrods:\n  - bowel\n")
        #expect(manifest != nil)
        #expect(diagnostics == [
            .warning("unknown key 'keywrods'; did you mean 'keywords'?", at: SourceLocation(path: Self.manifestPath, line: 4, column: 1), rule: .schemaUnknownKey),
        ])
    }

    @Test func duplicateManifestKeyIsAnError() {
        let (manifest, diagnostics) = loadManifest(Self.validManifest + "summary: Again.\n")
        #expect(manifest == nil)
        #expect(diagnostics.map(\.message) == ["duplicate key 'summary'"])
        #expect(diagnostics.first?.severity == .error)
    }

    @Test func draftMustBeABoolean() {
        let (manifest, diagnostics) = loadManifest(Self.validManifest + "draft: maybe\n")
        #expect(manifest == nil)
        #expect(diagnostics == [
            .error("'draft' must be true or false", at: SourceLocation(path: Self.manifestPath, line: 4, column: 8), rule: .schemaType),
        ])
    }

    // MARK: section front matter

    @Test func unknownKindIsReportedAtItsValueWithSuggestion() {
        // YAML line 2 is file line 3: the opening `---` is file line 1.
        let (header, diagnostics) = loadHeader("title: When to get help\nkind: urgnet\n")
        #expect(header.kind == .info)
        #expect(diagnostics == [
            .error("unknown section kind 'urgnet' (expected one of info, emergency, urgent, non-urgent); did you mean 'urgent'?",
                   at: SourceLocation(path: Self.sectionPath, line: 3, column: 7), rule: .unknownKind),
        ])
    }

    @Test func unknownKindIsReportedAtTheSamePlaceByTheFullYAMLParser() {
        // The quoted title sends the header through Yams rather than the fast path.
        let (header, diagnostics) = loadHeader("title: \"When to get help\"\nkind: urgnet\n")
        #expect(header.kind == .info)
        #expect(diagnostics == [
            .error("unknown section kind 'urgnet' (expected one of info, emergency, urgent, non-urgent); did you mean 'urgent'?",
                   at: SourceLocation(path: Self.sectionPath, line: 3, column: 7), rule: .unknownKind),
        ])
    }

    @Test func kindOnFirstYAMLLineIsOnSecondFileLine() {
        let (_, diagnostics) = loadHeader("kind: emergncy\n")
        #expect(diagnostics.first?.location == SourceLocation(path: Self.sectionPath, line: 2, column: 7))
        #expect(diagnostics.first?.message.hasSuffix("did you mean 'emergency'?") == true)
    }

    @Test func unrelatedKindHasNoSuggestion() {
        let (_, diagnostics) = loadHeader("kind: warning\n")
        #expect(diagnostics.map(\.message) == [
            "unknown section kind 'warning' (expected one of info, emergency, urgent, non-urgent)",
        ])
    }

    @Test(arguments: [
        ("kind: info", SectionKind.info),
        ("kind: emergency", .emergency),
        ("kind: urgent", .urgent),
        ("kind: non-urgent", .nonUrgent),
        ("kind: \"non-urgent\"", .nonUrgent),
    ])
    func everyKindIsRecognised(line: String, kind: SectionKind) {
        let (header, diagnostics) = loadHeader(line + "\n")
        #expect(diagnostics.isEmpty)
        #expect(header.kind == kind)
    }

    @Test func emptyFrontMatterIsTheDefaultHeader() {
        let (header, diagnostics) = loadHeader("\n  \n")
        #expect(diagnostics.isEmpty)
        #expect(header == SectionHeader())
    }

    @Test(arguments: [
        ("title: Before you go", "title: \"Before you go\""),
        ("title: Before you go", "title: 'Before you go'"),
        ("title: Don't panic", "title: \"Don't panic\""),
        ("title: Before you go\nkind: urgent", "title: \"Before you go\"\nkind: urgent"),
        ("kind: emergency\ntitle: Call 999", "kind: emergency\ntitle: 'Call 999'"),
        ("title: 50% less", "title: '50% less'"),
        ("title: Ratio 1:2", "title: \"Ratio 1:2\""),
    ])
    func fastPathAndFullParserAgree(plain: String, quoted: String) {
        let (fast, fastDiagnostics) = loadHeader(plain + "\n")
        let (full, fullDiagnostics) = loadHeader(quoted + "\n")
        #expect(fastDiagnostics.isEmpty)
        #expect(fullDiagnostics.isEmpty)
        #expect(fast == full)
        #expect(fast.title != nil)
    }

    @Test func unknownFrontMatterKeyWarns() {
        let (header, diagnostics) = loadHeader("title: Risks\ntitel: Risks\n")
        #expect(header.title == "Risks")
        #expect(diagnostics == [
            .warning("unknown key 'titel'; did you mean 'title'?", at: SourceLocation(path: Self.sectionPath, line: 3, column: 1), rule: .schemaUnknownKey),
        ])
    }

    @Test func frontMatterSyntaxErrorIsOffsetByTheOpeningFence() throws {
        let (_, diagnostics) = loadHeader("title: [Risks\n")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.rule == .yaml)
        let line = try #require(diagnostic.location?.line)
        #expect(line >= 2)
    }
}
