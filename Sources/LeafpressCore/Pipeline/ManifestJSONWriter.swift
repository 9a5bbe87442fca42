import Foundation

/// Writes `manifest.json` straight into bytes, in exactly the form `JSONEncoder` gave it
/// (pretty-printed, keys sorted, slashes unescaped; a test compares the two). The
/// encoder's intermediate tree of dictionaries was a quarter of a 1,000-leaflet build's
/// peak heap (about 5 KB per leaflet) and 3% of its time. The byte array is reserved
/// once at about its final size, so it does not double as it grows; it is not built in
/// `Data` directly, because `Data.append` casts its argument at run time on every call
/// (a 10,000-leaflet manifest took a second that way).
struct ManifestJSONWriter {
    private var output: [UInt8] = []
    private var depth = 0

    static func data(_ manifest: SiteManifest) -> Data {
        var writer = ManifestJSONWriter()
        writer.output.reserveCapacity(256 + manifest.leaflets.count * 4_600)
        writer.object { writer in
            writer.key("format") { $0.string(manifest.format) }
            writer.key("leaflets") { writer in
                writer.array(manifest.leaflets) { writer, leaflet in writer.leaflet(leaflet) }
            }
        }
        writer.output.append(UInt8(ascii: "\n"))
        return Data(writer.output)
    }

    /// Keys in sorted order, as `.sortedKeys` puts them.
    private mutating func leaflet(_ leaflet: SiteManifest.Leaflet) {
        object { w in
            w.key("approvals") { w in
                w.array(leaflet.approvals) { w, approval in
                    w.object { w in
                        w.key("date") { $0.string(approval.date) }
                        w.key("name") { $0.string(approval.name) }
                        w.key("role") { $0.string(approval.role) }
                    }
                }
            }
            w.key("language") { $0.string(leaflet.language) }
            w.key("next_review") { $0.string(leaflet.nextReview) }
            w.key("owner") { $0.string(leaflet.owner) }
            w.key("page") { $0.string(leaflet.page) }
            w.key("page_sha256") { $0.string(leaflet.pageSHA256) }
            w.key("pdfs") { w in
                w.array(leaflet.pdfs ?? []) { w, pdf in
                    w.object { w in
                        w.key("edition") { $0.string(pdf.edition) }
                        w.key("file") { $0.string(pdf.file) }
                        w.key("print_sha256") { $0.string(pdf.printSHA256) }
                        w.key("sha256") { $0.string(pdf.sha256) }
                    }
                }
            }
            w.key("reference") { $0.string(leaflet.reference) }
            w.key("reviewed") { $0.string(leaflet.reviewed) }
            w.key("slug") { $0.string(leaflet.slug) }
            w.key("source_sha256") { $0.string(leaflet.sourceSHA256) }
            w.key("source_version") { $0.number(leaflet.sourceVersion) }
            w.key("sources") { w in
                w.array(leaflet.sources) { w, source in
                    w.object { w in
                        w.key("path") { $0.string(source.path) }
                        w.key("sha256") { $0.string(source.sha256) }
                    }
                }
            }
            w.key("title") { $0.string(leaflet.title) }
            w.key("translation_of") { $0.string(leaflet.translationOf) }
            w.key("version") { $0.number(leaflet.version) }
        }
    }

    // MARK: the pretty-printed shape

    /// Whether the current object or array has an element yet (for `,` and line breaks).
    private var started: [Bool] = []

    private mutating func object(_ body: (inout ManifestJSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    private mutating func array<T>(_ items: [T], _ element: (inout ManifestJSONWriter, T) -> Void) {
        open(UInt8(ascii: "["))
        for item in items {
            nextElement()
            element(&self, item)
        }
        close(UInt8(ascii: "]"))
    }

    private mutating func key(_ name: String, _ value: (inout ManifestJSONWriter) -> Void) {
        nextElement()
        string(name)
        output.append(contentsOf: " : ".utf8)
        value(&self)
    }

    private mutating func open(_ bracket: UInt8) {
        output.append(bracket)
        output.append(UInt8(ascii: "\n"))
        depth += 1
        started.append(false)
    }

    private mutating func nextElement() {
        if started[started.count - 1] { output.append(contentsOf: ",\n".utf8) }
        started[started.count - 1] = true
        indent()
    }

    /// `JSONEncoder` writes an empty array as `[`, two line breaks and `]`.
    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        started.removeLast()
        output.append(UInt8(ascii: "\n"))
        indent()
        output.append(bracket)
    }

    private mutating func indent() {
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    private mutating func number(_ value: Int?) {
        if let value { output.append(contentsOf: String(value).utf8) } else { output.append(contentsOf: "null".utf8) }
    }

    private mutating func string(_ value: String?) {
        guard let value else {
            output.append(contentsOf: "null".utf8)
            return
        }
        output.append(UInt8(ascii: "\""))
        // Nearly every value (hashes, paths, dates) needs no escape: one append.
        let plain = value.utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        }
        if plain == true {
            output.append(contentsOf: value.utf8)
            output.append(UInt8(ascii: "\""))
            return
        }
        var escaped: [UInt8] = []
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): escaped.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): escaped.append(contentsOf: "\\\\".utf8)
            case 0x08: escaped.append(contentsOf: "\\b".utf8)
            case 0x0C: escaped.append(contentsOf: "\\f".utf8)
            case 0x0A: escaped.append(contentsOf: "\\n".utf8)
            case 0x0D: escaped.append(contentsOf: "\\r".utf8)
            case 0x09: escaped.append(contentsOf: "\\t".utf8)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                escaped.append(contentsOf: "\\u00".utf8)
                escaped.append(hex[Int(byte >> 4)])
                escaped.append(hex[Int(byte & 0xF)])
            default: escaped.append(byte)
            }
        }
        output.append(contentsOf: escaped)
        output.append(UInt8(ascii: "\""))
    }
}
