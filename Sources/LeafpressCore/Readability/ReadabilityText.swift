/// How plain text is cut into words and sentences for readability figures. The definitions
/// are textstat 0.7.3's, so Leafpress's grades agree with it:
/// - a word is a whitespace-separated token that still has a character after removing every
///   character that is neither a letter, a number, `_` nor whitespace (`follow-up` and
///   `don't` are one word each, `—` between spaces is none);
/// - a sentence unit ends at a run of `.`, `!` or `?`; a unit of two words or fewer
///   (`Call 999.`) is not counted as a sentence, though its words are counted.
///
/// Two deliberate differences, which make the sentences shown to authors right and change
/// no figure in ordinary prose: a `.` between two digits (`2.5 ml`) and the dots of a few
/// abbreviations (`e.g.`, `i.e.`, `Dr.`, `Mr.`, `Mrs.`, `Ms.`, `vs.`, `approx.`, `a.m.`,
/// `p.m.`) do not end a sentence, and every block (paragraph, list item) is a unit of its
/// own, while textstat runs on from a paragraph with no full stop into the next.
public enum ReadabilityText {
    /// A piece of a block's text that ends a sentence (or the block).
    public struct Unit: Sendable, Equatable {
        /// The text, trimmed, with its closing punctuation.
        public var text: String
        /// Offset in characters of `text` from the start of the block's text.
        public var offset: Int
    }

    /// Abbreviations whose dots do not end a sentence (lowercased, with their dots).
    static let abbreviations: Set<String> = ["e.g.", "i.e.", "dr.", "mr.", "mrs.", "ms.", "vs.", "approx.", "a.m.", "p.m."]

    /// textstat's `remove_punctuation`: drops every character that is neither a word character
    /// (letter, number, `_`, as Python's `\w`) nor whitespace.
    public static func removingPunctuation(_ text: String) -> String {
        var kept = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where isWordScalar(scalar) || isSpace(scalar) {
            kept.append(scalar)
        }
        return String(kept)
    }

    /// The words of `text` as textstat's `lexicon_count` counts them, punctuation removed.
    public static func words(in text: String) -> [Substring] {
        removingPunctuation(text).split(whereSeparator: { $0.unicodeScalars.allSatisfy(isSpace) })
    }

    /// Number of words in `text` (textstat's `lexicon_count`).
    public static func wordCount(_ text: String) -> Int {
        words(in: text).count
    }

    /// `text` cut after each run of `.`, `!` or `?` (with closing quotes and brackets
    /// that follow it); the last unit may have no closing punctuation. Empty units are dropped.
    public static func sentenceUnits(in text: String) -> [Unit] {
        let characters = Array(text)
        var units: [Unit] = []
        var start = 0
        var index = 0

        func close(at end: Int) {
            var first = start
            var last = end
            while first < last, characters[first].isWhitespace { first += 1 }
            while last > first, characters[last - 1].isWhitespace { last -= 1 }
            if first < last { units.append(Unit(text: String(characters[first..<last]), offset: first)) }
            start = end
        }

        while index < characters.count {
            guard isTerminator(characters[index]), !dotContinues(characters, at: index) else {
                index += 1
                continue
            }
            while index < characters.count, isTerminator(characters[index]) { index += 1 }
            while index < characters.count, closers.contains(characters[index]) { index += 1 }
            close(at: index)
        }
        close(at: characters.count)
        return units
    }

    private static let closers: Set<Character> = ["\"", "'", ")", "]", "”", "’", "»"]

    private static func isTerminator(_ character: Character) -> Bool {
        character == "." || character == "!" || character == "?"
    }

    /// True for a `.` that is a decimal point or part of a known abbreviation.
    private static func dotContinues(_ characters: [Character], at index: Int) -> Bool {
        guard characters[index] == "." else { return false }
        if index > 0, index + 1 < characters.count, characters[index - 1].isNumber, characters[index + 1].isNumber {
            return true
        }
        var first = index
        var last = index + 1
        while first > 0, !characters[first - 1].isWhitespace { first -= 1 }
        while last < characters.count, !characters[last].isWhitespace { last += 1 }
        var token = characters[first..<last]
        while let head = token.first, !head.isLetter, head != "." { token = token.dropFirst() }
        while let tail = token.last, !tail.isLetter, tail != "." { token = token.dropLast() }
        return abbreviations.contains(String(token).lowercased())
    }

    /// Python's `\w`: letters (Lu, Ll, Lt, Lm, Lo), numbers and `_`.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" { return true }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return true
        default:
            return properties.numericType != nil
        }
    }

    /// Python's `str.isspace`: Unicode whitespace plus the information separators U+001C–U+001F.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || (0x1C...0x1F).contains(scalar.value)
    }
}
