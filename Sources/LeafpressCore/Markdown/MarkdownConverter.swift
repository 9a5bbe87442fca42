import Foundation
import CCmark

/// The only place that touches cmark: parses a file into cmark's tree, walks it once to
/// learn headings, links, images and text, rewrites what the site needs, renders HTML,
/// and frees the tree before returning. No C pointer leaves `convert`.
public enum MarkdownConverter {
    /// Converts `markdown` with `options`, asking `links` for every destination.
    /// Findings (unsafe links) are appended to `diagnostics` with `lineOffset` added.
    public static func convert<Links: LinkRewriting>(
        _ markdown: Substring, options: MarkdownOptions, links: inout Links,
        blocks: (any BlockProviding)? = nil,
        warn: (String, Int, Int) -> Void = { _, _, _ in }
    ) -> MarkdownDocument {
        var flags = CMARK_OPT_VALIDATE_UTF8
        if options.smartPunctuation { flags |= CMARK_OPT_SMART }
        if options.unsafeHTML { flags |= CMARK_OPT_UNSAFE }

        var text = markdown
        let root: OpaquePointer? = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, flags) }
        }
        guard let root else { return MarkdownDocument(html: "", isEmpty: true) }
        defer { cmark_node_free(root) }

        var pass = ExtensionPass(flags: flags, options: options, blocks: blocks)
        if options.extensions { pass.apply(to: root, source: Array(markdown.utf8), origin: nil, stack: []) }

        var walker = TreeWalker(options: options, placements: pass.placements, includeSources: pass.includeSources)
        walker.walk(root)

        var document = MarkdownDocument(html: "", isEmpty: walker.contentBlocks == 0)
        document.textBlocks = walker.textBlocks
        document.links = walker.linkNodes.map(\.reference)
        document.images = walker.imageNodes.map(\.reference)
        document.findings = pass.findings
        document.blocks = pass.blocksUsed

        // The title heading leaves the body: the template renders it as the section's h2.
        // Only the file's own first heading can be its title, never one from a block.
        var bodyHeadings = walker.headings
        if options.extractTitle, let index = bodyHeadings.firstIndex(where: { $0.source == nil }) {
            let first = bodyHeadings.remove(at: index)
            document.title = first.text
            document.titleLevel = first.level
            document.isEmpty = walker.contentBlocks <= 1
            cmark_node_unlink(first.node)
            cmark_node_free(first.node)
        }

        var anchorsBySource: [String: [String: String]] = [:]
        if options.sectionHeadings {
            let own = bodyHeadings.filter { $0.source == nil }
            let shift: Int
            if let titleLevel = document.titleLevel {
                shift = 2 - titleLevel
            } else {
                shift = 3 - (own.map(\.level).min() ?? 3)
            }
            // A block's top heading level sits where the section's own top headings do.
            var blockTop: [String: Int] = [:]
            for heading in bodyHeadings {
                if let source = heading.source { blockTop[source] = min(blockTop[source] ?? 6, heading.level) }
            }
            var used: [String: Int] = [:]
            if let title = document.title ?? options.title {
                let anchor = Slug.anchor(for: title)
                used[anchor] = 1
                document.anchors[anchor] = options.idPrefix
            }
            // The file's own headings keep the ids links from other leaflets expect
            // (`section--anchor`); headings from blocks take the next free ones.
            var assigned: [Int: (anchor: String, id: String, level: Int)] = [:]
            for (index, heading) in bodyHeadings.enumerated() where heading.source == nil {
                let anchor = uniqueAnchor(Slug.anchor(for: heading.text), used: &used)
                let id = options.idPrefix.isEmpty ? anchor : "\(options.idPrefix)--\(anchor)"
                document.anchors[anchor] = id
                assigned[index] = (anchor, id, min(6, max(3, heading.level + shift)))
            }
            var usedBySource: [String: [String: Int]] = [:]
            for (index, heading) in bodyHeadings.enumerated() {
                guard let source = heading.source else { continue }
                let anchor = uniqueAnchor(Slug.anchor(for: heading.text), used: &usedBySource[source, default: [:]])
                let pageAnchor = uniqueAnchor(Slug.anchor(for: heading.text), used: &used)
                let id = options.idPrefix.isEmpty ? pageAnchor : "\(options.idPrefix)--\(pageAnchor)"
                anchorsBySource[source, default: [:]][anchor] = id
                if document.anchors[pageAnchor] == nil { document.anchors[pageAnchor] = id }
                let ownTop = own.map(\.level).min().map { $0 + shift } ?? 3
                assigned[index] = (anchor, id, min(6, max(3, heading.level - (blockTop[source] ?? 1) + max(3, ownTop))))
            }
            for (index, heading) in bodyHeadings.enumerated() {
                guard let (anchor, id, level) = assigned[index] else { continue }
                document.headings.append(.init(level: level, sourceLevel: heading.level, text: heading.text,
                                               anchor: anchor, id: id, line: heading.line, source: heading.source))
                replaceWithAnchoredHeading(heading.node, level: level, id: id)
            }
        } else {
            for heading in bodyHeadings {
                let anchor = Slug.anchor(for: heading.text)
                document.headings.append(.init(level: heading.level, sourceLevel: heading.level, text: heading.text,
                                               anchor: anchor, id: anchor, line: heading.line, source: heading.source))
            }
        }

        if options.rawHTMLRules {
            applyRawHTMLRules(walker.htmlNodes, options: options, document: &document, warn: warn)
        }

        for reference in walker.linkNodes + walker.imageNodes {
            let isImage = cmark_node_get_type(reference.node) == CMARK_NODE_IMAGE
            let destination = reference.reference.destination
            let source = reference.reference.source
            if UnsafeScheme.isBlocked(destination) {
                let message = "removed unsafe \(isImage ? "image source" : "link") '\(destination.prefix(40))'; its text is kept without a link"
                if let source {
                    document.findings.append(.init(rule: .unsafeLink, message: message, line: reference.reference.line,
                                                   column: reference.reference.column, source: source))
                } else {
                    warn(message, reference.reference.line, reference.reference.column)
                }
                unwrap(reference.node)
                continue
            }
            let output = links.rewrite(destination, isImage: isImage, line: reference.reference.line,
                                       column: reference.reference.column, block: source,
                                       anchors: source.map { anchorsBySource[$0] ?? [:] } ?? document.anchors)
            if output != destination { cmark_node_set_url(reference.node, output) }
            if !isImage, !output.isEmpty, let printURL = links.printURL(for: output) {
                wrapLink(reference.node, href: output, printURL: printURL)
            }
        }

        if let rendered = cmark_render_html(root, flags) {
            document.html = String(cString: rendered)
            free(rendered)
        }
        return document
    }

    /// Replaces a link or image by its text, so a removed address leaves no `href=""`.
    private static func unwrap(_ node: OpaquePointer) {
        while let child = cmark_node_first_child(node) {
            cmark_node_insert_before(node, child)
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// Raw HTML: kept `<sup>`/`<sub>`/`<br>`, dropped comments and `raw-html` findings
    /// without `unsafe_html`; sanitised attributes (reported through `warn`) with it.
    private static func applyRawHTMLRules(_ nodes: [TreeWalker.HTMLNode], options: MarkdownOptions,
                                          document: inout MarkdownDocument, warn: (String, Int, Int) -> Void) {
        var reported: Set<String> = []
        for html in nodes {
            if options.unsafeHTML {
                let (clean, removed) = HTMLSanitizer.sanitize(html.literal)
                for what in removed {
                    if let source = html.source {
                        document.findings.append(.init(rule: .unsafeLink, message: "removed unsafe \(what)", line: html.line, column: html.column, source: source))
                    } else {
                        warn("removed unsafe \(what)", html.line, html.column)
                    }
                }
                if !removed.isEmpty { cmark_node_set_literal(html.node, clean) }
                continue
            }
            if RawHTML.isOnlyComments(html.literal) {
                cmark_node_unlink(html.node)
                cmark_node_free(html.node)
                continue
            }
            if let tag = RawHTML.firstForbiddenTag(html.literal) {
                // `<b>bold</b>` is one mistake: its end tag is not reported again.
                if tag.isClosing, reported.contains(tag.name) { continue }
                reported.insert(tag.name)
                let (line, column) = position(of: tag.range.lowerBound, in: html.literal, line: html.line, column: html.column)
                document.findings.append(.init(rule: .rawHTML, message: RawHTML.message(for: tag), line: line, column: column, source: html.source))
                continue
            }
            let scan = RawHTML.scan(html.literal)
            let kept = html.isBlock && scan.hasText ? html.literal : RawHTML.normalised(html.literal)
            guard let replacement = cmark_node_new(html.isBlock ? CMARK_NODE_CUSTOM_BLOCK : CMARK_NODE_CUSTOM_INLINE) else { continue }
            cmark_node_set_on_enter(replacement, kept)
            cmark_node_set_on_exit(replacement, "")
            cmark_node_replace(html.node, replacement)
            cmark_node_free(html.node)
        }
    }

    /// Line and column of `index` inside a literal that starts at `line`:`column`.
    private static func position(of index: String.Index, in literal: String, line: Int, column: Int) -> (Int, Int) {
        var line = line, column = column
        for scalar in literal.unicodeScalars[..<index] {
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }

    /// GitHub's rule for repeated headings: `notes`, `notes-1`, `notes-2`.
    private static func uniqueAnchor(_ anchor: String, used: inout [String: Int]) -> String {
        guard let count = used[anchor] else {
            used[anchor] = 1
            return anchor
        }
        used[anchor] = count + 1
        let candidate = "\(anchor)-\(count)"
        return used[candidate] == nil ? uniqueAnchor(candidate, used: &used) : uniqueAnchor(candidate + "-", used: &used)
    }

    /// Gives a link a `data-print-url` attribute (the print stylesheet shows it after the
    /// link text) by replacing it with a custom inline that carries the same tag.
    private static func wrapLink(_ link: OpaquePointer, href: String, printURL: String) {
        guard let inline = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return }
        var tag = "<a href=\"\(HTMLEscaping.attribute(href))\""
        if let title = cmark_node_get_title(link).map({ String(cString: $0) }), !title.isEmpty {
            tag += " title=\"\(HTMLEscaping.attribute(title))\""
        }
        tag += " data-print-url=\"\(HTMLEscaping.attribute(printURL))\">"
        cmark_node_set_on_enter(inline, tag)
        cmark_node_set_on_exit(inline, "</a>")
        while let child = cmark_node_first_child(link) {
            cmark_node_append_child(inline, child)
        }
        cmark_node_replace(link, inline)
        cmark_node_free(link)
    }

    /// cmark's renderer cannot put attributes on a heading; a custom block carrying the
    /// opening and closing tags keeps the children rendered (and escaped) by cmark itself.
    private static func replaceWithAnchoredHeading(_ heading: OpaquePointer, level: Int, id: String) {
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(block, "<h\(level) id=\"\(HTMLEscaping.attribute(id))\">")
        cmark_node_set_on_exit(block, "</h\(level)>")
        while let child = cmark_node_first_child(heading) {
            cmark_node_append_child(block, child)
        }
        cmark_node_replace(heading, block)
        cmark_node_free(heading)
    }
}
