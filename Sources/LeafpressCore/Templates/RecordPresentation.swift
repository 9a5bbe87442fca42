/// A leaflet's document-control record as pages show it: the "Ref GI-014 · Version 3"
/// line beside the review date, owner, sign-offs and version history in the reader's
/// language, and the notice a translation shows when its original has moved on.
struct RecordPresentation: Sendable, MustacheObject {
    /// A date as `datetime` and as people read it.
    struct ShownDay: Sendable, MustacheObject {
        var iso: String
        var display: String

        func mustacheValue(forKey key: String) -> MustacheValue? {
            switch key {
            case "iso": .string(iso)
            case "display": .string(display)
            default: nil
            }
        }
    }

    struct Approval: Sendable, MustacheObject {
        var name: String
        var role: String
        var date: ShownDay

        func mustacheValue(forKey key: String) -> MustacheValue? {
            switch key {
            case "name": .string(name)
            case "role": .string(role)
            case "date": .object(date)
            default: nil
            }
        }
    }

    struct Change: Sendable, MustacheObject {
        var version: Int
        /// "Version 3" in the page's language.
        var label: String
        var date: ShownDay
        var summary: String

        func mustacheValue(forKey key: String) -> MustacheValue? {
            switch key {
            case "version": .int(version)
            case "label": .string(label)
            case "date": .object(date)
            case "summary": .string(summary)
            default: nil
            }
        }
    }

    /// The notice on a translation made from an older version of its original.
    struct StaleNotice: Sendable, MustacheObject {
        var text: String
        var linkText: String
        /// Relative link to the original's page.
        var href: String
        /// Language and direction of the original, for `hreflang`.
        var language: String

        func mustacheValue(forKey key: String) -> MustacheValue? {
            switch key {
            case "text": .string(text)
            case "link_text": .string(linkText)
            case "href": .string(href)
            case "lang": .string(language)
            case "dir": .string(LanguageTag.direction(of: language))
            default: nil
            }
        }
    }

    /// "Ref GI-014 · Version 3"; nil when the leaflet has neither.
    var line: String?
    var reference: String?
    var version: Int?
    var owner: String?
    var approvals: [Approval]
    var changes: [Change]
    var stale: StaleNotice?

    init(_ manifest: LeafletManifest, strings: UIStrings, original: SiteDirectory.Entry?) {
        let control = manifest.control
        line = Self.line(control, strings: strings)
        reference = control.reference
        version = control.version
        owner = control.owner
        func shown(_ day: Day) -> ShownDay { ShownDay(iso: day.description, display: strings.format(day)) }
        approvals = control.approvals.map { Approval(name: $0.name, role: $0.role, date: shown($0.date)) }
        changes = control.changes.map { Change(version: $0.version, label: strings["version_short"].filling("{version}", with: String($0.version)), date: shown($0.date), summary: $0.summary) }
        if let original, let current = original.version, let source = control.sourceVersion, source < current {
            stale = StaleNotice(text: strings["translation_stale"], linkText: strings["translation_stale_link"],
                                href: SiteLayout.page(of: original.slug), language: original.language)
        }
    }

    /// "Ref GI-014 · Version 3" in the page's language, or the half that exists.
    static func line(_ control: DocumentControl, strings: UIStrings) -> String? {
        var parts: [String] = []
        if let reference = control.reference { parts.append(strings["reference_short"].filling("{reference}", with: reference)) }
        if let version = control.version { parts.append(strings["version_short"].filling("{version}", with: String(version))) }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// Template values under `leaflet.record` (see README, "Templates").
    func mustacheValue(forKey key: String) -> MustacheValue? {
        switch key {
        case "approvals": .list(approvals)
        case "has_approvals": .bool(!approvals.isEmpty)
        case "changes": .list(changes)
        case "has_changes": .bool(!changes.isEmpty)
        case "line": .init(line)
        case "reference": .init(reference)
        case "version": .init(version)
        case "owner": .init(owner)
        case "stale": .init(stale)
        default: nil
        }
    }
}
