/// Makes sure a rendered page still carries the legal footers, so a custom template can
/// never silently drop the copyright or the medical disclaimer.
enum FooterCheck {
    /// A diagnostic naming the template when `html` lacks either text inside a `<footer>`.
    static func verify(_ html: String, copyrightHTML: String, disclaimerHTML: String,
                       template: String, page: String) -> Diagnostic? {
        var html = html
        var missing: [String] = []
        let found: Bool = html.withUTF8 { page in
            guard let start = ByteSearch.find("<footer", in: page) else { return false }
            let footer = UnsafeBufferPointer(rebasing: page[start...])
            if ByteSearch.find(copyrightHTML, in: footer) == nil { missing.append("copyright") }
            if ByteSearch.find(disclaimerHTML, in: footer) == nil { missing.append("disclaimer") }
            return true
        }
        guard found else {
            return .error("page '\(page)' has no <footer> with the copyright and disclaimer",
                          at: SourceLocation(path: template), rule: .footer)
        }
        guard !missing.isEmpty else { return nil }
        return .error("page '\(page)' is missing the \(missing.joined(separator: " and ")) in its footer; render {{{copyright_html}}} and {{{disclaimer_html}}} inside <footer>",
                      at: SourceLocation(path: template), rule: .footer)
    }
}
