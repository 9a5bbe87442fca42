/// Renders short texts such as the copyright and disclaimer, which may use inline Markdown
/// (emphasis, links) but must not open blocks of their own.
public enum InlineMarkdown {
    /// HTML without the wrapping `<p>`, or with paragraphs kept when there are several.
    public static func html(_ text: String, unsafeHTML: Bool = false) -> String {
        var options = MarkdownOptions()
        options.unsafeHTML = unsafeHTML
        options.sectionHeadings = false
        options.extensions = false
        var keep = KeepLinks()
        var html = MarkdownConverter.convert(text[...], options: options, links: &keep).html
        while html.hasSuffix("\n") { html.removeLast() }
        if html.hasPrefix("<p>"), html.hasSuffix("</p>"), !html.dropFirst(3).contains("<p>") {
            html = String(html.dropFirst(3).dropLast(4))
        }
        return html
    }

    /// The same text without any markup, for CSS strings and meta tags.
    public static func plainText(_ text: String) -> String {
        var options = MarkdownOptions()
        options.sectionHeadings = false
        options.extensions = false
        options.collectText = true
        var keep = KeepLinks()
        let document = MarkdownConverter.convert(text[...], options: options, links: &keep)
        return document.textBlocks.map(\.text).joined(separator: " ")
    }
}
