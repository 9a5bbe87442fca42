/// Quoting for text placed in a CSS `content:` string (print margin boxes), where HTML
/// escaping would print `&#39;` instead of an apostrophe.
public enum CSSString {
    /// A double-quoted CSS string literal.
    public static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n", "\r", "\u{0C}": result += "\\A "
            case "<": result += "\\3C "   // keeps `</style>` impossible should the CSS ever be inlined
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\\(String(scalar.value, radix: 16)) "
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
