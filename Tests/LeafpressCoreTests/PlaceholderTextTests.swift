import Testing
@testable import LeafpressCore

/// `filling` replaces interface-string placeholders as `replacingOccurrences` did.
@Suite("Placeholder text")
struct PlaceholderTextTests {
    @Test(arguments: [
        ("{day} {month} {year}", "{day}", "14", "14 {month} {year}"),
        ("Página {page} de {pages}", "{page}", "888", "Página 888 de {pages}"),
        ("{v}{v}-{v}", "{v}", "ü", "üü-ü"),
        ("no placeholder", "{x}", "y", "no placeholder"),
        ("{{x}", "{x}", "1", "{1"),
        ("الإصدار {version}", "{version}", "3", "الإصدار 3"),
    ])
    func fillsEveryOccurrence(_ text: String, _ placeholder: String, _ value: String, _ expected: String) {
        #expect(text.filling(placeholder, with: value) == expected)
        #expect(text.filling(placeholder, with: value) == text.replacingOccurrences(of: placeholder, with: value))
    }
}
