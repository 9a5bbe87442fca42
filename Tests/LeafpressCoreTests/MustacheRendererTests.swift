import Testing
@testable import LeafpressCore

/// What the theme relies on beyond the spec: located syntax errors, typed values from
/// page models, the escaping swift-mustache did (the site's bytes must not change), the
/// `CONTENT_TYPE` pragma of `print.css.mustache`, and no crash on a self-including theme.
@Suite("Mustache renderer")
struct MustacheRendererTests {
    struct Page: MustacheObject {
        var title: String
        var subtitle: String?
        var count: Int
        var items: [Item]

        struct Item: MustacheObject {
            var name: String
            var note: String?
            func mustacheValue(forKey key: String) -> MustacheValue? {
                switch key {
                case "name": .string(name)
                case "note": .init(note)
                default: nil
                }
            }
        }

        func mustacheValue(forKey key: String) -> MustacheValue? {
            switch key {
            case "title": .string(title)
            case "subtitle": .init(subtitle)
            case "count": .int(count)
            case "items": .list(items)
            default: nil
            }
        }
    }

    static let page = Page(title: "Tom & Jerry's <b>\"show\"</b>", subtitle: nil, count: 3,
                           items: [Page.Item(name: "a", note: "n1"), Page.Item(name: "b", note: nil)])

    func render(_ text: String, partials: [String: String] = [:]) throws -> String {
        var library = MustacheLibrary()
        library.register(try MustacheTemplate(text), named: "page")
        for (name, partial) in partials { library.register(try MustacheTemplate(partial), named: name) }
        return try #require(library.render(Self.page, withTemplate: "page"))
    }

    func error(_ text: String) -> MustacheSyntaxError? {
        do {
            _ = try MustacheTemplate(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func escapesTheFiveCharactersSwiftMustacheEscaped() throws {
        #expect(try render("{{title}}") == "Tom &amp; Jerry&#39;s &lt;b&gt;&quot;show&quot;&lt;/b&gt;")
        #expect(try render("{{{title}}}|{{&title}}") == "Tom & Jerry's <b>\"show\"</b>|Tom & Jerry's <b>\"show\"</b>")
    }

    @Test func textPragmaTurnsEscapingOffForTheRestOfTheTemplate() throws {
        #expect(try render("{{title}}\n{{% CONTENT_TYPE: TEXT}}\n{{title}}") == "Tom &amp; Jerry&#39;s &lt;b&gt;&quot;show&quot;&lt;/b&gt;\nTom & Jerry's <b>\"show\"</b>")
    }

    @Test func typedValuesRenderAndDecideSections() throws {
        #expect(try render("{{count}} {{#count}}yes{{/count}}") == "3 yes")
        #expect(try render("[{{subtitle}}]{{#subtitle}}shown{{/subtitle}}{{^subtitle}}none{{/subtitle}}") == "[]none")
        #expect(try render("{{#items}}{{name}}:{{note}};{{/items}}") == "a:n1;b:;")
    }

    @Test func aMissingOptionalFallsBackToTheEnclosingContext() throws {
        // `note` is nil on the second item, so the lookup goes on outwards (as it did with
        // swift-mustache); `title` is found on the page.
        #expect(try render("{{#items}}{{#note}}{{.}}{{/note}}{{^note}}-{{/note}}{{/items}}") == "n1-")
        #expect(try render("{{#items}}{{name}}{{title.length}}{{/items}}") == "ab")
    }

    @Test func aSelfIncludingPartialStopsInsteadOfCrashing() throws {
        let output = try render("{{>loop}}", partials: ["loop": "x{{>loop}}"])
        #expect(output == String(repeating: "x", count: MustacheRenderer.maximumDepth))
    }

    @Test func syntaxErrorsSayWhatAndWhere() throws {
        let cases: [(String, String, Int, Int)] = [
            ("<p>\n  {{#x}}\n", "section is never closed", 3, 1),
            ("a\n {{#a}} x {{/b}}", "section closed with a different name than it was opened with", 2, 14),
            ("a {{/b}}", "'b' is closed but was never opened", 1, 6),
            ("ab\n  {{name", "tag is not closed with '}}'", 2, 3),
            ("{{=<% %>=}}<%name", "tag is not closed with '%>'", 1, 12),
            ("{{= <% =}}", "badly formed set-delimiter tag", 1, 1),
            ("{{}}", "tag has no name", 1, 1),
            ("x {{a b}}", "tag name 'a b' contains a space", 1, 5),
            ("{{% CONTENT_TYPE: PDF}}", "unknown pragma", 1, 1),
            ("{{% CONTENT_TYPE}}", "badly formed pragma", 1, 1),
            ("{{<base}}\n{{title}}\n{{/base}}", "only block overrides are allowed inside a parent tag", 2, 1),
            ("é {{#a}}", "section is never closed", 1, 9),
        ]
        for (text, message, line, column) in cases {
            let found = try #require(error(text), "\(text) compiled")
            #expect(found.message == message, "\(text)")
            #expect((found.line, found.column) == (line, column), "\(text): \(found.line):\(found.column)")
        }
    }
}
