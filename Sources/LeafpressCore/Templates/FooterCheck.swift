/// Makes sure a rendered page still carries the legal footers, so a custom template can
/// never silently drop the copyright or the medical disclaimer.
enum FooterCheck {
    /// A diagnostic naming the template when `html` lacks either text inside a `<footer>`.
    static func verify(_ html: String, copyrightHTML: String, disclaimerHTML: String,
                       template: String, page: String) -> Diagnostic? {
        guard let footerStart = html.range(of: "<footer") else {
            return .error("page '\(page)' has no <footer> with the copyright and disclaimer",
                          at: SourceLocation(path: template), rule: "footer")
        }
        let footer = html[footerStart.lowerBound...]
        var missing: [String] = []
        if !footer.contains(copyrightHTML) { missing.append("copyright") }
        if !footer.contains(disclaimerHTML) { missing.append("disclaimer") }
        guard !missing.isEmpty else { return nil }
        return .error("page '\(page)' is missing the \(missing.joined(separator: " and ")) in its footer; render {{{copyright_html}}} and {{{disclaimer_html}}} inside <footer>",
                      at: SourceLocation(path: template), rule: "footer")
    }
}
