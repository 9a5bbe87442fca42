import Testing
@testable import LeafpressCore

/// `unsafe_html: true` lets raw HTML through, but never a dangerous address or an event
/// handler, however it is spelled.
@Suite("HTML sanitiser")
struct HTMLSanitizerTests {
    func clean(_ html: String) -> String { HTMLSanitizer.sanitize(html).html }

    /// Every way of writing a script address that browsers accept.
    static let obfuscatedScripts = [
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "\tjavascript:alert(1)",
        "java\tscript:alert(1)", "java\nscript:alert(1)", "java&#x09;script:alert(1)", "java&Tab;script:alert(1)",
        "&#106;avascript:alert(1)", "&#x6A;avascript:alert(1)", "&#0000106avascript:alert(1)", "&#x6a&#x61vascript:alert(1)",
        "javascript&colon;alert(1)", "javascript&#58;alert(1)", "javascript&#x3A;alert(1)", "&#1;javascript:alert(1)",
        "vbscript:msgbox(1)", "VBScript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD4=", "DATA:image/svg+xml,<svg/onload=alert(1)>",
        "file:///etc/passwd", "javascript\u{0}:alert(1)", "\u{FEFF}javascript:alert(1)",
    ]

    @Test(arguments: obfuscatedScripts)
    func scriptAddressesAreRemovedFromHref(address: String) {
        for quote in ["\"", "'"] where !address.contains(quote) {
            let result = clean("<a href=\(quote)\(address)\(quote)>text</a>")
            #expect(result == "<a >text</a>", "\(address)")
        }
    }

    @Test(arguments: ["src", "srcset", "action", "formaction", "xlink:href", "poster", "data", "background", "SRC", "HREF"])
    func everyURLAttributeIsChecked(attribute: String) {
        #expect(clean("<x \(attribute)=\"javascript:alert(1)\">") == "<x >")
        #expect(clean("<x \(attribute)=javascript:alert(1)>") == "<x >")
    }

    @Test func safeAddressesStay() {
        for html in ["<a href=\"https://nhs.uk/a?b=c#d\">x</a>", "<a href=\"../x/\">x</a>", "<a href=\"mailto:a@b.org\">x</a>",
                     "<a href=\"tel:+441234\">x</a>", "<img src=\"pic.png\" alt=\"a: b\">", "<a href=\"notes/javascript:1.txt\">x</a>",
                     "<a href=\"#top\" title=\"javascript: how it works\">x</a>"] {
            #expect(clean(html) == html)
            #expect(HTMLSanitizer.sanitize(html).removed.isEmpty)
        }
    }

    @Test func eventHandlersAreRemovedWhateverTheirSpelling() {
        #expect(clean("<img src=\"x.png\" onerror=\"alert(1)\" alt=\"a\">") == "<img src=\"x.png\"  alt=\"a\">")
        #expect(clean("<svg/onload=alert(1)>") == "<svg/>")
        #expect(clean("<body ONLOAD='x'>") == "<body >")
        #expect(clean("<div onmouseover = alert(1) class=a>") == "<div  class=a>")
    }

    @Test func srcsetWithAnyBadCandidateIsRemoved() {
        #expect(clean("<img srcset=\"a.png 1x, javascript:alert(1) 2x\">") == "<img >")
        #expect(clean("<img srcset=\"a.png 1x, b.png 2x\">") == "<img srcset=\"a.png 1x, b.png 2x\">")
    }

    @Test func srcdocMetaRefreshAndSVGAnimationAreRemoved() {
        #expect(clean("<iframe srcdoc=\"<script>alert(1)</script>\">") == "<iframe >")
        #expect(clean("<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">") == "<meta http-equiv=\"refresh\" >")
        #expect(clean("<animate attributeName=\"href\" values=\"javascript:alert(1)\">") == "<animate attributeName=\"href\" >")
        #expect(clean("<p style=\"background:url(javascript:alert(1))\">x</p>") == "<p >x</p>")
    }

    @Test func aPieceEndingInsideATagIsClosed() {
        // The blank line after `title="` ends cmark's HTML block; left open, the browser
        // would read the following markup as attributes of this div.
        #expect(clean("<div title=\"\n") == "<div title=\"\n\">")
        #expect(clean("<div\n") == "<div\n>")
        #expect(clean("<!-- open\n") == "<!-- open\n -->")
    }

    @Test func commentsThatCloseAtOnceDoNotHideTags() {
        #expect(clean("<!--><img src=x onerror=alert(1)>-->") == "<!--><img src=x >-->")
        #expect(clean("<!---><img src=x onerror=alert(1)>") == "<!---><img src=x >")
    }

    @Test func removalsAreDescribed() {
        let result = HTMLSanitizer.sanitize("<a href=\"javascript:alert(1)\" onclick=\"x()\">t</a>")
        #expect(result.removed == ["href=\"javascript:alert(1)\" from <a>", "onclick=\"x()\" from <a>"])
    }

    @Test func markdownStageSanitisesInlineAndBlockHTML() {
        var options = MarkdownOptions()
        options.unsafeHTML = true
        var links = KeepLinks()
        var warnings: [String] = []
        let document = MarkdownConverter.convert("Go <a href=\"jav&#x09;ascript:alert(1)\">here</a>.\n\n<div onclick=\"x()\">\n\n<iframe src=\"vbscript:x\"></iframe>\n"[...],
                                                 options: options, links: &links) { message, _, _ in warnings.append(message) }
        #expect(!document.html.contains("script:"))
        #expect(!document.html.contains("onclick"))
        #expect(document.html.contains("<a >here</a>"))
        #expect(warnings.count == 3)
    }
}
