import Testing
import LeafpressCore

@Suite("CSS strings")
struct CSSStringTests {
    @Test func plainTextIsDoubleQuoted() {
        #expect(CSSString.quoted("Colonoscopy") == "\"Colonoscopy\"")
    }

    @Test func doubleQuotesAreEscaped() {
        #expect(CSSString.quoted("Say \"ah\"") == #""Say \"ah\"""#)
    }

    @Test func backslashesAreEscaped() {
        #expect(CSSString.quoted(#"C:\leaflets"#) == #""C:\\leaflets""#)
    }

    @Test func newlineBecomesCSSLineBreak() {
        #expect(CSSString.quoted("line one\nline two") == #""line one\A line two""#)
    }

    @Test func apostropheIsKeptAsIs() {
        #expect(CSSString.quoted("Don't drive") == "\"Don't drive\"")
        #expect(CSSString.quoted("doesn’t") == "\"doesn’t\"")
    }

    @Test func lessThanIsEscapedSoStyleCannotBeClosed() {
        #expect(CSSString.quoted("</style>") == #""\3C /style>""#)
    }

    @Test func controlCharactersAreHexEscaped() {
        #expect(CSSString.quoted("a\tb") == #""a\9 b""#)
    }

    @Test func nonASCIIIsKept() {
        #expect(CSSString.quoted("© 2026 Riverside – Día") == "\"© 2026 Riverside – Día\"")
    }
}
