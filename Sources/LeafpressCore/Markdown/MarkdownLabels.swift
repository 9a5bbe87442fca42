/// Words the Markdown stage writes into the page itself (callout labels, the name of a
/// table without a caption), in the leaflet's language. The renderer fills them from
/// `templates/i18n/<lang>.yml`; the defaults are English.
public struct MarkdownLabels: Sendable, Equatable {
    public var note = "Note"
    public var tip = "Tip"
    public var important = "Important"
    public var warning = "Warning"
    public var caution = "Caution"
    /// Names a table without a caption for assistive technology: "Table: Time, Dose".
    public var table = "Table"

    public init() {}

    /// The visible label of a callout level.
    public func label(for level: Callout.Level) -> String {
        switch level {
        case .note: note
        case .tip: tip
        case .important: important
        case .warning: warning
        case .caution: caution
        }
    }
}

extension MarkdownLabels {
    /// The labels from a language's interface strings (`callout_note`… and `table_label`).
    init(strings: UIStrings) {
        note = strings["callout_note"]
        tip = strings["callout_tip"]
        important = strings["callout_important"]
        warning = strings["callout_warning"]
        caution = strings["callout_caution"]
        table = strings["table_label"]
    }
}
