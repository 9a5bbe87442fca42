import Foundation

/// Raw readability counts of some prose, and the grades computed from them. Counts add up
/// (`+`), so a leaflet's figures are the sum of its sections' and its grades are computed
/// from the sums, never averaged.
///
/// The grades follow textstat 0.7.3 to the letter, so the figures agree with it:
/// - Flesch-Kincaid grade = 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59,
///   where textstat rounds both ratios to one decimal before using them, and the result
///   to one decimal (`fleschKincaidGradeUnrounded` has the formula without any rounding);
/// - SMOG grade = 1.043 × √(30 × polysyllables / sentences) + 3.1291, to one decimal, and
///   only from 3 sentences on (textstat gives 0 below that; here it is `nil`);
/// - sentences count as at least 1 once there are words, as in textstat.
public struct ReadabilityStats: Sendable, Equatable, Hashable, Codable {
    /// Words (textstat's `lexicon_count`).
    public var words: Int
    /// Sentence units of more than two words, plus list items (see `ReadabilityText`).
    public var sentences: Int
    /// Syllables of all the words.
    public var syllables: Int
    /// Words of three syllables or more.
    public var polysyllables: Int
    /// Words in the longest sentence unit.
    public var longestSentenceWords: Int
    /// Line of the block holding the longest sentence unit (in its own file), if any.
    public var longestSentenceLine: Int?

    /// Figures from raw counts.
    public init(words: Int = 0, sentences: Int = 0, syllables: Int = 0, polysyllables: Int = 0,
                longestSentenceWords: Int = 0, longestSentenceLine: Int? = nil) {
        self.words = words
        self.sentences = sentences
        self.syllables = syllables
        self.polysyllables = polysyllables
        self.longestSentenceWords = longestSentenceWords
        self.longestSentenceLine = longestSentenceLine
    }

    /// No prose at all.
    public static let zero = ReadabilityStats()

    /// The figures of both texts together. The longest sentence is the longer of the two
    /// (the first on a tie); its line is only meaningful together with the file it came from.
    public static func + (lhs: ReadabilityStats, rhs: ReadabilityStats) -> ReadabilityStats {
        var sum = lhs
        sum.add(rhs)
        return sum
    }

    /// Adds `other`'s counts to these.
    public mutating func add(_ other: ReadabilityStats) {
        words += other.words
        sentences += other.sentences
        syllables += other.syllables
        polysyllables += other.polysyllables
        if other.longestSentenceWords > longestSentenceWords {
            longestSentenceWords = other.longestSentenceWords
            longestSentenceLine = other.longestSentenceLine
        }
    }

    /// Sentences as the formulas use them: at least 1.
    private var sentenceDivisor: Double { Double(max(sentences, 1)) }

    /// Mean words per sentence (unrounded).
    public var meanSentenceWords: Double {
        Double(words) / sentenceDivisor
    }

    /// Share of words with three syllables or more, from 0 to 1.
    public var complexWordShare: Double {
        words == 0 ? 0 : Double(polysyllables) / Double(words)
    }

    /// Flesch-Kincaid grade exactly as textstat 0.7.3 computes it (one decimal), or nil
    /// without words.
    public var fleschKincaidGrade: Double? {
        guard words > 0 else { return nil }
        let sentenceLength = Self.roundedAsTextstat(Double(words) / sentenceDivisor, places: 1)
        let syllablesPerWord = Self.roundedAsTextstat(Double(syllables) / Double(words), places: 1)
        return Self.roundedAsTextstat(0.39 * sentenceLength + 11.8 * syllablesPerWord - 15.59, places: 1)
    }

    /// The Flesch-Kincaid formula without textstat's rounding, or nil without words.
    public var fleschKincaidGradeUnrounded: Double? {
        guard words > 0 else { return nil }
        return 0.39 * (Double(words) / sentenceDivisor) + 11.8 * (Double(syllables) / Double(words)) - 15.59
    }

    /// SMOG grade as textstat 0.7.3 computes it (one decimal), or nil below 3 sentences.
    public var smogGrade: Double? {
        guard sentences >= 3 else { return nil }
        let grade = 1.043 * pow(30 * (Double(polysyllables) / Double(sentences)), 0.5) + 3.1291
        return Self.roundedAsTextstat(grade, places: 1)
    }

    /// textstat's `_legacy_round`: half away from zero, `floor(x × 10ⁿ + copysign(0.5, x)) / 10ⁿ`.
    static func roundedAsTextstat(_ number: Double, places: Int) -> Double {
        let scale = pow(10, Double(places))
        return (number * scale + Double(signOf: number, magnitudeOf: 0.5)).rounded(.down) / scale
    }
}
