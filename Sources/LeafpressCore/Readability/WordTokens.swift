/// Words of a text with where they are, for the jargon and passive voice checks: runs of
/// letters and digits, keeping an apostrophe between letters (`isn't`, `it’s`, normalised to
/// `'`). Hyphens, slashes and other punctuation separate words.
struct WordToken: Equatable {
    /// The word as written.
    var text: String
    /// Lowercased, with `’` as `'`.
    var key: String
    /// Offset in characters of the first character, and just past the last.
    var start: Int
    var end: Int

    static func tokens(in characters: [Character]) -> [WordToken] {
        var tokens: [WordToken] = []
        var index = 0
        func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber }
        while index < characters.count {
            guard isWordCharacter(characters[index]) else {
                index += 1
                continue
            }
            let start = index
            while index < characters.count {
                if isWordCharacter(characters[index]) {
                    index += 1
                } else if characters[index] == "'" || characters[index] == "’",
                          index + 1 < characters.count, characters[index + 1].isLetter, index > start {
                    index += 1
                } else {
                    break
                }
            }
            let text = String(characters[start..<index])
            tokens.append(WordToken(text: text, key: key(text), start: start, end: index))
        }
        return tokens
    }

    /// Lowercased, with `’` as `'`: how words and list entries are compared.
    static func key(_ text: String) -> String {
        String(text.lowercased().map { $0 == "’" ? "'" : $0 })
    }
}
