/// The health-literacy figures of one section or leaflet, as `leafpress check` reports them:
/// counts, grades and sentence lengths, rounded for people and for JSON.
///
/// Grades and the share of long words come from English syllable counts, so they are only
/// given for English prose (`graded`); other languages get counts and sentence lengths.
public struct ReadabilityFigures: Sendable, Equatable, Encodable {
    /// Words (textstat's `lexicon_count`).
    public var words: Int
    /// Sentences (list items count as sentences).
    public var sentences: Int
    /// Flesch-Kincaid grade, one decimal; nil without words or for prose that is not English.
    public var fleschKincaidGrade: Double?
    /// SMOG grade, one decimal; nil below three sentences or for prose that is not English.
    public var smogGrade: Double?
    /// Mean words per sentence, one decimal.
    public var meanSentenceWords: Double
    /// Words in the longest sentence.
    public var longestSentenceWords: Int
    /// Share of words of three syllables or more, from 0 to 1 (three decimals); nil for
    /// prose that is not English.
    public var complexWordShare: Double?

    /// Figures from the engine's counts; `graded` false leaves out what needs English syllables.
    public init(stats: ReadabilityStats, graded: Bool) {
        words = stats.words
        sentences = stats.sentences
        fleschKincaidGrade = graded ? stats.fleschKincaidGrade : nil
        smogGrade = graded ? stats.smogGrade : nil
        meanSentenceWords = stats.words == 0 ? 0 : Self.rounded(stats.meanSentenceWords, places: 1)
        longestSentenceWords = stats.longestSentenceWords
        complexWordShare = graded && stats.words > 0 ? Self.rounded(stats.complexWordShare, places: 3) : nil
    }

    private enum CodingKeys: String, CodingKey {
        case words, sentences
        case fleschKincaidGrade = "flesch_kincaid_grade"
        case smogGrade = "smog_grade"
        case meanSentenceWords = "mean_sentence_words"
        case longestSentenceWords = "longest_sentence_words"
        case complexWordShare = "complex_word_share"
    }

    /// Every key is written, `null` where a figure does not apply, so CI scripts can rely on them.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(words, forKey: .words)
        try container.encode(sentences, forKey: .sentences)
        try container.encode(fleschKincaidGrade, forKey: .fleschKincaidGrade)
        try container.encode(smogGrade, forKey: .smogGrade)
        try container.encode(meanSentenceWords, forKey: .meanSentenceWords)
        try container.encode(longestSentenceWords, forKey: .longestSentenceWords)
        try container.encode(complexWordShare, forKey: .complexWordShare)
    }

    static func rounded(_ value: Double, places: Int) -> Double {
        ReadabilityStats.roundedAsTextstat(value, places: places)
    }
}
