import Foundation

/// Turns the relative content paths authors write (`../knee/03-during.md#risks`,
/// `../../assets/x.png`) into relative output URLs, and reports the ones that resolve to
/// nothing. One resolver serves one section file.
struct LinkResolver: LinkRewriting {
    /// A `file.md#anchor` link into a section: checked once every page's headings are known.
    struct PendingAnchor: Sendable {
        var location: SourceLocation
        var slug: String
        var file: String
        var anchor: String
    }

    let targets: LinkTargets
    let slug: String
    /// Display path of the Markdown file.
    let path: String
    let lineOffset: Int
    /// Site URL (with trailing slash) when `base_url` is set: links then print absolute.
    var baseURL: String?
    var diagnostics: [Diagnostic] = []
    var pendingAnchors: [PendingAnchor] = []
    /// Site paths of the files the links and images point at (`assets/map.png`,
    /// `knee/exercises.png`): only files something points at are published.
    var files: Set<String> = []

    init(targets: LinkTargets, slug: String, path: String, lineOffset: Int) {
        self.targets = targets
        self.slug = slug
        self.path = path
        self.lineOffset = lineOffset
    }

    mutating func rewrite(_ destination: String, isImage: Bool, line: Int, column: Int, anchors: [String: String]) -> String {
        rewrite(destination, isImage: isImage, line: line, column: column, block: nil, anchors: anchors)
    }

    /// Links in a shared block resolve from the block's own folder (`content/blocks/`),
    /// so `../leaflets/knee/` and `../assets/map.png` mean the same in every leaflet.
    mutating func rewrite(_ destination: String, isImage: Bool, line: Int, column: Int, block: String?, anchors: [String: String]) -> String {
        let here = block.map { SourceLocation(path: $0, line: line, column: column) }
            ?? SourceLocation(path: path, line: line + lineOffset, column: column)
        let base = block == nil ? "leaflets/\(slug)/" : "blocks/"
        let inThisFile = block == nil ? "in this file" : "in this block"
        if destination.isEmpty || Self.hasScheme(destination) || destination.hasPrefix("//") { return destination }

        var pathPart = Substring(destination)
        var fragment: Substring?
        if let hash = pathPart.firstIndex(of: "#") {
            fragment = pathPart[pathPart.index(after: hash)...]
            pathPart = pathPart[..<hash]
        }
        if let query = pathPart.firstIndex(of: "?") { pathPart = pathPart[..<query] }

        if pathPart.isEmpty {
            guard let fragment else { return destination }
            let anchor = String(fragment).removingPercentEncoding ?? String(fragment)
            if let id = anchors[anchor] { return "#" + Self.encode(id) }
            diagnostics.append(.error("no heading with anchor '#\(anchor)' \(inThisFile)" + Self.didYouMean(anchor, in: Array(anchors.keys), prefix: "#"),
                                      at: here, rule: .brokenLink))
            return destination
        }
        if pathPart.hasPrefix("/") {
            diagnostics.append(.error("link '\(destination)' starts with '/'; write it relative to this file so it works from disk and any sub-path", at: here, rule: .brokenLink))
            return destination
        }
        let decoded = String(pathPart).removingPercentEncoding ?? String(pathPart)
        guard let parts = PathSafety.normalise(base + decoded) else {
            diagnostics.append(.error("link '\(destination)' leaves the content folder", at: here, rule: .brokenLink))
            return destination
        }
        let what = isImage ? "image" : "link"
        if parts.first == "assets", parts.count > 1 {
            let asset = parts.dropFirst().joined(separator: "/")
            guard targets.siteAssets.contains(asset) else {
                diagnostics.append(.error("\(what) target '\(destination)' not found (looked for content/assets/\(asset))", at: here, rule: isImage ? .missingAsset : .brokenLink))
                return destination
            }
            files.insert("assets/" + asset)
            return relative("assets/" + asset, fragment: fragment)
        }
        guard parts.first == "leaflets", parts.count >= 2 else {
            diagnostics.append(.error("\(what) target '\(destination)' is not a leaflet, a section or an asset", at: here, rule: .brokenLink))
            return destination
        }
        let targetSlug = parts[1]
        guard let leaflet = targets.leaflets[targetSlug] else {
            diagnostics.append(.error("\(what) to unknown leaflet '\(targetSlug)'" + Self.didYouMean(targetSlug, in: Array(targets.leaflets.keys)),
                                      at: here, rule: .brokenLink))
            return destination
        }
        let rest = parts.dropFirst(2).joined(separator: "/")
        if rest.isEmpty || rest == "leaflet.yml" || rest.hasSuffix(".md") {
            guard leaflet.built else {
                diagnostics.append(.error("link to draft leaflet '\(targetSlug)', which is only built with --drafts", at: here, rule: .brokenLink))
                return destination
            }
            var id: String?
            if rest.hasSuffix(".md") {
                guard let sectionID = leaflet.sections[rest] else {
                    diagnostics.append(.error("link to missing section '\(rest)' of leaflet '\(targetSlug)'" + Self.didYouMean(rest, in: Array(leaflet.sections.keys)),
                                              at: here, rule: .brokenLink))
                    return destination
                }
                id = sectionID
                if let fragment, !fragment.isEmpty {
                    let anchor = String(fragment).removingPercentEncoding ?? String(fragment)
                    pendingAnchors.append(PendingAnchor(location: here, slug: targetSlug, file: rest, anchor: anchor))
                    id = "\(sectionID)--\(anchor)"
                }
            } else if let fragment, !fragment.isEmpty {
                id = String(fragment)
            }
            if targetSlug == slug, let id { return "#" + Self.encode(id) }
            return relative(SiteLayout.page(of: targetSlug), fragment: id.map { Substring($0) })
        }
        guard leaflet.assets.contains(rest) else {
            diagnostics.append(.error("\(what) target '\(destination)' not found", at: here, rule: isImage ? .missingAsset : .brokenLink))
            return destination
        }
        guard leaflet.built else {
            diagnostics.append(.error("\(what) into draft leaflet '\(targetSlug)', which is only built with --drafts", at: here, rule: .brokenLink))
            return destination
        }
        files.insert(SiteLayout.file(rest, of: targetSlug))
        return relative(SiteLayout.file(rest, of: targetSlug), fragment: fragment)
    }

    /// The absolute address printed after a link (with `base_url`): pages by their
    /// clean URL (`other-leaflet#risks`), files by their path.
    func printURL(for href: String) -> String? {
        guard let baseURL, !href.hasPrefix("#"), !Self.hasScheme(href), !href.hasPrefix("//") else { return nil }
        var path = Substring(href)
        var fragment: Substring = ""
        if let hash = path.firstIndex(of: "#") {
            fragment = path[hash...]
            path = path[..<hash]
        }
        if path.hasSuffix(".html"), !path.contains("/") { path = path.dropLast(".html".count) }
        return baseURL + path + fragment
    }

    /// A path relative to the site root, as a link from this leaflet's page. The page is
    /// at the root (`<slug>.html`), so the path is already relative to it.
    private func relative(_ target: String, fragment: Substring?) -> String {
        var url = Self.encodePath(target)
        if let fragment { url += "#" + Self.encode(String(fragment)) }
        return url
    }

    /// `; did you mean 'x'?` for the nearest candidate, or nothing. A leaflet that failed
    /// to load is still a candidate: it exists.
    static func didYouMean(_ word: String, in candidates: [String], prefix: String = "") -> String {
        guard let near = Suggestion.nearest(to: word, in: candidates.sorted()) else { return "" }
        return "; did you mean '\(prefix)\(near)'?"
    }

    static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }

    private static let unreserved = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@".utf8)

    /// Percent-encodes one path segment or fragment (UTF-8 bytes outside the safe set).
    static func encode(_ text: String) -> String {
        guard !text.utf8.allSatisfy({ unreserved.contains($0) }) else { return text }
        var result = ""
        for byte in text.utf8 {
            if unreserved.contains(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return result
    }

    static func encodePath(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { encode(String($0)) }.joined(separator: "/")
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
