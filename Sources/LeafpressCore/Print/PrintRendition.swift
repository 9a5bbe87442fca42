import Foundation

/// The copy of a leaflet page that Chromium prints to PDF in one profile. It is the
/// leaflet page rendered again with that profile's print style, written beside the page
/// (so images and the theme resolve the same way) and removed once the PDF exists.
enum PrintRendition {
    /// `.print-colonoscopy-large.html`, relative to the site (beside `colonoscopy.html`).
    static func page(slug: String, profile: PrintProfile) -> String {
        ".print-\(slug)-\(profile.rawValue).html"
    }

    /// Headings below a section's title become bold paragraphs in the printed copy, so the
    /// PDF's bookmark outline (which Chromium builds from every tagged heading) is the
    /// leaflet title followed by one bookmark per section. `html` is the Markdown stage's
    /// output, whose headings are plain `<hN …>` … `</hN>` elements.
    static func demotingSubheadings(_ html: String) -> String {
        var result = ""
        result.reserveCapacity(html.utf8.count + 64)
        var rest = Substring(html)
        while let open = rest.range(of: "<h") {
            let after = rest[open.upperBound...]
            guard let digit = after.first, ("3"..."6").contains(digit) else {
                result += rest[..<open.upperBound]
                rest = after
                continue
            }
            let tagEnd = after.index(after: after.startIndex)
            guard tagEnd < after.endIndex, after[tagEnd] == ">" || after[tagEnd] == " " else {
                result += rest[..<open.upperBound]
                rest = after
                continue
            }
            result += rest[..<open.lowerBound]
            result += "<p class=\"subheading subheading--\(digit)\""
            rest = after[tagEnd...]
            let close = "</h\(digit)>"
            if let end = rest.range(of: close) {
                result += rest[..<end.lowerBound]
                result += "</p>"
                rest = rest[end.upperBound...]
            }
        }
        result += rest
        return result
    }
}
