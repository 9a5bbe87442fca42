import Foundation

/// Completes the metadata of a PDF that Chromium printed, so the file identifies itself to
/// assistive technology: the leaflet's title (Chromium copies the page's `<title>`, which
/// carries the site name too), the language in the document catalog (`/Lang`; Chromium
/// only marks it on the structure tree), an XMP packet with both, and `/DisplayDocTitle`
/// so viewers show the title rather than the file name (PDF/UA asks for all of these).
/// It also repairs bookmark titles: Chromium joins the lines of a wrapped heading without
/// a space ("What happens during theharvest"), so a bookmark whose text equals a known
/// heading once spaces are ignored gets that heading's text. And it points links back at
/// the site: Chromium printed a copy in the staging folder, so a link to another leaflet
/// would otherwise be a `file://` address on the build machine.
///
/// Written as an incremental update: Chromium's bytes stay as they are, and the changed
/// catalog, a new information dictionary and the XMP stream are appended with their own
/// cross-reference section, as the PDF format allows (ISO 32000-1, 7.5.6).
enum PDFMetadata {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Links that start with `prefix` (the staging folder as a `file://` URL, ending in
    /// `/`) are pointed at `base` instead: the site's `base_url`, or `../` (relative to the
    /// PDF in its leaflet's folder) when the site has none.
    struct LinkBase: Sendable {
        var prefix: String
        var base: String
        /// With a base URL, pages go by their clean URL: `colonoscopy.html#risks` is
        /// published as `colonoscopy#risks`, `es/index.html` as `es/`.
        var cleanURLs: Bool

        init(staging: String, baseURL: String?) {
            prefix = URL(fileURLWithPath: staging, isDirectory: true).absoluteString
            if !prefix.hasSuffix("/") { prefix += "/" }
            base = baseURL ?? "../"
            cleanURLs = baseURL != nil
        }

        func rewrite(_ uri: String) -> String? {
            guard uri.hasPrefix(prefix) else { return nil }
            var path = Substring(uri.dropFirst(prefix.count))
            var fragment: Substring = ""
            if let hash = path.firstIndex(of: "#") {
                fragment = path[hash...]
                path = path[..<hash]
            }
            if cleanURLs {
                if path == "index.html" || path.hasSuffix("/index.html") {
                    path = path.dropLast("index.html".count)
                } else if path.hasSuffix(".html"), !path.contains("/") {
                    path = path.dropLast(".html".count)
                }
            }
            return base + path + fragment
        }
    }

    static func update(_ path: String, title: String, language: String, headings: [String] = [], links: LinkBase? = nil) throws(Failure) {
        guard let original = FileManager.default.contents(atPath: path) else { throw Failure(description: "cannot read the PDF") }
        let bytes = [UInt8](original)
        let appended = try update(bytes, title: title, language: language, headings: headings, links: links)
        guard let handle = FileHandle(forWritingAtPath: path) else { throw Failure(description: "cannot write the PDF") }
        defer { try? handle.close() }
        do {
            try handle.seekToEnd()
            try handle.write(contentsOf: appended)
        } catch {
            throw Failure(description: "cannot write the PDF: \(error.localizedDescription)")
        }
    }

    /// The bytes to append to `pdf`.
    static func update(_ pdf: [UInt8], title: String, language: String, headings: [String] = [], links: LinkBase? = nil) throws(Failure) -> Data {
        let trailer = try lastTrailer(pdf)
        guard let root = reference(after: "/Root", in: trailer.dictionary) else { throw Failure(description: "no /Root in the trailer") }
        guard let size = integer(after: "/Size", in: trailer.dictionary) else { throw Failure(description: "no /Size in the trailer") }
        let offsets = try crossReference(pdf, at: trailer.xrefOffset)
        guard let catalogOffset = offsets[root] else { throw Failure(description: "catalog object \(root) not in the cross-reference table") }
        var catalog = try dictionary(ofObjectAt: catalogOffset, number: root, in: pdf)
        let info = reference(after: "/Info", in: trailer.dictionary)
        var infoDictionary = ""
        if let info, let offset = offsets[info] { infoDictionary = (try? dictionary(ofObjectAt: offset, number: info, in: pdf)) ?? "" }

        let infoNumber = info ?? size
        let metadataNumber = info == nil ? size + 1 : size
        if !contains(key: "/Lang", in: catalog) { catalog += "\n/Lang " + literal(language) }
        if !contains(key: "/ViewerPreferences", in: catalog) { catalog += "\n/ViewerPreferences <</DisplayDocTitle true>>" }
        catalog = removing(key: "/Metadata", from: catalog) + "\n/Metadata \(metadataNumber) 0 R"
        infoDictionary = removing(key: "/Title", from: infoDictionary) + "\n/Title " + hexString(title)
        let xmp = Data(xmpPacket(title: title, language: language).utf8)

        var out = Data("\n".utf8)
        var entries: [(Int, Int)] = []
        func object(_ number: Int, _ body: Data) {
            entries.append((number, pdf.count + out.count))
            out += Data("\(number) 0 obj\n".utf8) + body + Data("\nendobj\n".utf8)
        }
        object(root, Data("<<\(catalog)>>".utf8))
        object(infoNumber, Data("<<\(infoDictionary)>>".utf8))
        object(metadataNumber, Data("<</Type /Metadata\n/Subtype /XML\n/Length \(xmp.count)>>\nstream\n".utf8) + xmp + Data("\nendstream".utf8))
        for (number, dictionary, wanted) in repairedBookmarks(outlineItems(catalog: catalog, offsets: offsets, in: pdf), expected: [title] + headings) {
            object(number, Data("<<\(removing(key: "/Title", from: dictionary))\n/Title \(hexString(wanted))>>".utf8))
        }
        if let links {
            for (number, dictionary) in linkObjects(pdf, offsets: offsets) {
                if let fixed = rewritingURI(in: dictionary, links) { object(number, Data("<<\(fixed)>>".utf8)) }
            }
        }

        let xref = pdf.count + out.count
        out += Data("xref\n".utf8)
        for (number, offset) in entries.sorted(by: { $0.0 < $1.0 }) {
            let padded = String(repeating: "0", count: max(0, 10 - String(offset).count)) + String(offset)
            out += Data("\(number) 1\n\(padded) 00000 n \n".utf8)
        }
        var newTrailer = "<</Size \(max(size, metadataNumber + 1))\n/Root \(root) 0 R\n/Info \(infoNumber) 0 R\n/Prev \(trailer.xrefOffset)"
        if let id = rawValue(after: "/ID", in: trailer.dictionary) { newTrailer += "\n/ID \(id)" }
        out += Data("trailer\n\(newTrailer)>>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return out
    }

    // MARK: Reading Chromium's file

    /// Objects that hold a `/URI` action: link annotations (Skia writes the action inline).
    private static func linkObjects(_ pdf: [UInt8], offsets: [Int: Int]) -> [(Int, String)] {
        let needle = Array("/URI (".utf8)
        let starts = offsets.sorted { $0.value < $1.value }
        var found: [Int] = []
        var index = 0
        while index + needle.count <= pdf.count {
            if pdf[index] == needle[0], Array(pdf[index..<(index + needle.count)]) == needle {
                // The object this position belongs to: the last one starting before it.
                var low = 0, high = starts.count - 1, owner: Int?
                while low <= high {
                    let middle = (low + high) / 2
                    if starts[middle].value <= index { owner = starts[middle].key; low = middle + 1 } else { high = middle - 1 }
                }
                if let owner, found.last != owner { found.append(owner) }
                index += needle.count
            } else {
                index += 1
            }
        }
        return found.compactMap { number in
            guard let offset = offsets[number], let dictionary = try? dictionary(ofObjectAt: offset, number: number, in: pdf) else { return nil }
            return (number, dictionary)
        }
    }

    /// The dictionary with its `/URI` literals rewritten, or nil when none changes.
    private static func rewritingURI(in dictionary: String, _ links: LinkBase) -> String? {
        var result = ""
        var changed = false
        var rest = Substring(dictionary)
        while let key = rest.range(of: "/URI (") {
            let open = rest.index(before: key.upperBound)
            let end = skipLiteral(rest, from: open)
            result += rest[..<open]
            let literal = String(rest[open..<end])
            if let uri = decodeString(literal), let fixed = links.rewrite(uri) {
                result += "(" + fixed.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(")
                    .replacingOccurrences(of: ")", with: "\\)") + ")"
                changed = true
            } else {
                result += literal
            }
            rest = rest[end...]
        }
        return changed ? result + rest : nil
    }

    /// Bookmarks whose title Chromium garbled, with the title they should have. When the
    /// outline is exactly the expected headings in order, each bookmark whose text
    /// overlaps its heading's (ignoring spaces) gets that heading; otherwise only those
    /// equal to some heading once spaces are ignored are repaired.
    private static func repairedBookmarks(_ items: [(number: Int, dictionary: String)], expected: [String]) -> [(Int, String, String)] {
        let titles = items.map { rawValue(after: "/Title", in: $0.dictionary).flatMap(decodeString) ?? "" }
        var repairs: [(Int, String, String)] = []
        let inOrder = items.count == expected.count && zip(titles, expected).allSatisfy { current, wanted in
            let a = squashed(current), b = squashed(wanted)
            return !a.isEmpty && (a.contains(b) || b.contains(a))
        }
        let known = Dictionary(expected.map { (squashed($0), $0) }, uniquingKeysWith: { first, _ in first })
        for (index, item) in items.enumerated() {
            let wanted = inOrder ? expected[index] : known[squashed(titles[index])]
            if let wanted, wanted != titles[index] { repairs.append((item.number, item.dictionary, wanted)) }
        }
        return repairs
    }

    private static func squashed(_ text: String) -> String { String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init)) }

    /// Every bookmark of the outline, depth first, as object number and dictionary.
    private static func outlineItems(catalog: String, offsets: [Int: Int], in pdf: [UInt8]) -> [(number: Int, dictionary: String)] {
        func dictionary(_ number: Int?) -> String? {
            guard let number, let offset = offsets[number] else { return nil }
            return try? Self.dictionary(ofObjectAt: offset, number: number, in: pdf)
        }
        var items: [(Int, String)] = []
        var seen: Set<Int> = []
        func walk(_ first: Int?) {
            var next = first
            while let number = next, !seen.contains(number), let item = dictionary(number) {
                seen.insert(number)
                items.append((number, item))
                walk(reference(after: "/First", in: item))
                next = reference(after: "/Next", in: item)
            }
        }
        if let root = dictionary(reference(after: "/Outlines", in: catalog)) { walk(reference(after: "/First", in: root)) }
        return items
    }

    /// The text of a PDF string written `( … )` or `< … >`: UTF-16 with a byte-order
    /// mark, else PDFDocEncoding (read as Latin-1, which matches it for letters).
    static func decodeString(_ raw: String) -> String? {
        var bytes: [UInt8] = []
        let scalars = Array(raw.unicodeScalars)
        guard let first = scalars.first else { return nil }
        if first == "<" {
            let digits = scalars.dropFirst().prefix { $0 != ">" }.filter { $0.properties.isASCIIHexDigit }
            var index = digits.startIndex
            while index < digits.endIndex {
                let high = digits[index], low = digits.index(after: index) < digits.endIndex ? digits[digits.index(after: index)] : "0"
                bytes.append(UInt8(String([Character(high), Character(low)]), radix: 16) ?? 0)
                index = digits.index(index, offsetBy: 2, limitedBy: digits.endIndex) ?? digits.endIndex
            }
        } else if first == "(" {
            var index = 1
            var depth = 1
            while index < scalars.count {
                let scalar = scalars[index]
                index += 1
                switch scalar {
                case "\\":
                    guard index < scalars.count else { break }
                    let escaped = scalars[index]
                    index += 1
                    switch escaped {
                    case "n": bytes.append(0x0A)
                    case "r": bytes.append(0x0D)
                    case "t": bytes.append(0x09)
                    case "b": bytes.append(0x08)
                    case "f": bytes.append(0x0C)
                    case "0"..."7":
                        var value = Int(escaped.value - 48)
                        var digits = 1
                        while digits < 3, index < scalars.count, ("0"..."7").contains(scalars[index]) {
                            value = value * 8 + Int(scalars[index].value - 48)
                            index += 1
                            digits += 1
                        }
                        bytes.append(UInt8(value & 0xFF))
                    case "\n": break // a line continuation
                    default: bytes.append(UInt8(truncatingIfNeeded: escaped.value))
                    }
                    continue
                case "(": depth += 1
                case ")":
                    depth -= 1
                    if depth == 0 { index = scalars.count; continue }
                default: break
                }
                bytes.append(UInt8(truncatingIfNeeded: scalar.value))
            }
        } else {
            return nil
        }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            var units: [UInt16] = []
            var index = 2
            while index + 1 < bytes.count {
                units.append(UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]))
                index += 2
            }
            return String(decoding: units, as: UTF16.self)
        }
        return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }

    private struct Trailer {
        var dictionary: String
        var xrefOffset: Int
    }

    /// The last `startxref` and the trailer dictionary of the section it points to.
    private static func lastTrailer(_ pdf: [UInt8]) throws(Failure) -> Trailer {
        let tail = latin1(pdf, from: max(0, pdf.count - 2048), to: pdf.count)
        guard let start = tail.range(of: "startxref", options: .backwards),
              let offset = Int(tail[start.upperBound...].split(whereSeparator: \.isWhitespace).first ?? ""),
              offset >= 0, offset < pdf.count else { throw Failure(description: "no startxref (not a PDF with a cross-reference table)") }
        let section = latin1(pdf, from: offset, to: pdf.count)
        guard section.hasPrefix("xref"), let trailer = section.range(of: "trailer") else {
            throw Failure(description: "cross-reference streams are not supported")
        }
        let rest = section[trailer.upperBound...]
        guard let open = rest.range(of: "<<"), let dictionary = balancedDictionary(rest[open.lowerBound...]) else {
            throw Failure(description: "unreadable trailer")
        }
        return Trailer(dictionary: dictionary, xrefOffset: offset)
    }

    /// Object number → byte offset, from a classic cross-reference table.
    private static func crossReference(_ pdf: [UInt8], at offset: Int) throws(Failure) -> [Int: Int] {
        let text = latin1(pdf, from: offset, to: pdf.count)
        var lines = text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" }).makeIterator()
        guard lines.next()?.trimmingCharacters(in: .whitespaces) == "xref" else { throw Failure(description: "no cross-reference table") }
        var offsets: [Int: Int] = [:]
        while let line = lines.next() {
            let header = line.split(separator: " ")
            guard header.count == 2, let first = Int(header[0]), let count = Int(header[1]) else { break }
            for index in 0..<count {
                guard let entry = lines.next() else { throw Failure(description: "short cross-reference table") }
                let fields = entry.split(separator: " ")
                if fields.count >= 3, fields[2].hasPrefix("n"), let value = Int(fields[0]) { offsets[first + index] = value }
            }
        }
        return offsets
    }

    /// The inside of the dictionary of object `number` at `offset` (without `<<` `>>`).
    private static func dictionary(ofObjectAt offset: Int, number: Int, in pdf: [UInt8]) throws(Failure) -> String {
        let text = latin1(pdf, from: offset, to: min(pdf.count, offset + 65536))
        guard text.hasPrefix("\(number) 0 obj"), let open = text.range(of: "<<"),
              let dictionary = balancedDictionary(text[open.lowerBound...]) else {
            throw Failure(description: "object \(number) is not a dictionary")
        }
        return dictionary
    }

    /// The contents of the `<< … >>` that `text` starts with, skipping strings.
    private static func balancedDictionary(_ text: Substring) -> String? {
        var depth = 0
        var index = text.startIndex
        var contentStart: String.Index?
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == "(" {
                index = skipLiteral(text, from: index)
                continue
            }
            if character == "<", next < text.endIndex, text[next] == "<" {
                depth += 1
                if depth == 1 { contentStart = text.index(after: next) }
                index = text.index(after: next)
                continue
            }
            if character == ">", next < text.endIndex, text[next] == ">" {
                depth -= 1
                if depth == 0, let contentStart { return String(text[contentStart..<index]) }
                index = text.index(after: next)
                continue
            }
            index = next
        }
        return nil
    }

    /// The index after the literal string `( … )` starting at `start` (nested, escaped).
    private static func skipLiteral(_ text: Substring, from start: String.Index) -> String.Index {
        var depth = 0
        var index = start
        while index < text.endIndex {
            switch text[index] {
            case "\\":
                index = text.index(after: index)
                if index < text.endIndex { index = text.index(after: index) }
                continue
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth == 0 { return text.index(after: index) }
            default: break
            }
            index = text.index(after: index)
        }
        return text.endIndex
    }

    /// The range of `key`'s entry (key and value) at the top level of a dictionary's inside.
    private static func entry(_ key: String, in dictionary: String) -> Range<String.Index>? {
        var index = dictionary.startIndex
        var depth = 0
        while index < dictionary.endIndex {
            let character = dictionary[index]
            if character == "(" { index = skipLiteral(dictionary[...], from: index); continue }
            if character == "<" || character == "[" { depth += 1 }
            if character == ">" || character == "]" { depth -= 1 }
            if depth == 0, character == "/", dictionary[index...].hasPrefix(key) {
                let afterKey = dictionary.index(index, offsetBy: key.count)
                if afterKey == dictionary.endIndex || !(dictionary[afterKey].isLetter || dictionary[afterKey].isNumber) {
                    return index..<valueEnd(in: dictionary, from: afterKey)
                }
            }
            index = dictionary.index(after: index)
        }
        return nil
    }

    /// The end of the value starting (after whitespace) at `start`: the next key at this level.
    private static func valueEnd(in dictionary: String, from start: String.Index) -> String.Index {
        var index = start
        var depth = 0
        var seenValue = false
        while index < dictionary.endIndex {
            let character = dictionary[index]
            if character == "(" { index = skipLiteral(dictionary[...], from: index); seenValue = true; continue }
            if character == "<" || character == "[" { depth += 1; seenValue = true }
            if character == ">" || character == "]" { depth -= 1 }
            if depth == 0, character == "/", seenValue { return index }
            if depth == 0, character == "/", !seenValue { seenValue = true }
            if !character.isWhitespace { seenValue = true }
            index = dictionary.index(after: index)
        }
        return dictionary.endIndex
    }

    private static func contains(key: String, in dictionary: String) -> Bool { entry(key, in: dictionary) != nil }

    private static func removing(key: String, from dictionary: String) -> String {
        guard let range = entry(key, in: dictionary) else { return dictionary }
        var copy = dictionary
        copy.removeSubrange(range)
        return copy
    }

    private static func rawValue(after key: String, in dictionary: String) -> String? {
        guard let range = entry(key, in: dictionary) else { return nil }
        return dictionary[range].dropFirst(key.count).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func reference(after key: String, in dictionary: String) -> Int? {
        rawValue(after: key, in: dictionary).flatMap { Int($0.split(separator: " ").first ?? "") }
    }

    private static func integer(after key: String, in dictionary: String) -> Int? {
        rawValue(after: key, in: dictionary).flatMap { Int($0) }
    }

    /// Bytes as Latin-1 text: one character per byte, so string bytes survive and offsets match.
    private static func latin1(_ pdf: [UInt8], from start: Int, to end: Int) -> String {
        // CR becomes LF: Swift joins CR LF into one Character, which would shift offsets.
        String(String.UnicodeScalarView(pdf[start..<end].map { Unicode.Scalar($0 == 0x0D ? 0x0A : $0) }))
    }

    // MARK: Writing

    /// A PDF text string in UTF-16BE with a byte-order mark, which any title can be.
    static func hexString(_ text: String) -> String {
        "<FEFF" + text.utf16.map { unit in
            let hex = String(unit, radix: 16, uppercase: true)
            return String(repeating: "0", count: 4 - hex.count) + hex
        }.joined() + ">"
    }

    /// A PDF literal string of plain ASCII (language tags are validated BCP 47).
    private static func literal(_ text: String) -> String {
        "(" + text.unicodeScalars.filter { $0.isASCII && $0 != "(" && $0 != ")" && $0 != "\\" }.map(String.init).joined() + ")"
    }

    static func xmpPacket(title: String, language: String) -> String {
        func xml(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        return """
        <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
        <x:xmpmeta xmlns:x="adobe:ns:meta/">
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
        <dc:format>application/pdf</dc:format>
        <dc:title><rdf:Alt><rdf:li xml:lang="x-default">\(xml(title))</rdf:li></rdf:Alt></dc:title>
        <dc:language><rdf:Bag><rdf:li>\(xml(language))</rdf:li></rdf:Bag></dc:language>
        <xmp:CreatorTool>Leafpress</xmp:CreatorTool>
        </rdf:Description>
        </rdf:RDF>
        </x:xmpmeta>
        <?xpacket end="w"?>
        """
    }
}
