/// BCP 47 language tags, checked for shape only (`en`, `es-MX`, `zh-Hant-TW`).
public enum LanguageTag {
    public static func isValid(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// Languages written right to left, by primary subtag.
    static let rightToLeft: Set<String> = ["ar", "arc", "dv", "fa", "ha", "he", "khw", "ks", "ku", "ps", "sd", "ur", "yi"]

    /// `rtl` or `ltr` for the `dir` attribute.
    public static func direction(of tag: String) -> String {
        let primary = tag.split(separator: "-").first.map { $0.lowercased() } ?? ""
        return rightToLeft.contains(primary) ? "rtl" : "ltr"
    }
}
