import Foundation
import Testing
@testable import LeafpressCore

// Reference figures in this file come from textstat 0.7.3 (with pyphen 0.18.1), computed
// with scripts/readability-reference.py; scripts/readability-check.sh recomputes the
// fixture figures in Fixtures/readability/reference.json and fails if they changed.

private func paragraph(_ text: String, line: Int = 1) -> MarkdownDocument.TextBlock {
    .init(kind: .paragraph, text: text, line: line)
}

private func item(_ text: String, line: Int = 1) -> MarkdownDocument.TextBlock {
    .init(kind: .listItem, text: text, line: line)
}

@Suite("Readability: syllables")
struct ReadabilitySyllableTests {
    /// pyphen's counts (hyphenation points + 1), which textstat uses.
    @Test(arguments: [
        ("hospital", 3), ("medicine", 1), ("anticoagulant", 6), ("hypertension", 4),
        ("haematologist", 4), ("about", 1), ("every", 2), ("table", 2), ("little", 2),
        ("wanted", 2), ("walked", 1), ("changes", 1), ("people", 2), ("2024", 1),
        ("follow-up", 2), ("don't", 1), ("surgery", 1), ("analgesic", 2), ("sutures", 2),
        ("ambulate", 3), ("oedema", 2), ("idea", 1), ("being", 2), ("colonoscopy", 1),
        ("paracetamol", 3), ("a", 1), ("Hospital", 3), ("—", 0), ("", 0),
    ])
    func hyphenationCountsMatchPyphen(word: String, expected: Int) {
        #expect(Syllables.count(word) == expected)
    }

    @Test(arguments: [
        ("table", 2), ("little", 2), ("centre", 2), ("walked", 1), ("wanted", 2), ("changes", 2),
        ("makes", 1), ("boxes", 2), ("being", 2), ("diet", 2), ("video", 3), ("actual", 3),
        ("medicine", 3), ("anticoagulant", 6), ("haematologist", 5), ("hematologist", 5),
        ("oedema", 3), ("hypertension", 4), ("autism", 3), ("rhythm", 2), ("likely", 2),
        ("something", 2), ("dying", 2), ("yes", 1), ("the", 1), ("a", 1), ("idea", 3),
        ("people", 2), ("colonoscopy", 5), ("paracetamol", 5), ("analgesic", 4), ("surgery", 3),
        ("hospital", 3), ("about", 2), ("quickly", 2), ("created", 3), ("reaction", 3),
        ("sutures", 2), ("ambulate", 3), ("biopsies", 3), ("continuing", 4), ("ibuprofen", 4),
        ("anaemia", 4), ("Follow-up", 3), ("don't", 1), ("NHS", 3), ("INR", 3), ("GP", 2),
        ("999", 7), ("12", 1), ("2024", 7), ("0300", 7), ("500mg", 5),
    ])
    func spokenCountsFollowSpellingRules(word: String, expected: Int) {
        #expect(Syllables.count(word, convention: .spoken) == expected)
    }

    @Test func hyphenatorFindsTeXBreakPoints() {
        #expect(Hyphenator.americanEnglish.positions(in: "hospital") == [3, 5])
        #expect(Hyphenator.americanEnglish.hyphenated("Anticoagulant") == "An-ti-co-ag-u-lant")
        // Two letters are kept at each end, as pyphen does: no break in "about" or "idea".
        #expect(Hyphenator.americanEnglish.positions(in: "about").isEmpty)
    }

    @Test func textCountAddsWordsAndIgnoresPunctuation() {
        #expect(Syllables.count(inText: "Take the tablets — twice a day.") == 6)
        #expect(Syllables.count(inText: "two words") == 2)
    }
}

@Suite("Readability: words and sentences")
struct ReadabilityTextTests {
    @Test func wordsAreTextstatsLexicon() {
        #expect(ReadabilityText.wordCount("Your follow-up isn't until 10:30 — don't worry.") == 7)
        #expect(ReadabilityText.words(in: "and/or (see below)").map(String.init) == ["andor", "see", "below"])
    }

    @Test func sentenceUnitsEndAtStops() {
        let units = ReadabilityText.sentenceUnits(in: "Rest today. Is it sore? Call us!  Then sleep")
        #expect(units.map(\.text) == ["Rest today.", "Is it sore?", "Call us!", "Then sleep"])
        #expect(units.map(\.offset) == [0, 12, 24, 34])
    }

    @Test func decimalsAndAbbreviationsDoNotEndSentences() {
        let units = ReadabilityText.sentenceUnits(in: "Take 2.5 ml, e.g. with food. See Dr. Patel at 8 a.m. tomorrow.")
        #expect(units.map(\.text) == ["Take 2.5 ml, e.g. with food.", "See Dr. Patel at 8 a.m. tomorrow."])
    }

    @Test func closingQuotesStayWithTheirSentence() {
        let units = ReadabilityText.sentenceUnits(in: "Say \"stop.\" Then wait (a minute.) Done")
        #expect(units.map(\.text) == ["Say \"stop.\"", "Then wait (a minute.)", "Done"])
    }
}

@Suite("Readability: statistics")
struct ReadabilityStatsTests {
    /// Short texts with textstat 0.7.3's figures.
    struct Reference: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var words: Int
        var sentences: Int
        var syllables: Int
        var polysyllables: Int
        var fk: Double
        var smog: Double
        var testDescription: String { name }
    }

    static let references = [
        Reference(name: "plain",
                  text: "Drink plenty of water. Rest at home for two days. Take paracetamol if you have pain. Call us if the pain gets worse.",
                  words: 23, sentences: 4, syllables: 27, polysyllables: 1, fk: 0.8, smog: 6.0),
        Reference(name: "clinical",
                  text: "Concomitant administration of nonsteroidal anti-inflammatory medications substantially increases the probability of gastrointestinal haemorrhage. Patients should be counselled regarding the recognition of melaena. Prophylactic proton pump inhibition is recommended for individuals with additional risk factors.",
                  words: 34, sentences: 3, syllables: 90, polysyllables: 17, fk: 19.5, smog: 16.7),
        Reference(name: "numbers, contractions, a short sentence, a dash",
                  text: "Don't eat for 6 hours before your test. You can drink water until 2 hours before. Call 999. Your follow-up appointment is in the post — we'll send it.",
                  words: 28, sentences: 3, syllables: 35, polysyllables: 1, fk: 3.4, smog: 6.4),
        Reference(name: "two sentences (textstat's SMOG is 0)",
                  text: "Wash your hands before you eat. Use soap and warm water.",
                  words: 11, sentences: 2, syllables: 13, polysyllables: 0, fk: 0.7, smog: 0),
    ]

    @Test(arguments: references)
    func figuresMatchTextstat(reference: Reference) throws {
        let stats = ReadabilityReport(blocks: [paragraph(reference.text)]).stats
        #expect(stats.words == reference.words)
        #expect(stats.sentences == reference.sentences)
        #expect(stats.syllables == reference.syllables)
        #expect(stats.polysyllables == reference.polysyllables)
        let fk = try #require(stats.fleschKincaidGrade)
        #expect(abs(fk - reference.fk) <= 0.5)
        #expect(fk == reference.fk, "same counts and same rounding give textstat's figure exactly")
        #expect(abs((stats.smogGrade ?? 0) - reference.smog) <= 0.5)
    }

    @Test func smogNeedsThreeSentences() {
        let two = ReadabilityReport(blocks: [paragraph("Wash your hands before you eat. Use soap and warm water.")])
        #expect(two.stats.smogGrade == nil)
        let three = ReadabilityReport(blocks: [paragraph("Wash your hands before you eat. Use soap and warm water. Dry them on a clean towel.")])
        #expect(three.stats.smogGrade == 3.1)
    }

    @Test func emptyProseHasNoGrades() {
        let stats = ReadabilityReport(blocks: []).stats
        #expect(stats == .zero)
        #expect(stats.fleschKincaidGrade == nil)
        #expect(stats.smogGrade == nil)
        #expect(stats.meanSentenceWords == 0)
        #expect(stats.complexWordShare == 0)
    }

    @Test func fleschKincaidRoundsAsTextstatDoes() {
        // 175 words, 16 sentences, 203 syllables (the colonoscopy fixture): textstat rounds
        // 10.94 → 10.9 and 1.16 → 1.2 before the formula, so it reports 2.8, not 2.36.
        let stats = ReadabilityStats(words: 175, sentences: 16, syllables: 203)
        #expect(stats.fleschKincaidGrade == 2.8)
        #expect(abs((stats.fleschKincaidGradeUnrounded ?? 0) - 2.3627) < 0.001)
        #expect(ReadabilityStats.roundedAsTextstat(2.25, places: 1) == 2.3)
        #expect(ReadabilityStats.roundedAsTextstat(-2.25, places: 1) == -2.3)
    }

    @Test func headingsAndCodeAreLeftOut() {
        let blocks: [MarkdownDocument.TextBlock] = [
            .init(kind: .heading, text: "Understanding anticoagulation", line: 1),
            paragraph("Take one tablet each day.", line: 3),
            .init(kind: .code, text: "internationalisation considerations", line: 5),
        ]
        let stats = ReadabilityReport(blocks: blocks).stats
        #expect(stats.words == 5)
        #expect(stats.sentences == 1)
    }

    @Test func eachListItemIsASentence() {
        let blocks = [
            paragraph("Bring these things with you:", line: 1),
            item("your tablets", line: 3),
            item("Glasses", line: 4),
            item("a list of questions you want to ask", line: 5),
            item("Your appointment letter. We need it. Ok.", line: 6),
        ]
        let report = ReadabilityReport(blocks: blocks)
        // The paragraph, three items of one sentence each (two of them without a full stop
        // and too short to count in a paragraph), and the two long enough units of the last.
        #expect(report.stats.sentences == 6)
        #expect(report.stats.words == 23)
        let counted = report.sentences.filter(\.countsAsSentence)
        #expect(counted.map(\.text) == ["Bring these things with you:", "your tablets", "Glasses",
                                        "a list of questions you want to ask", "Your appointment letter.", "We need it."])
        #expect(counted.map(\.line) == [1, 3, 4, 5, 6, 6])
        #expect(report.sentences.filter { !$0.countsAsSentence }.map(\.text) == ["Ok."])
    }

    @Test func shortUnitsAreNotSentencesInParagraphs() {
        let report = ReadabilityReport(blocks: [paragraph("Call 999. Do not wait for the clinic to open.")])
        #expect(report.stats.sentences == 1)
        #expect(report.stats.words == 10)
        #expect(report.sentences.map(\.countsAsSentence) == [false, true])
    }

    @Test func longSentencesAreReportedWithTheirLine() {
        let long = "If you have any questions about your medicines or about the test itself, please ring the clinic on the number at the top of your letter and ask to speak to a nurse."
        let report = ReadabilityReport(blocks: [paragraph("Rest today.", line: 2), paragraph("Eat well. " + long, line: 7)])
        let warnings = report.sentences(longerThan: 25)
        #expect(warnings.count == 1)
        #expect(warnings.first?.text == long)
        #expect(warnings.first?.line == 7)
        #expect(warnings.first?.offset == 10)
        #expect(report.stats.longestSentenceWords == 33)
        #expect(report.stats.longestSentenceLine == 7)
    }

    @Test func statsAddUpAcrossSections() {
        let first = [paragraph("Take one tablet each morning with water.", line: 1), item("Do not crush it", line: 3)]
        let second = [paragraph("Anticoagulation requires individualised laboratory monitoring and considerable patient education.", line: 1)]
        let a = ReadabilityReport(blocks: first).stats
        let b = ReadabilityReport(blocks: second).stats
        let whole = ReadabilityReport(blocks: first + second).stats
        #expect(a + b == whole)
        #expect(whole.longestSentenceWords == 9)
        #expect(whole.fleschKincaidGrade == ReadabilityStats(words: whole.words, sentences: whole.sentences,
                                                             syllables: whole.syllables).fleschKincaidGrade)
        #expect(abs(whole.meanSentenceWords - Double(whole.words) / 3) < 1e-9)
        #expect(abs(whole.complexWordShare - Double(whole.polysyllables) / Double(whole.words)) < 1e-9)
    }

    @Test func markdownListItemsAndHeadingsFromTheMarkdownStage() {
        var options = MarkdownOptions()
        options.collectText = true
        var links = KeepLinks()
        let markdown = """
            # After your operation

            Rest at home for **two days**.

            - Drink water
            - Eat [light meals](food.md)

            ```
            code is not prose at all
            ```
            """
        let document = MarkdownConverter.convert(markdown[...], options: options, links: &links)
        let report = ReadabilityReport(blocks: document.textBlocks)
        #expect(report.stats.words == 11)
        #expect(report.stats.sentences == 3)
        #expect(report.sentences.map(\.line) == [3, 5, 6])
    }

    @Test func plainTextParagraphsKeepTheirLines() {
        let report = ReadabilityReport(plainText: "Rest at home today.\r\nSleep well tonight.\r\n\r\n\r\nCall us if it hurts.\r\n")
        #expect(report.sentences.map(\.text) == ["Rest at home today.", "Sleep well tonight.", "Call us if it hurts."])
        #expect(report.sentences.map(\.line) == [1, 1, 5])
    }

    @Test func spokenConventionCountsMoreSyllables() {
        let text = "Your surgery is about medicine."
        let hyphenation = ReadabilityReport(blocks: [paragraph(text)]).stats
        let spoken = ReadabilityReport(blocks: [paragraph(text)], syllables: .spoken).stats
        #expect(hyphenation.syllables == 5)
        #expect(spoken.syllables == 10)
    }
}

@Suite("Readability: reference fixtures")
struct ReadabilityReferenceTests {
    struct Figures: Decodable {
        var words: Int
        var sentences: Int
        var syllables: Int
        var polysyllables: Int
        var fk: Double
        var smog: Double
    }

    static var folder: URL {
        get throws {
            let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
            return fixtures.appendingPathComponent("readability")
        }
    }

    static func reference() throws -> [String: Figures] {
        let data = try Data(contentsOf: try folder.appendingPathComponent("reference.json"))
        return try JSONDecoder().decode([String: Figures].self, from: data)
    }

    @Test func thereAreAtLeastSixFixtures() throws {
        let reference = try Self.reference()
        #expect(reference.count >= 6)
        let texts = try FileManager.default.contentsOfDirectory(atPath: try Self.folder.path).filter { $0.hasSuffix(".txt") }
        #expect(Set(texts) == Set(reference.keys), "reference.json is out of date: run scripts/readability-check.sh --update")
    }

    @Test func everyFixtureAgreesWithTextstat() throws {
        for (name, expected) in try Self.reference().sorted(by: { $0.key < $1.key }) {
            let text = try String(contentsOf: try Self.folder.appendingPathComponent(name), encoding: .utf8)
            let stats = ReadabilityReport(plainText: text).stats
            #expect(stats.words == expected.words, "\(name)")
            #expect(stats.syllables == expected.syllables, "\(name)")
            #expect(stats.polysyllables == expected.polysyllables, "\(name)")
            #expect(abs(stats.sentences - expected.sentences) <= 1, "\(name)")
            let fk = try #require(stats.fleschKincaidGrade)
            #expect(abs(fk - expected.fk) <= 0.5, "\(name): Flesch-Kincaid \(fk) vs textstat \(expected.fk)")
            #expect(abs((stats.smogGrade ?? 0) - expected.smog) <= 0.5, "\(name): SMOG \(stats.smogGrade ?? 0) vs textstat \(expected.smog)")
        }
    }
}

@Suite("Readability: jargon")
struct ReadabilityJargonTests {
    @Test func findsTermsWithEndingsAndPhrases() {
        let text = "Haematologists will check your sutures prior to discharge. Stop administering the analgesic if you feel sick."
        let matches = JargonList.shipped.matches(in: text, line: 12)
        #expect(matches.map(\.term) == ["haematologist", "suture", "prior to", "administer", "analgesic"])
        #expect(matches.map(\.found) == ["Haematologists", "sutures", "prior to", "administering", "analgesic"])
        #expect(matches.map(\.suggestion) == ["blood doctor", "stitch", "before", "give", "pain medicine"])
        #expect(matches.allSatisfy { $0.line == 12 })
        #expect(matches.first?.column == 1)
        #expect(matches[1].column == 32)
    }

    @Test(arguments: [
        ("Your biopsies came back clear.", "biopsy"),
        ("You voided twice.", "void"),
        ("The nurse will help you ambulate.", "ambulate"),
        ("Ambulating early helps.", "ambulate"),
        ("Oedema of the ankles", "oedema"),
        ("Patients who are febrile", "febrile"),
        ("Remain NPO after midnight.", "npo"),
        ("Remain nil-by-mouth after midnight.", "nil by mouth"),
        ("Tell us about any adverse reactions.", "adverse reaction"),
        ("The anticoagulant's effect", "anticoagulant"),
        ("Take it orally.", "orally"),
    ])
    func findsTerm(text: String, term: String) {
        #expect(JargonList.shipped.matches(in: text).map(\.term) == [term])
    }

    @Test(arguments: ["Avoid hot drinks.", "Hypertensive crises are rare.", "The tablets are oval.",
                      "A moral choice.", "Priority to children."])
    func doesNotMatchPartsOfWords(text: String) {
        #expect(JargonList.shipped.matches(in: text).isEmpty)
    }

    @Test func siteEntriesExtendAndOverrideTheShippedList() {
        let list = JargonList(merging: ["Colonoscopy": "camera test of the bowel", "oral": "", "analgesic": "painkiller"])
        let matches = list.matches(in: "Before your colonoscopy take an oral analgesic.")
        #expect(matches.map(\.term) == ["colonoscopy", "analgesic"])
        #expect(matches.map(\.suggestion) == ["camera test of the bowel", "painkiller"])
        #expect(list.entries["hypertension"] == "high blood pressure")
        #expect(JargonList.shipped.entries.count >= 80)
    }

    @Test func codeBlocksAreSkippedButHeadingsChecked() {
        let blocks: [MarkdownDocument.TextBlock] = [
            .init(kind: .heading, text: "Hypertension", line: 1),
            .init(kind: .code, text: "hypertension", line: 3),
        ]
        #expect(JargonList.shipped.matches(in: blocks).map(\.line) == [1])
    }
}

@Suite("Readability: passive voice")
struct ReadabilityPassiveVoiceTests {
    @Test(arguments: [
        ("Your blood will be tested.", "be tested"),
        ("The tablets are usually taken with food.", "are usually taken"),
        ("You have been given a leaflet.", "been given"),
        ("It’s done under a local anaesthetic.", "It’s done"),
        ("You are not allowed to drive.", "are not allowed"),
        ("She is being treated on the ward.", "is being treated"),
        ("Your stitches were removed yesterday.", "were removed"),
        ("The test isn't needed.", "isn't needed"),
        ("You're advised to rest.", "You're advised"),
    ])
    func detected(sentence: String, phrase: String) {
        #expect(PassiveVoice.matches(in: sentence).map(\.phrase) == [phrase])
    }

    @Test(arguments: [
        "You may feel tired.", "The clinic is located on floor 2.", "Your ankle is swollen.",
        "You need to rest.", "This is normal.", "We will test your blood.", "Are you worried?",
        "The tablets are red.", "There are a hundred reasons.", "It is important to eat.",
        "Don't be upset if it takes time.",
    ])
    func notDetected(sentence: String) {
        #expect(PassiveVoice.matches(in: sentence).isEmpty)
    }

    @Test func reportsSentenceLineAndColumn() {
        let matches = PassiveVoice.matches(in: [
            paragraph("Rest today. The dressing is changed every day.", line: 4),
            .init(kind: .heading, text: "How the test is done", line: 1),
        ])
        #expect(matches.count == 1)
        #expect(matches.first?.sentence == "The dressing is changed every day.")
        #expect(matches.first?.line == 4)
        #expect(matches.first?.column == 26)
    }
}
