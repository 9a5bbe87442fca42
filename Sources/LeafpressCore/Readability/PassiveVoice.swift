/// A heuristic for the passive voice, for warnings only: a form of "to be" (am, is, are,
/// was, were, be, been, being, and contractions such as `it's`, `you're`, `isn't`),
/// then up to two adverbs (words ending in -ly, or not, also, always, never, often, still,
/// then, now, just, already, usually, sometimes, all, both), then a past participle —
/// a word ending in -ed or one of about 150 irregular ones (`given`, `taken`, `done`).
///
/// To keep false alarms low it does not report participles that after "to be" usually
/// describe a state (`tired`, `worried`, `located`, `swollen`, `upset`, `closed`; see
/// `IrregularParticiples.statives`), -ed words that are not participles (`need`,
/// `hundred`), nor "get" passives. It does report real passives that read like states
/// (`is broken`, `are allowed`), as rewording those usually helps.
public enum PassiveVoice {
    /// One passive construction.
    public struct Match: Sendable, Equatable {
        /// The construction as written (`will be given` → `be given`; `is being treated`).
        public var phrase: String
        /// The sentence unit it is in.
        public var sentence: String
        /// First line of the block (the Markdown stage keeps no finer position).
        public var line: Int
        /// 1-based column of `phrase` in the block's plain text (characters).
        public var column: Int

        /// A match with all its parts.
        public init(phrase: String, sentence: String, line: Int, column: Int) {
            self.phrase = phrase
            self.sentence = sentence
            self.line = line
            self.column = column
        }
    }

    static let beForms: Set<String> = [
        "am", "is", "are", "was", "were", "be", "been", "being",
        "isn't", "aren't", "wasn't", "weren't", "i'm", "you're", "we're", "they're",
        "it's", "that's", "there's", "here's", "what's", "who's", "he's", "she's",
    ]

    static let adverbs: Set<String> = [
        "not", "also", "always", "never", "often", "still", "then", "now", "just", "already",
        "usually", "sometimes", "all", "both", "been", "being",
    ]

    /// Passive constructions in the prose of `blocks` (paragraphs, list items and block
    /// quotes; headings and code are left out, as for the readability figures).
    public static func matches(in blocks: [MarkdownDocument.TextBlock]) -> [Match] {
        blocks.filter { $0.kind != .code && $0.kind != .heading }.flatMap { matches(in: $0.text, line: $0.line) }
    }

    /// Passive constructions in `text`, a block starting on `line`.
    public static func matches(in text: String, line: Int = 1) -> [Match] {
        var found: [Match] = []
        for unit in ReadabilityText.sentenceUnits(in: text) {
            let characters = Array(unit.text)
            let tokens = WordToken.tokens(in: characters)
            var index = 0
            while index < tokens.count {
                guard beForms.contains(tokens[index].key) else {
                    index += 1
                    continue
                }
                var next = index + 1
                var skipped = 0
                while next < tokens.count, skipped < 3, isAdverb(tokens[next].key) {
                    next += 1
                    skipped += 1
                }
                if next < tokens.count, isParticiple(tokens[next].key) {
                    found.append(Match(phrase: String(characters[tokens[index].start..<tokens[next].end]),
                                       sentence: unit.text, line: line,
                                       column: unit.offset + tokens[index].start + 1))
                    index = next + 1
                } else {
                    index += 1
                }
            }
        }
        return found
    }

    static func isAdverb(_ word: String) -> Bool {
        adverbs.contains(word) || (word.count > 3 && word.hasSuffix("ly"))
    }

    /// A past participle that is not a stative adjective.
    static func isParticiple(_ word: String) -> Bool {
        if IrregularParticiples.statives.contains(word) { return false }
        if IrregularParticiples.words.contains(word) { return true }
        return word.count >= 4 && word.hasSuffix("ed") && !IrregularParticiples.notParticiples.contains(word)
    }
}
