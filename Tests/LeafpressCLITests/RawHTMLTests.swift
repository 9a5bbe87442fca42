import Foundation
import Testing
import LeafpressCore

/// Issue #13 item 1 and issue #12's `unsafe_html` bullet: raw HTML is kept when it carries
/// meaning, reported when it would be lost, and never publishes a dangerous address.
@Suite("Raw HTML, end to end")
struct RawHTMLTests {
    @Test func supSubAndBrArePublished() throws {
        let site = try PublishSite()
        try site.leaflet("doses", sections: ["01-about.md": """
            # About

            The risk is 1 in 10<sup>4</sup>.

            Drink H<sub>2</sub>O often.

            Take 5 ml<br>twice a day.

            """])
        let result = try site.build()
        #expect(result.status == 0, "\(result.stderr)")
        let page = try site.page("doses")
        #expect(page.contains("1 in 10<sup>4</sup>."))
        #expect(page.contains("H<sub>2</sub>O"))
        #expect(page.contains("5 ml<br>twice a day"))
        #expect(!result.stderr.contains("[raw-html]"))
    }

    @Test func blockHTMLIsALocatedErrorNamingTheTagAndTheMarkdown() throws {
        let site = try PublishSite()
        try site.leaflet("boxes", sections: ["01-about.md": "---\ntitle: About\n---\n\nRest well.\n\n<div class=\"note\">Keep the wound dry.</div>\n"])
        let result = try site.build()
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/leaflets/boxes/01-about.md:7:1: error: raw HTML <div> is not published (unsafe_html is off); write plain Markdown paragraphs separated by a blank line [raw-html]"), "\(result.stderr)")
        #expect(!site.folder.exists("site/boxes.html"))
    }

    @Test func inlineHTMLIsReportedOnceAtItsColumnWithAdvice() throws {
        let site = try PublishSite()
        try site.leaflet("bold", sections: ["01-about.md": "# About\n\nDo **not** eat. Do <b>not</b> drink and <a href=\"x.html\">read this</a>.\n"])
        let (result, findings) = try site.check()
        #expect(result.status == 1)
        let raw = findings.of(.rawHTML)
        #expect(raw.map(\.path) == [PublishSite.path("bold/01-about.md"), PublishSite.path("bold/01-about.md")])
        #expect(raw.map(\.line) == [3, 3])
        #expect(raw.map(\.column) == [20, 41])
        #expect(raw.first?.message.contains("<b>") == true && raw.first?.message.contains("**bold text**") == true)
        #expect(raw.last?.message.contains("<a>") == true && raw.last?.message.contains("[link text](address)") == true)
        #expect(raw.allSatisfy { $0.severity == "error" })
    }

    @Test func authorsCommentsAreNotErrors() throws {
        let site = try PublishSite()
        try site.leaflet("notes", sections: ["01-about.md": "# About\n\n<!-- check this with the ward -->\n\nRest well.\n"])
        let result = try site.build()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!(try site.page("notes")).contains("check this with the ward"))
    }

    @Test func unsafeHTMLNeverPublishesDangerousAddressesOrHandlers() throws {
        let site = try PublishSite(site: "unsafe_html: true\n")
        try site.leaflet("hostile", sections: ["01-about.md": """
            # About

            See <a href="jav&#x09;ascript:alert(1)">this page</a> and <img src="data:image/png;base64,AAAA" alt="dot" onerror="alert(2)">.

            <iframe src="vbscript:msgbox(3)" onload="alert(4)"></iframe>

            <div><a href="JAVASCRIPT&colon;alert(5)" onmouseover="alert(6)">block link</a><svg><a xlink:href="javascript:alert(7)">x</a></svg></div>

            <form action="javascript:alert(8)"><button formaction="data:text/html,x">Go</button></form>

            <video poster="javascript:alert(9)"></video><object data="javascript:alert(10)"></object><img srcset="a.png 1x, javascript:alert(11) 2x" alt="a">

            """])
        let result = try site.build()
        #expect(result.status == 0, "\(result.stderr)")
        let page = try site.page("hostile")
        let lower = page.lowercased()
        for bad in ["javascript", "vbscript", "data:", "onerror", "onload", "onmouseover", "&colon;", "alert("] {
            #expect(!lower.contains(bad), "\(bad) reached the page")
        }
        #expect(page.contains("<a >this page</a>"))
        #expect(page.contains("block link"))
        #expect(result.stderr.contains("content/leaflets/hostile/01-about.md:3:"), "\(result.stderr)")
        #expect(result.stderr.contains("[unsafe-link]"))
    }

    @Test func markdownJavascriptLinkKeepsItsTextWithoutALink() throws {
        let site = try PublishSite()
        try site.leaflet("scripted", sections: ["01-about.md": "# About\n\nRead [the advice](javascript:alert(1)) now.\n"])
        let result = try site.build()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("content/leaflets/scripted/01-about.md:3:6: warning: removed unsafe link 'javascript:alert(1)'; its text is kept without a link [unsafe-link]"), "\(result.stderr)")
        let page = try site.page("scripted")
        #expect(page.contains("Read the advice now."))
        #expect(!page.contains("href=\"\""))
    }
}
