/// Counts the syllables of English words.
///
/// Two conventions:
/// - `.hyphenation` (the default, used for the grades): hyphenation points + 1 under the
///   American English TeX/Hunspell patterns with at least two letters kept at each end —
///   exactly how textstat 0.7.3 counts (through pyphen), so Leafpress's grades agree with it.
///   It undercounts spoken syllables (`a-bout`, `med-i-cine` and `sur-ger-y` get 1 each),
///   which is what the reference grades were computed with.
/// - `.spoken`: an estimate of the syllables as spoken, from vowel groups with English
///   spelling rules (silent final e, -le, -es and -ed endings, y as a vowel, vowel pairs
///   said as two syllables, British medical spellings), an exceptions dictionary, and numbers
///   as said (`999` → nine hundred and ninety-nine).
///
/// A word is first stripped as textstat strips it (lowercased, every character but letters,
/// numbers and `_` removed: `follow-up` → `followup`); what is left empty has no syllables.
public enum Syllables {
    /// Which way syllables are counted.
    public enum Convention: String, Sendable, Equatable, CaseIterable {
        /// Hyphenation points + 1 (textstat 0.7.3 / pyphen); the default.
        case hyphenation
        /// Spoken syllables, estimated by spelling rules.
        case spoken
    }

    /// Syllables in one word (`word` is stripped as above; if spaces are left, the words are added up).
    public static func count(_ word: String, convention: Convention = .hyphenation) -> Int {
        count(inText: word, convention: convention)
    }

    /// Syllables in all the words of `text` (textstat's `syllable_count`).
    public static func count(inText text: String, convention: Convention = .hyphenation) -> Int {
        // textstat lowercases before it strips punctuation; the spoken count needs the capitals.
        let source = convention == .hyphenation ? text.lowercased() : text
        return ReadabilityText.words(in: source).reduce(0) { $0 + countWord(String($1), convention: convention) }
    }

    /// Syllables of one word with punctuation already removed.
    static func countWord(_ word: String, convention: Convention) -> Int {
        switch convention {
        case .hyphenation:
            return Hyphenator.americanEnglish.positions(in: word.lowercased()).count + 1
        case .spoken:
            // An abbreviation in capitals (NHS, INR, GP) is said letter by letter.
            if (2...4).contains(word.count), word.allSatisfy({ $0.isUppercase && $0.isLetter }) {
                return word.reduce(0) { $0 + ($1 == "W" ? 3 : 1) }
            }
            return SpokenSyllables.count(word.lowercased())
        }
    }
}
