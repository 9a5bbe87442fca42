import Foundation
import Yams

/// Interface text of the theme ("Contents", "Last reviewed", care-card labels), from
/// `templates/i18n/<lang>.yml`, falling back to English for anything not translated.
public struct UIStrings: Sendable {
    public private(set) var values: [String: String]
    public private(set) var months: [String]

    /// Built-in English, used when the theme has no `i18n/en.yml` or lacks a key.
    public static let english = UIStrings(values: [
        "skip_to_content": "Skip to main content",
        "home": "All leaflets",
        "contents": "Contents",
        "on_this_page": "On this page",
        "last_reviewed": "Last reviewed",
        "next_review": "Next review due",
        "reviewed_by": "Reviewed by",
        "authors": "Written by",
        "sources": "Sources",
        "leaflet_reference": "Leaflet reference",
        "care_setting": "Care setting",
        "emergency_label": "Emergency",
        "emergency_prefix": "Emergency advice:",
        "urgent_label": "Urgent",
        "urgent_prefix": "Urgent advice:",
        "non_urgent_label": "Non-urgent",
        "non_urgent_prefix": "Non-urgent advice:",
        "leaflets": "Leaflets",
        "leaflet_count_one": "1 leaflet",
        "leaflet_count_other": "{count} leaflets",
        "other_category": "Other topics",
        "not_found_title": "Page not found",
        "not_found_text": "We could not find that page. It may have moved, or the address may be mistyped.",
        "back_to_index": "Go to the list of all leaflets",
        "page_x_of_y": "Page {page} of {pages}",
        "print": "Print this leaflet",
        "download_pdf": "Download PDF",
        "online_at": "Read this leaflet online:",
        "qr_label": "QR code linking to",
        "pdf_label": "Standard print (PDF, {size} pt)",
        "pdf_large_label": "Large print (PDF, {size} pt)",
        "draft_print": "Draft — not for patient use",
        "legal": "Copyright and disclaimer",
        "draft_banner": "Draft — not for patient use",
        "draft_banner_text": "This leaflet has not been approved. Do not give it to patients.",
        "not_reviewed": "Not yet reviewed",
        "reference_short": "Ref {reference}",
        "version_short": "Version {version}",
        "document_control": "Document control",
        "owner": "Owner",
        "approved_by": "Approved by",
        "version_history": "Version history",
        "translation_stale": "The original of this leaflet has been updated since it was translated, so this translation may be out of date.",
        "translation_stale_link": "Read the updated original",
        "callout_note": "Note",
        "callout_tip": "Tip",
        "callout_important": "Important",
        "callout_warning": "Warning",
        "callout_caution": "Caution",
        "table_label": "Table",
    ], months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"])

    public init(values: [String: String], months: [String]) {
        self.values = values
        self.months = months
    }

    /// `key`'s text, or the key itself when no language has it (visible, never blank).
    public subscript(key: String) -> String { values[key] ?? key }

    /// English plus the theme's own file for `language` (then its primary subtag).
    static func load(theme: Theme, language: String, diagnostics: inout [Diagnostic]) -> UIStrings {
        var strings = english
        var candidates = ["en"]
        let primary = String(language.split(separator: "-").first ?? "en")
        if primary != "en" { candidates.append(primary) }
        if language != primary { candidates.append(language) }
        for candidate in candidates {
            let relative = "i18n/\(candidate).yml"
            let path = theme.files[relative]?.displayPath ?? relative
            let text: String
            switch theme.text(of: relative) {
            case nil: continue
            case .failure(let problem)?:
                diagnostics.append(problem)
                continue
            case .success(let found)?: text = found
            }
            guard let fields = YAMLFields.parse(text, path: path, lineOffset: 0, known: [], diagnostics: &diagnostics) else { continue }
            for key in fields.keys {
                if key == "months" {
                    let months = fields.stringList(key, diagnostics: &diagnostics)
                    if months.count == 12 { strings.months = months } else {
                        diagnostics.append(.error("'months' must list 12 month names", at: fields.location(of: key), rule: .i18n))
                    }
                } else if let value = fields.string(key, diagnostics: &diagnostics) {
                    strings.values[key] = value
                }
            }
        }
        return strings
    }

    /// A review date for people: `14 September 2026`.
    public func format(_ day: Day) -> String {
        let template = values["date_format"] ?? "{day} {month} {year}"
        return template.filling("{day}", with: String(day.day))
            .filling("{month}", with: months[day.month - 1])
            .filling("{year}", with: String(day.year))
    }
}
