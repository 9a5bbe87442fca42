/// Readability of one file's prose (a section), from the Markdown stage's text blocks:
/// the counts and grades (`stats`) and every sentence unit with its line (`sentences`).
///
/// What counts:
/// - paragraphs, block quotes and list items; headings and code are left out;
/// - each block is cut into sentence units at `.`, `!` and `?` (see `ReadabilityText`);
///   a unit of more than two words is a sentence, as in textstat;
/// - a list item counts as at least one sentence even without a full stop: when none of
///   its units is long enough to count, the whole item is one sentence;
/// - words, syllables and polysyllables are counted per block, as textstat counts a text.
public struct ReadabilityReport: Sendable, Equatable {
    /// Counts and grades.
    public var stats: ReadabilityStats
    /// Every sentence unit in order, counted as a sentence or not.
    public var sentences: [ReadabilitySentence]

    /// A report with the given figures (for callers that build or combine their own).
    public init(stats: ReadabilityStats = .zero, sentences: [ReadabilitySentence] = []) {
        self.stats = stats
        self.sentences = sentences
    }

    /// Analyses `blocks`, counting syllables by `convention` (the default agrees with textstat).
    public init(blocks: [MarkdownDocument.TextBlock], syllables convention: Syllables.Convention = .hyphenation) {
        self.init()
        for block in blocks {
            switch block.kind {
            case .heading, .code:
                continue
            case .paragraph, .blockQuote, .listItem, .tableCell:
                add(block, convention: convention)
            }
        }
    }

    /// Analyses plain text whose paragraphs are separated by blank lines, each taken as a
    /// paragraph block starting on its own line (1-based) — what the reference fixtures are.
    public init(plainText text: String, syllables convention: Syllables.Convention = .hyphenation) {
        var blocks: [MarkdownDocument.TextBlock] = []
        var lines: [Substring] = []
        var firstLine = 0
        func flush() {
            let joined = lines.map { $0.trimmingSpaces() }.joined(separator: " ")
            if !joined.isEmpty { blocks.append(.init(kind: .paragraph, text: joined, line: firstLine)) }
            lines = []
        }
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            if line.allSatisfy(\.isWhitespace) {
                flush()
            } else {
                if lines.isEmpty { firstLine = index + 1 }
                lines.append(line)
            }
        }
        flush()
        self.init(blocks: blocks, syllables: convention)
    }

    /// The counted sentences with more than `maxWords` words, for the long-sentence warning.
    public func sentences(longerThan maxWords: Int) -> [ReadabilitySentence] {
        sentences.filter { $0.countsAsSentence && $0.words > maxWords }
    }

    private mutating func add(_ block: MarkdownDocument.TextBlock, convention: Syllables.Convention) {
        let words = ReadabilityText.words(in: convention == .hyphenation ? block.text.lowercased() : block.text)
        var blockStats = ReadabilityStats(words: words.count)
        for word in words {
            let count = Syllables.countWord(String(word), convention: convention)
            blockStats.syllables += count
            if count >= 3 { blockStats.polysyllables += 1 }
        }

        var units = ReadabilityText.sentenceUnits(in: block.text).map { unit in
            let count = ReadabilityText.wordCount(unit.text)
            return ReadabilitySentence(text: unit.text, words: count, line: block.line, offset: unit.offset,
                                       kind: block.kind, countsAsSentence: count > 2)
        }
        if block.kind == .listItem || block.kind == .tableCell, !units.contains(where: \.countsAsSentence), blockStats.words > 0 {
            units = [ReadabilitySentence(text: block.text.trimmingSpaces(), words: blockStats.words, line: block.line,
                                         offset: 0, kind: block.kind, countsAsSentence: true)]
        }
        blockStats.sentences = units.filter(\.countsAsSentence).count
        if let longest = units.max(by: { $0.words < $1.words }), longest.words > 0 {
            blockStats.longestSentenceWords = longest.words
            blockStats.longestSentenceLine = longest.line
        }
        stats.add(blockStats)
        sentences += units
    }
}

private extension StringProtocol {
    func trimmingSpaces() -> String {
        var characters = Substring(self)
        while characters.first?.isWhitespace == true { characters.removeFirst() }
        while characters.last?.isWhitespace == true { characters.removeLast() }
        return String(characters)
    }
}
