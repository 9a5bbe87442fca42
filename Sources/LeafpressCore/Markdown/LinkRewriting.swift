/// Decides what each link and image destination becomes in the output. The Markdown
/// stage calls it once per reference, after the whole file's headings are known.
public protocol LinkRewriting {
    /// Returns the destination to emit. `anchors` maps this file's GitHub-style
    /// anchors to their ids on the page.
    mutating func rewrite(_ destination: String, isImage: Bool, line: Int, column: Int,
                          anchors: [String: String]) -> String

    /// The same for a reference written in the shared block at display path `block`
    /// (nil: in the file itself); `line` and `column` are then in the block's file and
    /// `anchors` are the block's own.
    mutating func rewrite(_ destination: String, isImage: Bool, line: Int, column: Int, block: String?,
                          anchors: [String: String]) -> String

    /// The absolute URL to print after a rewritten link's text on paper, if any.
    func printURL(for href: String) -> String?
}

extension LinkRewriting {
    public func printURL(for href: String) -> String? { nil }

    public mutating func rewrite(_ destination: String, isImage: Bool, line: Int, column: Int, block: String?,
                                 anchors: [String: String]) -> String {
        rewrite(destination, isImage: isImage, line: line, column: column, anchors: anchors)
    }
}

/// Leaves every destination as written.
public struct KeepLinks: LinkRewriting {
    public init() {}
    public func rewrite(_ destination: String, isImage: Bool, line: Int, column: Int, anchors: [String: String]) -> String {
        destination
    }
}

/// URL schemes that run code or smuggle content; never emitted, whatever `unsafe_html` says.
enum UnsafeScheme {
    static let blocked: Set<String> = ["javascript", "vbscript", "data", "file"]

    static func isBlocked(_ url: String) -> Bool {
        var scheme: [UInt8] = []
        for byte in url.utf8 {
            if byte == UInt8(ascii: ":") { return blocked.contains(String(decoding: scheme, as: UTF8.self)) }
            // Browsers ignore ASCII whitespace and control characters inside a scheme.
            if byte <= 0x20 { continue }
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                scheme.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                scheme.append(byte + 32)
            default:
                return false
            }
        }
        return false
    }
}
