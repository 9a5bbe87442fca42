import Mustache

/// The values of `print.css.mustache`: CSS string literals, already quoted, not HTML.
struct PrintStyle: Sendable, MustacheParent {
    /// `A4` or `letter`, as `@page { size: … }` takes it.
    var paper: String
    var titleCSS: String
    var copyrightCSS: String
    var disclaimerCSS: String
    /// `"Page " counter(page) " of " counter(pages)` in the page's language.
    var pageCounterCSS: String
    /// The leaflet's "Ref … · Version … · Last reviewed …" line (`""` on index pages).
    var controlCSS: String

    func child(named name: String) -> Any? {
        switch name {
        case "paper": paper
        case "title_css": titleCSS
        case "copyright_css": copyrightCSS
        case "disclaimer_css": disclaimerCSS
        case "page_counter_css": pageCounterCSS
        case "control_css": controlCSS
        default: nil
        }
    }
}
