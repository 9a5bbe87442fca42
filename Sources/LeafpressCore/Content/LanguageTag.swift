/// BCP 47 language tags, checked for shape only (`en`, `es-MX`, `zh-Hant-TW`).
public enum LanguageTag {
    public static func isValid(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// The tag in its conventional case, so tags compare equal whatever case they were
    /// written in: `EN` → `en`, `es-mx` → `es-MX`, `ZH-HANT-tw` → `zh-Hant-TW`.
    public static func canonical(_ tag: String) -> String {
        tag.split(separator: "-", omittingEmptySubsequences: false).enumerated().map { index, part in
            if index == 0 { return part.lowercased() }
            if part.count == 4, part.allSatisfy(\.isLetter) { return part.prefix(1).uppercased() + part.dropFirst().lowercased() }
            if (part.count == 2 && part.allSatisfy(\.isLetter)) || (part.count == 3 && part.allSatisfy(\.isNumber)) { return part.uppercased() }
            return part.lowercased()
        }.joined(separator: "-")
    }

    /// Languages written right to left, by primary subtag.
    static let rightToLeft: Set<String> = ["ar", "arc", "dv", "fa", "ha", "he", "khw", "ks", "ku", "ps", "sd", "ur", "yi"]

    /// `rtl` or `ltr` for the `dir` attribute.
    public static func direction(of tag: String) -> String {
        let primary = tag.split(separator: "-").first.map { $0.lowercased() } ?? ""
        return rightToLeft.contains(primary) ? "rtl" : "ltr"
    }
}
