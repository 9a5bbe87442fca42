/// The publisher's settings from `content/site.yml`.
public struct SiteConfig: Sendable, Equatable {
    /// Paper size for print and PDF.
    public enum Paper: String, Sendable, CaseIterable {
        case a4 = "A4"
        case a5 = "A5"
        case letter = "Letter"
    }

    /// Thresholds for the readability report of `leafpress check`.
    public struct Readability: Sendable, Equatable {
        public var maxGrade: Double = 8
        public var maxSentenceWords: Int = 25
        public init() {}

        /// School grades a reading-age limit can name (Flesch-Kincaid runs to about 20
        /// for academic prose).
        static let gradeRange: ClosedRange<Double> = 1...30
        /// Words per sentence a limit can name.
        static let sentenceWordsRange: ClosedRange<Int> = 5...200
    }

    public var title: String
    public var publisher: String
    /// Plain text or inline Markdown.
    public var copyright: String
    /// Plain text or inline Markdown.
    public var disclaimer: String
    public var language: String = "en"
    public var baseURL: String?
    public var paper: Paper = .a4
    /// Editions `leafpress pdf` prints (`print:`): clear print, and large print on request.
    public var print: [PrintProfile] = [.standard]
    public var readability = Readability()
    /// `logo`, `logo_alt`, `accent_color`, `accent_text_color`.
    public var branding = Branding()
    /// `pdf: true`: `build` prints every leaflet's PDF editions in every build.
    public var pdf = false
    /// Where `pdf` was written, for the message when no browser can print.
    public var pdfLocation: SourceLocation?
    public var unsafeHTML = false
    /// `governance:`: approvals and review ages.
    public var governance = GovernanceSettings()
    /// `rules:`: the level of each rule on this site.
    public var rules = RuleLevels()
    /// Shared blocks every leaflet that is not a draft must include (`required_blocks`).
    public var requiredBlocks: [String] = []
    /// Where `required_blocks` was written, for messages about its names.
    public var requiredBlocksLocation: SourceLocation?

    public init(title: String, publisher: String, copyright: String, disclaimer: String) {
        self.title = title
        self.publisher = publisher
        self.copyright = copyright
        self.disclaimer = disclaimer
    }

    static let keys = ["title", "publisher", "copyright", "disclaimer", "language", "base_url", "paper", "print", "readability", "pdf", "logo", "logo_alt", "accent_color", "accent_text_color", "unsafe_html", "governance", "rules", "required_blocks"]

    /// Reads `site.yml`; nil when a required key is missing or a value is unusable.
    static func load(yaml: String, path: String, diagnostics: inout [Diagnostic]) -> SiteConfig? {
        let before = diagnostics.count
        guard let fields = YAMLFields.parse(yaml, path: path, lineOffset: 0, known: keys, diagnostics: &diagnostics) else { return nil }
        fields.reportUnknownKeys(diagnostics: &diagnostics)
        let title = fields.string("title", required: true, diagnostics: &diagnostics)
        let publisher = fields.string("publisher", required: true, diagnostics: &diagnostics)
        let copyright = fields.string("copyright", required: true, diagnostics: &diagnostics)
        let disclaimer = fields.string("disclaimer", required: true, diagnostics: &diagnostics)
        guard let title, let publisher, let copyright, let disclaimer else { return nil }
        var config = SiteConfig(title: title, publisher: publisher, copyright: copyright, disclaimer: disclaimer)
        if let language = fields.string("language", diagnostics: &diagnostics) {
            if LanguageTag.isValid(language) {
                config.language = LanguageTag.canonical(language)
            } else {
                diagnostics.append(.error("'language' must be a BCP 47 tag such as 'en' or 'es-MX', got '\(language)'", at: fields.valueLocation(of: "language"), rule: .schemaLanguage))
            }
        }
        if let url = fields.string("base_url", diagnostics: &diagnostics) {
            switch BaseURL.validate(url) {
            case .success(let valid): config.baseURL = valid
            case .failure(let problem):
                diagnostics.append(.error(problem.message(for: "'base_url'"), at: fields.valueLocation(of: "base_url"), rule: .schemaURL))
            }
        }
        if let paper = fields.string("paper", diagnostics: &diagnostics) {
            if let value = Paper.allCases.first(where: { $0.rawValue.lowercased() == paper.lowercased() }) {
                config.paper = value
            } else {
                diagnostics.append(.error("unknown paper '\(paper)' (expected A4, A5 or Letter)", at: fields.valueLocation(of: "paper"), rule: .schemaPaper))
            }
        }
        if fields.keys.contains("print") {
            var profiles: [PrintProfile] = []
            let reported = diagnostics.count
            for name in fields.stringList("print", diagnostics: &diagnostics) {
                if let profile = PrintProfile(rawValue: name.lowercased()) {
                    if !profiles.contains(profile) { profiles.append(profile) }
                } else {
                    diagnostics.append(.error("unknown print edition '\(name)' (expected standard or large)", at: fields.valueLocation(of: "print"), rule: .schemaPrint))
                }
            }
            if profiles.isEmpty && diagnostics.count == reported {
                diagnostics.append(.error("'print' must list at least one of standard, large", at: fields.valueLocation(of: "print"), rule: .schemaPrint))
            }
            config.print = profiles.sorted()
        }
        if let readability = fields.mapping("readability", known: ["max_grade", "max_sentence_words"], diagnostics: &diagnostics) {
            readability.reportUnknownKeys(diagnostics: &diagnostics)
            if let grade = readability.number("max_grade", in: Readability.gradeRange, diagnostics: &diagnostics) {
                config.readability.maxGrade = grade
            }
            if let words = readability.int("max_sentence_words", in: Readability.sentenceWordsRange, diagnostics: &diagnostics) {
                config.readability.maxSentenceWords = words
            }
        }
        config.unsafeHTML = fields.bool("unsafe_html", diagnostics: &diagnostics) ?? false
        config.branding = Branding.load(fields, yaml: yaml, diagnostics: &diagnostics)
        config.pdf = fields.bool("pdf", diagnostics: &diagnostics) ?? false
        if fields.has("pdf") { config.pdfLocation = fields.valueLocation(of: "pdf") }
        if let governance = fields.mapping("governance", known: GovernanceSettings.keys, diagnostics: &diagnostics) {
            config.governance = GovernanceSettings.load(governance, diagnostics: &diagnostics)
        }
        if let rules = fields.mapping("rules", known: Rule.allCases.map(\.id), diagnostics: &diagnostics) {
            config.rules = RuleLevels.load(rules, diagnostics: &diagnostics)
        }
        if fields.has("required_blocks") {
            config.requiredBlocks = fields.stringList("required_blocks", diagnostics: &diagnostics)
            config.requiredBlocksLocation = fields.valueLocation(of: "required_blocks")
        }
        return diagnostics[before...].hasErrors ? nil : config
    }
}

extension ArraySlice where Element == Diagnostic {
    var hasErrors: Bool { contains { $0.severity == .error } }
}
