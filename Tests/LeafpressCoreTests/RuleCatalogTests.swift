import Foundation
import Testing
@testable import LeafpressCore

/// The rule catalog is the one list of rule ids: the README's table must say the same.
@Suite("Rule catalog")
struct RuleCatalogTests {
    /// The README at the package root.
    static var readme: String {
        get throws {
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            return try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        }
    }

    /// Rows of the README table whose header is `| rule | level | finds |`: id, level, summary.
    static func readmeRows() throws -> [(id: String, level: String, summary: String)] {
        let lines = try readme.components(separatedBy: "\n")
        let header = try #require(lines.firstIndex(of: "| rule | level | finds |"), "README has no rule table")
        var rows: [(String, String, String)] = []
        for line in lines[(header + 2)...] {
            guard line.hasPrefix("|") else { break }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces) }
            try #require(cells.count == 3, "malformed row: \(line)")
            rows.append((cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`")), cells[1], cells[2]))
        }
        return rows
    }

    @Test func readmeTableListsEveryRuleWithItsLevelAndSummary() throws {
        let rows = try Self.readmeRows()
        #expect(rows.map(\.id) == Rule.allCases.map(\.id), "README rule ids differ from Rule.allCases")
        for rule in Rule.allCases {
            guard let row = rows.first(where: { $0.id == rule.id }) else { continue }
            #expect(row.level == rule.defaultLevel.rawValue, "\(rule)")
            #expect(row.summary == rule.summary, "\(rule)")
        }
    }

    @Test func idsAreUniqueLowercaseAndHyphenated() {
        let ids = Rule.allCases.map(\.id)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(id)")
            #expect(Rule(id: id)?.id == id)
        }
    }

    @Test func aFindingTakesItsRulesDefaultLevel() {
        #expect(Diagnostic(.jargon, "x", at: nil).severity == .warning)
        #expect(Diagnostic(.brokenLink, "x", at: nil).severity == .error)
        #expect(Diagnostic(.jargon, "x", at: nil).description == "warning: x [jargon]")
    }

    @Test func onlyWarningsCanBeLowered() {
        for rule in Rule.allCases {
            #expect(rule.canBeLowered == (rule.defaultLevel == .warning), "\(rule)")
        }
    }
}
