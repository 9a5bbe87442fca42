import Foundation

/// A plain-language word list (term → plainer alternative) and the search for its terms in
/// prose. The shipped list (`JargonList.shipped`, about 130 entries) can be extended or
/// overridden by a site's own entries.
///
/// Matching is case-insensitive and by whole words: a term matches `Hypertension` but not
/// `hypertensive`, and a phrase (`prior to`) matches its words in order with any spaces or
/// hyphens between them. The term's last word also matches with an ending: -s, -es, -ies
/// (for -y), -ed, -d, -ing (also for a dropped e and a doubled consonant) and a possessive
/// `'s` (`sutures`, `voided`, `administering`, `biopsies`). Where terms overlap, the one
/// with the most words wins (`adverse reaction` over `adverse`).
public struct JargonList: Sendable {
    /// One use of a listed term.
    public struct Match: Sendable, Equatable {
        /// The list's entry, lowercase (`suture`).
        public var term: String
        /// The words as written in the text (`Sutures`).
        public var found: String
        /// The plainer alternative from the list.
        public var suggestion: String
        /// First line of the block (the Markdown stage keeps no finer position).
        public var line: Int
        /// 1-based column of `found` in the block's plain text (characters, not source bytes).
        public var column: Int

        /// A match with all its parts.
        public init(term: String, found: String, suggestion: String, line: Int, column: Int) {
            self.term = term
            self.found = found
            self.suggestion = suggestion
            self.line = line
            self.column = column
        }
    }

    /// Terms (lowercase, `’` as `'`) to their plainer alternatives.
    public let entries: [String: String]
    /// Terms by their first word, each as its words.
    private let byFirstWord: [String: [[String]]]

    /// Exactly `entries` (terms are lowercased and trimmed).
    public init(entries: [String: String]) {
        var normalised: [String: String] = [:]
        var index: [String: [[String]]] = [:]
        for (term, suggestion) in entries {
            let words = WordToken.tokens(in: Array(term)).map(\.key)
            guard let first = words.first else { continue }
            let key = words.joined(separator: " ")
            if normalised[key] == nil { index[first, default: []].append(words) }
            normalised[key] = suggestion
        }
        self.entries = normalised
        byFirstWord = index.mapValues { $0.sorted { $0.count > $1.count } }
    }

    /// The shipped list with `extra` merged over it: an extra entry replaces a shipped one
    /// with the same term, and an extra entry with an empty alternative removes the term.
    public init(merging extra: [String: String] = [:]) {
        var merged = PlainLanguageTerms.shipped
        for (term, suggestion) in extra {
            let key = WordToken.tokens(in: Array(term)).map(\.key).joined(separator: " ")
            let trimmed = suggestion.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { merged[key] = nil } else { merged[key] = trimmed }
        }
        self.init(entries: merged.filter { !$0.value.trimmingCharacters(in: .whitespaces).isEmpty })
    }

    /// The list shipped with Leafpress.
    public static let shipped = JargonList()

    /// Uses of listed terms in the prose of `blocks` (headings included, code left out).
    public func matches(in blocks: [MarkdownDocument.TextBlock]) -> [Match] {
        blocks.filter { $0.kind != .code }.flatMap { matches(in: $0.text, line: $0.line) }
    }

    /// Uses of listed terms in `text`, a block starting on `line`.
    public func matches(in text: String, line: Int = 1) -> [Match] {
        let characters = Array(text)
        let tokens = WordToken.tokens(in: characters)
        var found: [Match] = []
        var index = 0
        while index < tokens.count {
            guard let words = longestTerm(at: index, in: tokens) else {
                index += 1
                continue
            }
            let last = tokens[index + words.count - 1]
            let term = words.joined(separator: " ")
            found.append(Match(term: term, found: String(characters[tokens[index].start..<last.end]),
                               suggestion: entries[term] ?? "", line: line, column: tokens[index].start + 1))
            index += words.count
        }
        return found
    }

    /// The longest term starting at `tokens[index]`, as its words.
    private func longestTerm(at index: Int, in tokens: [WordToken]) -> [String]? {
        let first = tokens[index].key
        var candidates = byFirstWord[first] ?? []
        for base in Self.bases(of: first) where base != first {
            candidates += (byFirstWord[base] ?? []).filter { $0.count == 1 }
        }
        return candidates.sorted { $0.count > $1.count }.first { words in
            guard index + words.count <= tokens.count else { return false }
            for (offset, word) in words.enumerated() {
                let key = tokens[index + offset].key
                let isLast = offset == words.count - 1
                guard key == word || (isLast && Self.bases(of: key).contains(word)) else { return false }
            }
            return true
        }
    }

    /// Forms `word` may be an inflection of (`biopsies` → `biopsy`, `voided` → `void`,
    /// `ambulating` → `ambulate`, `admitted` → `admit`), never shorter than three letters.
    static func bases(of word: String) -> Set<String> {
        var bases: Set<String> = [word]
        var stem = word
        for possessive in ["'s", "s'"] where stem.hasSuffix(possessive) {
            stem = String(stem.dropLast(possessive == "'s" ? 2 : 1))
            bases.insert(stem)
        }
        func add(_ candidate: String) {
            if candidate.count >= 3 { bases.insert(candidate) }
        }
        func undoubled(_ candidate: String) {
            let letters = Array(candidate)
            if letters.count >= 4, letters[letters.count - 1] == letters[letters.count - 2] {
                add(String(letters.dropLast()))
            }
        }
        if stem.hasSuffix("ies") { add(String(stem.dropLast(3)) + "y") }
        if stem.hasSuffix("ied") { add(String(stem.dropLast(3)) + "y") }
        if stem.hasSuffix("es") { add(String(stem.dropLast(2))) }
        if stem.hasSuffix("s"), !stem.hasSuffix("ss") { add(String(stem.dropLast())) }
        if stem.hasSuffix("ed") {
            let base = String(stem.dropLast(2))
            add(base)
            add(base + "e")
            undoubled(base)
        }
        if stem.hasSuffix("ing") {
            let base = String(stem.dropLast(3))
            add(base)
            add(base + "e")
            undoubled(base)
        }
        return bases
    }
}
