/// Estimates spoken syllables of one lowercased word with punctuation removed, by English
/// spelling rules (`Syllables.Convention.spoken`). Rules, in order:
/// 1. a word in the exceptions dictionary has its listed count;
/// 2. numbers are counted as said (British, with "and": 999 → 7); letters mixed with digits
///    are counted apart (`500mg` → 3 + 2);
/// 3. a word without vowels is an abbreviation said letter by letter (`nhs` → 3, w → 3);
/// 4. otherwise each group of vowels (a e i o u, y when it sounds as a vowel) is one
///    syllable; some vowel pairs are said as two (`di-et`, `so-di-um`, `vi-de-o`, `act-u-al`,
///    `be-ing`); a silent final e, and -es/-ed endings that add no sound (`makes`, `walked`)
///    take one away, but not a syllabic -le/-re (`ta-ble`, `cen-tre`) or -es after a hissing
///    sound (`box-es`, `chang-es`), nor -ed after t or d (`want-ed`); -sm and -thm add one
///    (`au-tis-m`, `rhy-thm`); every word has at least one.
enum SpokenSyllables {
    static func count(_ word: String) -> Int {
        if let known = SpokenSyllableExceptions.counts[word] { return known }
        let characters = Array(word)
        if characters.contains(where: \.isNumber) {
            var total = 0
            var run: [Character] = []
            var runIsNumber = false
            func flush() {
                guard !run.isEmpty else { return }
                total += runIsNumber ? number(run) : letters(run)
                run = []
            }
            for character in characters where character != "_" {
                if character.isNumber != runIsNumber { flush() }
                runIsNumber = character.isNumber
                run.append(character)
            }
            flush()
            return max(total, 1)
        }
        return letters(characters.filter { $0 != "_" })
    }

    // MARK: Numbers

    private static let ones = [2, 1, 1, 1, 1, 1, 1, 2, 1, 1]          // zero … nine
    private static let teens = [1, 3, 1, 2, 2, 2, 2, 3, 2, 2]         // ten … nineteen
    private static let tens = [0, 0, 2, 2, 2, 2, 2, 3, 2, 2]          // -, -, twenty … ninety

    /// A run of digits said as a number up to 9999, digit by digit when longer or when it
    /// starts with 0 (`0300`).
    static func number(_ digits: [Character]) -> Int {
        let values = digits.compactMap { $0.wholeNumberValue }
        guard values.count == digits.count, !values.isEmpty else { return digits.count }
        if values.count > 4 || (values.count > 1 && values[0] == 0) {
            return values.reduce(0) { $0 + ones[$1 % 10] }
        }
        return cardinal(values.reduce(0) { $0 * 10 + $1 })
    }

    private static func cardinal(_ number: Int) -> Int {
        switch number {
        case 0..<10: return ones[number]
        case 10..<20: return teens[number - 10]
        case 20..<100: return tens[number / 10] + (number % 10 == 0 ? 0 : ones[number % 10])
        case 100..<1000:
            let rest = number % 100
            return ones[number / 100] + 2 + (rest == 0 ? 0 : 1 + cardinal(rest))
        default:
            let rest = number % 1000
            let and = rest > 0 && rest < 100 ? 1 : 0
            return cardinal(number / 1000) + 2 + and + (rest == 0 ? 0 : cardinal(rest))
        }
    }

    // MARK: Letters

    private static let plainVowels: Set<Character> = [
        "a", "e", "i", "o", "u", "à", "á", "â", "ä", "è", "é", "ê", "ë", "ì", "í", "î", "ï",
        "ò", "ó", "ô", "ö", "ù", "ú", "û", "ü", "æ", "œ",
    ]

    private static func isPlainVowel(_ character: Character?) -> Bool {
        character.map { plainVowels.contains($0) } ?? false
    }

    /// Prefixes whose vowel meets the next one across a syllable break (`co-ag-u-lant`).
    private static let hiatusPrefixes = [
        "coag", "coali", "coerc", "coex", "coinc", "cooperat", "coord", "creat", "recreat",
        "procreat", "preadm", "prean", "preass", "preecl", "preemp", "preex", "preop", "reabs",
        "react", "realis", "reality", "realiz", "reapp", "reass", "reent", "reeval", "reexam",
        "reinf", "reint", "reinv", "reopen", "reuse", "deact", "deoxy", "bioa", "semia", "antia",
        "antie", "antii", "antio",
    ]

    static func letters(_ characters: [Character]) -> Int {
        let word = String(characters)
        if let known = SpokenSyllableExceptions.counts[word] { return known }
        let length = characters.count
        guard length > 0 else { return 0 }
        func at(_ index: Int) -> Character? { characters.indices.contains(index) ? characters[index] : nil }

        // Which letters sound as vowels: y does, except at the start, between vowels, or
        // before a vowel after n or w (`yes`, `layer`, `canyon`, `lawyer`).
        var vowel = characters.map { plainVowels.contains($0) }
        for index in characters.indices where characters[index] == "y" {
            let before = at(index - 1), after = at(index + 1)
            let consonant = index == 0
                || (isPlainVowel(before) && isPlainVowel(after))
                || ((before == "n" || before == "w") && isPlainVowel(after))
            vowel[index] = !consonant
        }
        guard vowel.contains(true) else {
            return characters.reduce(0) { $0 + ($1 == "w" ? 3 : 1) }
        }

        // Vowel groups, and vowel pairs inside a group said as two syllables.
        var count = 0
        for index in characters.indices where vowel[index] {
            if index == 0 || !vowel[index - 1] {
                count += 1
            } else if splits(characters, at: index - 1, word: word) {
                count += 1
            }
        }

        // Endings.
        let last = characters[length - 1]
        let beforeLast = at(length - 2)
        let third = at(length - 3)
        let fourth = at(length - 4)
        func consonant(_ index: Int) -> Bool { characters.indices.contains(index) && !vowel[index] }

        if last == "e", length > 2, consonant(length - 2) {
            let syllabic = (beforeLast == "l" || beforeLast == "r") && consonant(length - 3)
                && !(beforeLast == "r" && third == "r")
            if !syllabic { count -= 1 }
        } else if length > 3, beforeLast == "e", consonant(length - 3), last == "s" || last == "d" {
            let before = third!
            let syllabicLeOrRe = (before == "l" || before == "r") && consonant(length - 4) && fourth != before
            if last == "s" {
                let hissing = before == "s" || before == "x" || before == "z" || before == "c" || before == "g"
                    || (before == "h" && (fourth == "c" || fourth == "s"))
                if !hissing && !syllabicLeOrRe { count -= 1 }
            } else {
                if before != "t" && before != "d" && !syllabicLeOrRe { count -= 1 }
            }
        }
        if word.hasSuffix("sm") || word.hasSuffix("sms") || word.hasSuffix("thm") || word.hasSuffix("thms") {
            count += 1
        }
        // -ire said in two (fi-re, de-si-red), silent -gue and -que (league, unique).
        if ["ire", "ires", "ired"].contains(where: { word.hasSuffix($0) }), length > 3 {
            count += 1
        }
        if ["que", "ques"].contains(where: { word.hasSuffix($0) })
            || (["gue", "gues"].contains(where: { word.hasSuffix($0) }) && !word.hasSuffix("rgue") && !word.hasSuffix("rgues")) {
            count -= 1
        }
        if word.hasSuffix("ically") { count -= 1 }                           // ba-sic-ally
        // A silent e at the end of a stem before a suffix or second word (like-ly,
        // move-ment, some-times, safe-ty).
        count -= silentStemE(word, characters: characters, vowel: vowel)
        let unprefixed = ["anti", "non", "un"].first(where: { word.hasPrefix($0) }).map { String(word.dropFirst($0.count)) }
        if hiatusPrefixes.contains(where: { word.hasPrefix($0) || unprefixed?.hasPrefix($0) == true }) {
            count += 1                                                       // an-ti-co-ag-u-lant
        }
        return max(count, 1)
    }

    private static let suffixesAfterSilentE = [
        "ly", "ment", "ments", "ful", "fully", "less", "ness", "ty", "time", "times", "style",
        "work", "hold", "holds", "ball", "book", "spread", "where", "fore", "what", "how", "body",
        "day", "some", "line", "lines", "one", "thing", "things", "wise", "back", "house", "by",
    ]

    /// 1 when `word` is a stem ending in consonant + silent e followed by one of
    /// `suffixesAfterSilentE`, else 0.
    private static func silentStemE(_ word: String, characters: [Character], vowel: [Bool]) -> Int {
        for suffix in suffixesAfterSilentE where word.hasSuffix(suffix) {
            let e = characters.count - suffix.count - 1
            guard e >= 2, characters[e] == "e", !vowel[e - 1], vowel[..<(e - 1)].contains(true) else { continue }
            let syllabic = (characters[e - 1] == "l" || characters[e - 1] == "r") && !vowel[e - 2]
            if !syllabic { return 1 }
        }
        return 0
    }

    /// True when the vowels at `index` and `index + 1` (both in one vowel group) are said
    /// in two syllables.
    private static func splits(_ characters: [Character], at index: Int, word: String) -> Bool {
        let first = characters[index], second = characters[index + 1]
        let before: Character? = index > 0 ? characters[index - 1] : nil
        let after: Character? = index + 2 < characters.count ? characters[index + 2] : nil
        let rest = String(characters[(index + 2)...])
        let isLastLetter = index + 2 == characters.count

        // y before a vowel after a consonant is a vowel of its own: dy-ing, em-bry-o, my-o-.
        if first == "y" { return !(second == "e" && isLastLetter) }         // but bye, dye
        // A vowel before -ing: be-ing, go-ing, con-tin-u-ing.
        if second == "i", rest == "ng" || rest == "ngs", first != "u" || before != "q" { return true }

        switch (first, second) {
        case ("i", "a"):
            if after == "t" { return !rest.hasPrefix("tiv") }                // as-so-ci-ate, not in-i-tia-tive
            if rest.hasPrefix("ge") { return false }                         // mar-riage
            if before == "c" || before == "t" || before == "s" { return false } // spe-cial, a-sian
            if before == "g", rest.isEmpty || rest == "s" { return false }
            if before == "l", ["n", "ns", "r", "rs", "m", "ms", "nt", "nts"].contains(rest) { return false } // i-tal-ian, fa-mil-iar
            return true
        case ("i", "o"):
            if rest.isEmpty || rest == "s" { return true }                   // ra-ti-o, port-fo-li-o
            if let before, "tscgxln".contains(before) { return false }       // ac-tion, mil-lion
            if before == "h", index >= 2, characters[index - 2] == "s" { return false } // fash-ion
            if before == "v", rest.hasPrefix("r") || rest.hasPrefix("ur") { return false } // be-hav-iour
            return true
        case ("i", "u"), ("i", "i"):
            return true
        case ("i", "e"):
            if after == "t" { return true }                                  // di-et, qui-et, so-ci-e-ty
            if after == "n", rest == "n" || rest == "ns" { return true }     // al-i-en
            if after == "n", rest.hasPrefix("nt") || rest.hasPrefix("nc") {   // cli-ent, sci-ence
                if before == "c", index >= 2, characters[index - 2] == "s" { return true } // sci-en-tist
                return before != "c" && before != "t"
            }
            if (rest == "r" || rest == "rs"), characters.count > 4 {         // eas-i-er, car-ri-er
                return before != "t" && before != "h"
            }
            return rest == "st" && characters.count >= 7                     // eas-i-est
        case ("e", "a") where rest == "n" || rest == "ns":
            // eu-ro-pe-an, cae-sar-e-an, but not mean or clean (first vowel group).
            return characters[..<index].contains(where: { plainVowels.contains($0) })
        case ("e", "a"):
            return isLastLetter && characters.count >= 5                     // cor-ne-a, nau-se-a
        case ("e", "o"):
            return before != "g"                                             // vi-de-o, not sur-geon
        case ("u", "a"), ("u", "o"):
            return before != "q" && before != "g"                            // act-u-al, not qual-i-ty
        case ("u", "e"):
            if before == "q" || before == "g" { return false }
            return after == "l" || after == "n" || after == "t"              // cru-el, flu-ent, not tis-sues
        case ("u", "i"):
            return (rest == "d" || rest == "ds") && before != "q"            // flu-id, not liq-uid
        case ("o", "e"):
            return before == "p" && (after == "m" || after == "t")           // po-em, po-et
        case ("a", "o"):
            return !word.contains("extraordinar")                            // a-or-ta, cha-os
        default:
            return false
        }
    }
}
