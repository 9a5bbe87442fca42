/// The catalog of every rule a finding can carry: its id (printed as `[rule-id]`), the
/// level it has unless `site.yml` `rules:` says otherwise, and a one-line summary that the
/// README's rule table repeats (a test compares the two).
///
/// To add a rule: add a case here with its id, level and summary, add a row to the README
/// table, and plant one fault for it in the check fixture (`CheckFixture`), or list it in
/// `CheckFixture.plantedElsewhere` with the test that covers it.
public enum Rule: String, CaseIterable, Sendable, Hashable, Comparable, CustomStringConvertible {
    // Settings and metadata (site.yml, leaflet.yml, front matter).
    case schemaUnknownKey = "schema-unknown-key"
    case schemaRequired = "schema-required"
    case schemaType = "schema-type"
    case schemaDate = "schema-date"
    case schemaLanguage = "schema-language"
    case schemaPaper = "schema-paper"
    case schemaPrint = "schema-print"
    case schemaRange = "schema-range"
    case schemaURL = "schema-url"
    case unknownRule = "unknown-rule"
    case brandContrast = "brand-contrast"
    case placeholder
    case yaml
    case yamlLimits = "yaml-limits"
    case frontMatter = "front-matter"
    case encoding
    case io
    // Folders and files.
    case layout
    case slug
    case symlink
    case symlinkLoop = "symlink-loop"
    case specialFile = "special-file"
    case fileName = "file-name"
    case sectionsMissing = "sections-missing"
    case sectionsUnlisted = "sections-unlisted"
    case sectionsListed = "sections-listed"
    case sectionFileName = "section-file-name"
    case unusedFile = "unused-file"
    case pdfDropped = "pdf-dropped"
    case translationMissing = "translation-missing"
    // Document control (leaflet.yml record, site.yml governance).
    case referenceDuplicate = "reference-duplicate"
    case changesVersion = "changes-version"
    case approvalMissing = "approval-missing"
    case translationStale = "translation-stale"
    case versionNotRaised = "version-not-raised"
    case manifest
    // Sections.
    case unknownKind = "unknown-kind"
    case emptySection = "empty-section"
    case sectionTitle = "section-title"
    case headingSkip = "heading-skip"
    case noCareCard = "no-care-card"
    case rawHTML = "raw-html"
    case unsafeLink = "unsafe-link"
    case brokenLink = "broken-link"
    case missingAsset = "missing-asset"
    case imageAlt = "image-alt"
    // Shared blocks, tables.
    case blockUnknown = "block-unknown"
    case blockCycle = "block-cycle"
    case blockTranslation = "block-translation"
    case blockRequired = "block-required"
    case blockName = "block-name"
    case blockInline = "block-inline"
    case tableCaption = "table-caption"
    // Review dates.
    case reviewFuture = "review-future"
    case reviewOverdue = "review-overdue"
    case reviewDueSoon = "review-due-soon"
    // Health literacy (`check` only).
    case readabilityGrade = "readability-grade"
    case sentenceLength = "sentence-length"
    case jargon
    case passiveVoice = "passive-voice"
    // Theme, output and printing.
    case templates
    case themeUnknownFile = "theme-unknown-file"
    case template
    case footer
    case i18n
    case output
    case pdf
    case printFooter = "print-footer"

    /// The id as printed and as written in `site.yml` `rules:`.
    public var id: String { rawValue }
    public var description: String { rawValue }

    public static func < (lhs: Rule, rhs: Rule) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Level of a finding of this rule when `site.yml` does not set one.
    public var defaultLevel: Diagnostic.Severity {
        switch self {
        case .schemaUnknownKey, .headingSkip, .noCareCard, .unsafeLink, .unusedFile, .pdfDropped, .sectionFileName,
             .themeUnknownFile,
             .reviewOverdue, .reviewDueSoon, .translationStale, .versionNotRaised, .blockInline, .tableCaption, .readabilityGrade, .sentenceLength, .jargon, .passiveVoice:
            return .warning
        default:
            return .error
        }
    }

    /// Whether `site.yml` `rules:` may lower this rule to a warning or turn it off. Only
    /// rules that are warnings by default: an error means the site would be wrong or
    /// would lose text, so it can never be waved through. Any rule can be raised to an error.
    public var canBeLowered: Bool { defaultLevel == .warning }

    /// One line saying what the rule finds (the README's rule table has the same text).
    public var summary: String {
        switch self {
        case .schemaUnknownKey: "a key the schema does not know, with \"did you mean\" for near misses"
        case .schemaRequired: "a required key missing or empty"
        case .schemaType: "a value of the wrong type (text, list, true/false, number, URL)"
        case .schemaDate: "a date that is not a real `YYYY-MM-DD`, naming the part out of range"
        case .schemaLanguage: "a `language` that is not a BCP 47 tag"
        case .schemaPaper: "a `paper` other than A4, A5 or Letter"
        case .schemaRange: "a number outside its range (`max_grade` 1–30, `max_sentence_words` 5–200), or not finite"
        case .schemaURL: "a `base_url` that is not an http(s) URL with a host and no query, fragment or control character"
        case .schemaPrint: "a `print` edition other than standard or large, or an empty list"
        case .brandContrast: "an `accent_color` with less than 4.5:1 contrast against white or against `accent_text_color`, with a darker shade to use"
        case .unknownRule: "a rule id in `site.yml` `rules:` that does not exist, or a level it cannot have"
        case .placeholder: "scaffold text (\"Replace this …\") or an empty key left in a leaflet that is not a draft"
        case .yaml: "YAML that does not parse (with the fixed line for unquoted colons) or has duplicate keys"
        case .yamlLimits: "YAML that uses anchors or aliases, nests too deeply or is too large"
        case .frontMatter: "front matter opened with `---` and never closed"
        case .encoding: "a file that is not valid UTF-8"
        case .io: "a file that cannot be read"
        case .layout: "a content folder without `leaflets/`, a leaflet without `leaflet.yml`, a misnamed `leaflet.yml`"
        case .slug: "a folder name that is not a slug, or one the site reserves (`theme`, `assets`, a language folder)"
        case .symlink: "a symbolic link that leaves the content or templates folder, or points to nothing"
        case .symlinkLoop: "symbolic links that loop, or a link to a folder that would be copied twice"
        case .specialFile: "a FIFO, socket or device where a file should be"
        case .fileName: "a file name that is not valid UTF-8 or contains a control character"
        case .sectionsMissing: "`sections:` names a missing file, or a leaflet has no section files"
        case .sectionsUnlisted: "a `.md` file that `sections:` does not list"
        case .sectionsListed: "a file listed twice in `sections:`"
        case .sectionFileName: "a file that looks like a section but is not one (`.markdown`, `.MD`, numbered `.txt`)"
        case .unusedFile: "a file in a leaflet folder that no section links to; it is not published"
        case .pdfDropped: "a PDF of the previous site left out because its leaflet, a file it shows or the theme changed since it was printed"
        case .translationMissing: "`translation_of` names a leaflet that does not exist"
        case .referenceDuplicate: "two leaflets share a `reference`"
        case .changesVersion: "`changes` is not newest first, or its newest entry is not the current `version`"
        case .approvalMissing: "with `governance.require_approval`, no `approved` entry dated on or after `reviewed`"
        case .translationStale: "a translation made from an older `version` of its original, or without `source_version`"
        case .versionNotRaised: "`report changes`: a leaflet whose sources changed since the old manifest but whose `version` did not go up"
        case .manifest: "`report changes`: a `manifest.json` that cannot be read or is not a Leafpress manifest"
        case .unknownKind: "a section `kind` other than info, emergency, urgent, non-urgent"
        case .emptySection: "a section with no content"
        case .sectionTitle: "a section with no title"
        case .headingSkip: "a heading level that jumps (`##` to `####`)"
        case .noCareCard: "a leaflet without an emergency, urgent or non-urgent care card"
        case .rawHTML: "raw HTML other than `<sup>`, `<sub>`, `<br>` while `unsafe_html` is off, with the Markdown to use"
        case .unsafeLink: "a `javascript:`, `vbscript:`, `data:` or `file:` address, or an `on…` attribute in raw HTML, which is removed (link text stays)"
        case .brokenLink: "a link to a leaflet, section or `#anchor` that does not exist, a draft, or outside `content/`"
        case .missingAsset: "an image, or the `site.yml` `logo`, that does not exist"
        case .imageAlt: "an image without alt text"
        case .blockUnknown: "`{{> NAME}}` or `required_blocks` names a block that does not exist, with \"did you mean\""
        case .blockCycle: "a shared block that includes itself, directly or through other blocks"
        case .blockTranslation: "a leaflet in a language its included block has no `NAME.LANG.md` for"
        case .blockRequired: "a leaflet that is not a draft and does not include a block of `required_blocks`"
        case .blockName: "a file in `content/blocks/` not named `NAME.md` or `NAME.LANG.md`"
        case .blockInline: "`{{> NAME}}` written inside other text, where it includes nothing"
        case .tableCaption: "a table without a `Table: …` caption paragraph right before it"
        case .reviewFuture: "`reviewed` is in the future"
        case .reviewOverdue: "the next review (`next_review`, or `reviewed` plus `governance.max_review_age` months) has passed"
        case .reviewDueSoon: "`next_review` is within `governance.review_due_soon` days (default 90)"
        case .readabilityGrade: "a leaflet's Flesch-Kincaid grade is above `readability.max_grade` (default 8)"
        case .sentenceLength: "a sentence longer than `readability.max_sentence_words` (default 25), at its line"
        case .jargon: "a term from the plain-language list (US and UK spellings), with the plainer word to use"
        case .passiveVoice: "a passive construction (a heuristic)"
        case .templates: "the templates folder named with `--templates` is missing or not a folder"
        case .themeUnknownFile: "a file in templates/ that the built-in theme does not have and no template includes (a misspelt override), with \"did you mean\""
        case .template: "a template with a Mustache syntax error"
        case .footer: "a page rendered without the copyright or disclaimer in its `<footer>`"
        case .i18n: "an interface-text file (`i18n/<lang>.yml`) with a wrong value"
        case .output: "the output folder cannot be used or written"
        case .pdf: "a leaflet that could not be printed to PDF, an unknown slug to print, or `pdf: true` with no browser"
        case .printFooter: "a disclaimer and copyright so long that, at their print size, the page margins leave under a third of the page"
        }
    }

    /// The rule with this id, or nil.
    public init?(id: String) { self.init(rawValue: id) }
}
