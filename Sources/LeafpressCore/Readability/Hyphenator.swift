/// Liang's hyphenation algorithm (the one TeX, Hunspell's Hyphen and pyphen use) over a set
/// of patterns. Leafpress uses it with the American English patterns to count syllables
/// exactly as textstat 0.7.3 does (hyphenation points + 1, through pyphen).
public struct Hyphenator: Sendable {
    /// Pattern letters (with `.` for a word edge) to the first non-zero value's offset and the
    /// values from there on.
    private let patterns: [String: (offset: Int, values: [UInt8])]
    private let longestPattern: Int
    /// Fewest letters before the first hyphenation point (pyphen's `left`).
    public let leftMinimum: Int
    /// Fewest letters after the last hyphenation point (pyphen's `right`).
    public let rightMinimum: Int

    /// Patterns as Hunspell's `hyph_*.dic` writes them (`.ad4der`, `a2ch`), separated by
    /// whitespace. Patterns whose values are all zero are dropped; a repeated one replaces the
    /// earlier, as in pyphen.
    public init(patterns text: String, leftMinimum: Int = 2, rightMinimum: Int = 2) {
        var table: [String: (offset: Int, values: [UInt8])] = [:]
        var longest = 0
        for pattern in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }) {
            var letters = String.UnicodeScalarView()
            var values: [UInt8] = []
            var pending: UInt8 = 0
            for scalar in pattern.unicodeScalars {
                if ("0"..."9").contains(scalar) {
                    pending = UInt8(scalar.value - 48)
                } else {
                    letters.append(scalar)
                    values.append(pending)
                    pending = 0
                }
            }
            values.append(pending)
            guard let first = values.firstIndex(where: { $0 != 0 }),
                  let last = values.lastIndex(where: { $0 != 0 }) else { continue }
            table[String(letters)] = (first, Array(values[first...last]))
            longest = max(longest, letters.count)
        }
        patterns = table
        longestPattern = longest
        self.leftMinimum = leftMinimum
        self.rightMinimum = rightMinimum
    }

    /// American English (hyph_en_US), with pyphen's default minimums of 2 and 2.
    public static let americanEnglish = Hyphenator(patterns: HyphenationPatternsEnUS.text)

    /// Offsets (in Unicode scalars, of the lowercased word) where `word` may be hyphenated,
    /// e.g. `hos-pi-tal` → `[3, 5]`.
    public func positions(in word: String) -> [Int] {
        let scalars = Array(word.lowercased().unicodeScalars)
        guard !scalars.isEmpty else { return [] }
        let pointed: [Unicode.Scalar] = ["."] + scalars + ["."]
        var points = [UInt8](repeating: 0, count: pointed.count + 1)
        for start in 0..<(pointed.count - 1) {
            var key = String.UnicodeScalarView()
            for end in (start + 1)...min(start + longestPattern, pointed.count) {
                key.append(pointed[end - 1])
                guard let (offset, values) = patterns[String(key)] else { continue }
                for (index, value) in values.enumerated() where start + offset + index < points.count {
                    points[start + offset + index] = max(points[start + offset + index], value)
                }
            }
        }
        let right = scalars.count - rightMinimum
        return points.indices.compactMap { index in
            let position = index - 1
            return points[index] % 2 == 1 && position >= leftMinimum && position <= right ? position : nil
        }
    }

    /// The word with `hyphen` at every hyphenation point (`hos-pi-tal`).
    public func hyphenated(_ word: String, hyphen: String = "-") -> String {
        let scalars = Array(word.unicodeScalars)
        var result = String.UnicodeScalarView()
        var cuts = Set(positions(in: word))
        // Offsets count the lowercased word; they only differ from `word`'s when lowercasing
        // changes the number of scalars, and then no point is placed at all.
        if word.lowercased().unicodeScalars.count != scalars.count { cuts = [] }
        for (index, scalar) in scalars.enumerated() {
            if cuts.contains(index) { result.append(contentsOf: hyphen.unicodeScalars) }
            result.append(scalar)
        }
        return String(result)
    }
}
