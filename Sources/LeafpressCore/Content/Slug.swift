/// Leaflet slugs (folder names) and the anchor ids derived from headings.
public enum Slug {
    /// Lowercase ASCII letters, digits and single inner hyphens, as SPEC requires of folder names.
    public static func isValid(_ slug: String) -> Bool {
        guard !slug.isEmpty, slug.count <= 100, !slug.hasPrefix("-"), !slug.hasSuffix("-"), !slug.contains("--") else { return false }
        return slug.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
    }

    /// The anchor a GitHub-style Markdown preview gives a heading, so `file.md#anchor`
    /// links work both in previews and on the built site.
    public static func anchor(for heading: String) -> String {
        var result = ""
        for scalar in heading.lowercased().unicodeScalars {
            if scalar == " " || scalar == "-" {
                result.unicodeScalars.append("-")
            } else if scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                        || scalar.properties.generalCategory == .nonspacingMark {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A section's id from its file name: `02-how-to-prepare.md` → `how-to-prepare`.
    public static func sectionID(forFile name: String) -> String {
        var stem = Substring(name)
        if stem.hasSuffix(".md") { stem = stem.dropLast(3) }
        let digits = stem.prefix(while: { $0.isASCII && $0.isNumber })
        if !digits.isEmpty, stem.dropFirst(digits.count).first == "-" || stem.dropFirst(digits.count).first == "_" {
            stem = stem.dropFirst(digits.count + 1)
        }
        let id = anchor(for: String(stem).replacingUnderscores())
        return id.isEmpty ? "section" : id
    }
}

private extension String {
    func replacingUnderscores() -> String { String(map { $0 == "_" ? " " : $0 }) }
}
