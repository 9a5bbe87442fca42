import Testing
@testable import LeafpressCore

/// Issue #13 item 9: the shipped list knows British and American spellings of every entry.
@Suite("Jargon list spellings")
struct JargonSpellingTests {
    /// The American spelling of a British one: ae → e, oe → e at the start of a word or in
    /// -rrhoea, -ise/-isation → -ize/-ization.
    static func american(_ term: String) -> String {
        var word = term.replacingOccurrences(of: "ae", with: "e").replacingOccurrences(of: "rrhoea", with: "rrhea")
        if word.hasPrefix("oe") { word = "e" + word.dropFirst(2) }
        return word.replacingOccurrences(of: "isation", with: "ization").replacingOccurrences(of: "ise", with: "ize")
    }

    /// British spellings an American term may have: each American word start or ending
    /// that differs, replaced by its British form.
    static func british(_ term: String) -> [String] {
        var candidates: [String] = []
        for (us, british) in [("hem", "haem"), ("edema", "oedema"), ("esophag", "oesophag"), ("feces", "faeces"), ("anem", "anaem"),
                              ("anest", "anaest"), ("ischem", "ischaem"), ("pedia", "paedia"), ("gynec", "gynaec"), ("orthoped", "orthopaed"),
                              ("hyperglycem", "hyperglycaem"), ("hypoglycem", "hypoglycaem")] where term.hasPrefix(us) {
            candidates.append(british + term.dropFirst(us.count))
        }
        for (us, british) in [("ization", "isation"), ("ize", "ise")] where term.hasSuffix(us) {
            candidates.append(term.dropLast(us.count) + british)
        }
        return candidates
    }

    @Test func everyBritishEntryHasItsAmericanSpelling() {
        let entries = JargonList.shipped.entries
        for term in entries.keys.sorted() {
            let us = Self.american(term)
            guard us != term else { continue }
            #expect(entries[us] == entries[term], "'\(term)' has no American twin '\(us)' with the same advice")
        }
    }

    @Test func everyAmericanEntryHasABritishSpelling() {
        let entries = JargonList.shipped.entries
        for term in entries.keys.sorted() {
            let candidates = Self.british(term)
            guard !candidates.isEmpty else { continue }
            #expect(candidates.contains { entries[$0] != nil } || term == "anesthesiologist",
                    "'\(term)' has no British twin among \(candidates)")
        }
    }

    @Test func theUSLeafletOfTheIssueGetsWarnings() {
        let text = "The hematologist will see you after the anesthesia wears off. Do not take NSAIDs."
        let terms = JargonList.shipped.matches(in: text).map(\.term)
        #expect(terms == ["hematologist", "anesthesia", "nsaid"])
    }
}
