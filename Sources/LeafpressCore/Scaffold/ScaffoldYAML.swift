/// Writes text values into YAML so they read back exactly: plain when that is safe (as
/// authors write them, `title: Knee Replacement`), double-quoted otherwise.
enum ScaffoldYAML {
    /// Punctuation allowed inside a plain value besides letters, digits and spaces.
    private static let plainPunctuation: Set<Character> = ["-", ",", ".", "(", ")", "/", "&", "'", "+"]
    /// Words YAML 1.1 reads as booleans or null.
    private static let reserved: Set<String> = ["y", "n", "yes", "no", "true", "false", "on", "off", "null"]

    /// `text` as a plain scalar when it starts with a letter and holds only letters,
    /// digits, spaces and harmless punctuation; double-quoted otherwise.
    static func scalar(_ text: String) -> String {
        guard let first = text.first, first.isLetter, text.last != " ",
              !reserved.contains(text.lowercased()),
              text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == " " || plainPunctuation.contains($0) })
        else { return quoted(text) }
        return text
    }

    /// `text` as a double-quoted scalar.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{FEFF}" {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
