/// The publisher's branding from `site.yml`: a logo under `content/assets/` and an accent
/// colour, used by the default theme on screen and in print without forking it.
public struct Branding: Sendable, Equatable {
    /// The logo's path below `content/assets/` (`trust-logo.svg`).
    public var logo: String?
    /// What a screen reader reads for the logo (`logo_alt`).
    public var logoAlt: String?
    /// Where `logo` was written, for the check that the file exists.
    public var logoLocation: SourceLocation?
    /// `accent_color`: header band, title rule and printed title.
    public var accentColor: RGBColor?
    /// `accent_text_color`: the colour of text on the accent band (default white).
    public var accentTextColor = RGBColor.white

    /// The contrast WCAG 2 asks of normal text (success criterion 1.4.3).
    public static let minimumContrast = 4.5
    static let imageExtensions: Set<String> = ["svg", "png", "jpg", "jpeg", "gif", "webp", "avif"]

    public init() {}

    /// The theme's `brand.css`: the accent as custom properties the default stylesheet uses.
    var stylesheet: String? {
        guard let accentColor else { return nil }
        return "/* Written by Leafpress from site.yml accent_color and accent_text_color. */\n"
            + ":root { --accent: \(accentColor.hex); --accent-text: \(accentTextColor.hex); }\n"
    }

    /// Reads `logo`, `logo_alt`, `accent_color` and `accent_text_color`. `yaml` is the file's
    /// text, to catch a colour YAML read as a comment (`accent_color: #1a5c8a`).
    static func load(_ fields: YAMLFields, yaml: String, diagnostics: inout [Diagnostic]) -> Branding {
        var branding = Branding()
        if let logo = fields.string("logo", diagnostics: &diagnostics) {
            let relative = logo.hasPrefix("assets/") ? String(logo.dropFirst("assets/".count)) : logo
            let ext = relative.split(separator: ".").last.map { $0.lowercased() } ?? ""
            if PathSafety.normalise(relative) == nil || relative.hasPrefix("/") || relative.isEmpty {
                diagnostics.append(.error("'logo' must name a file under content/assets/, such as 'trust-logo.svg'", at: fields.valueLocation(of: "logo"), rule: .schemaType))
            } else if !imageExtensions.contains(ext) {
                diagnostics.append(.error("'logo' must be an image (SVG, PNG, JPEG, GIF, WebP or AVIF), got '\(logo)'", at: fields.valueLocation(of: "logo"), rule: .schemaType))
            } else {
                branding.logo = relative
                branding.logoLocation = fields.valueLocation(of: "logo")
            }
            branding.logoAlt = fields.string("logo_alt", diagnostics: &diagnostics)
            if branding.logoAlt == nil {
                diagnostics.append(.error("'logo' needs 'logo_alt': the text a screen reader reads instead of the logo, such as the organisation's name",
                                          at: fields.location(of: "logo"), rule: .schemaRequired))
            }
        } else if fields.has("logo_alt") {
            diagnostics.append(.warning("'logo_alt' has no 'logo' to describe", at: fields.location(of: "logo_alt"), rule: .schemaUnknownKey))
        }
        branding.accentColor = color("accent_color", fields, yaml: yaml, diagnostics: &diagnostics)
        if let text = color("accent_text_color", fields, yaml: yaml, diagnostics: &diagnostics) { branding.accentTextColor = text }
        guard let accent = branding.accentColor else { return branding }
        let at = fields.valueLocation(of: "accent_color")
        let onWhite = accent.contrast(with: .white)
        if onWhite < minimumContrast {
            var message = "accent_color \(accent.hex) has a contrast of \(ratio(onWhite)) against white; as text and lines on the white page it needs at least 4.5:1"
            if let darker = accent.darkened(toContrast: minimumContrast, with: .white) { message += "; a darker shade such as \(darker.hex) has \(ratio(darker.contrast(with: .white)))" }
            diagnostics.append(.error(message, at: at, rule: .brandContrast))
        }
        let withText = accent.contrast(with: branding.accentTextColor)
        if withText < minimumContrast {
            let textAt = fields.has("accent_text_color") ? fields.valueLocation(of: "accent_text_color") : at
            diagnostics.append(.error("accent_color \(accent.hex) has a contrast of \(ratio(withText)) against the text it carries (accent_text_color \(branding.accentTextColor.hex)); the header text on it needs at least 4.5:1",
                                      at: textAt, rule: .brandContrast))
        }
        return branding
    }

    /// `3.98:1`: rounded down, so a ratio just under the limit never prints as 4.50.
    private static func ratio(_ value: Double) -> String {
        let floored = (value * 100).rounded(.down) / 100
        return String(format: "%.2f:1", floored)
    }

    private static func color(_ key: String, _ fields: YAMLFields, yaml: String, diagnostics: inout [Diagnostic]) -> RGBColor? {
        guard fields.keys.contains(key) else { return nil }
        guard fields.has(key) else {
            // `accent_color: #1a5c8a`: YAML reads everything from " #" as a comment.
            let line = fields.location(of: key).line ?? 0
            let source = yaml.split(separator: "\n", omittingEmptySubsequences: false)
            if line >= 1, line <= source.count, let hash = source[line - 1].firstIndex(of: "#") {
                let written = source[line - 1][hash...].split(separator: " ").first.map(String.init) ?? "#"
                diagnostics.append(.error("YAML reads '\(written)' as a comment, so '\(key)' is empty; put the colour in quotes: \(key): \"\(written)\"",
                                          at: fields.location(of: key), rule: .schemaType))
            }
            return nil
        }
        guard let text = fields.string(key, diagnostics: &diagnostics) else { return nil }
        guard let value = RGBColor(hex: text) else {
            diagnostics.append(.error("'\(key)' must be a colour written \"#rrggbb\" (in quotes), such as \"#1a5c8a\"; got '\(text)'",
                                      at: fields.valueLocation(of: key), rule: .schemaType))
            return nil
        }
        return value
    }
}
