/// One sentence unit of prose, with where it is, so a caller can warn about long sentences.
public struct ReadabilitySentence: Sendable, Equatable {
    /// The sentence as written in the block's plain text (trimmed, with its full stop).
    public var text: String
    /// Words, as textstat counts them (`ReadabilityText.wordCount`).
    public var words: Int
    /// First line of the block the sentence is in (the stage keeps no finer position).
    public var line: Int
    /// Offset in characters of the sentence from the start of the block's text.
    public var offset: Int
    /// The kind of block it is in (paragraph, list item, block quote).
    public var kind: MarkdownDocument.TextBlock.Kind
    /// False for a unit of two words or fewer (`Call 999.`), which textstat does not count
    /// as a sentence; a list item always counts as at least one.
    public var countsAsSentence: Bool

    /// A sentence unit; `countsAsSentence` defaults to true.
    public init(text: String, words: Int, line: Int, offset: Int = 0,
                kind: MarkdownDocument.TextBlock.Kind = .paragraph, countsAsSentence: Bool = true) {
        self.text = text
        self.words = words
        self.line = line
        self.offset = offset
        self.kind = kind
        self.countsAsSentence = countsAsSentence
    }
}
