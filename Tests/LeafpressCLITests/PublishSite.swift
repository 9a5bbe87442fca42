import Foundation
import Testing
import LeafpressCore

/// A small site written from Swift for the end-to-end tests of issue #13: one clean
/// leaflet (`clean`) plus whatever a test adds, run through the real binary.
struct PublishSite {
    let folder: TemporaryDirectory

    /// A care card, so leaflets do not warn `no-care-card`.
    static let careCard = "---\nkind: emergency\n---\n# Get help now\n\n- heavy bleeding that does not stop\n"

    init(site extra: String = "") throws {
        folder = try TemporaryDirectory()
        try folder.write("""
            title: Publish Tests
            publisher: Publish Test Trust
            copyright: "© 2026 Publish Test Trust"
            disclaimer: "General information only."
            \(extra)
            """, to: "content/site.yml")
        try leaflet("clean", sections: ["01-about.md": "# About\n\nRest at home today.\n"])
    }

    /// Writes a leaflet: `leaflet.yml` (title, summary, reviewed, plus `manifest`) and
    /// `sections` (file name → text). A care card is added unless `careCard` is false.
    func leaflet(_ slug: String, manifest: String = "", sections: [String: String], careCard: Bool = true) throws {
        try write("leaflets/\(slug)/leaflet.yml",
                  "title: \(slug.capitalized)\nsummary: A leaflet for the publish tests.\nreviewed: 2026-01-10\n" + manifest)
        for (file, text) in sections { try write("leaflets/\(slug)/\(file)", text) }
        if careCard { try write("leaflets/\(slug)/99-help.md", Self.careCard) }
    }

    /// Writes `text` to `content/<relative>`.
    func write(_ relative: String, _ text: String) throws {
        try folder.write(text, to: "content/" + relative)
    }

    /// `leafpress build` with the repository theme.
    func build(_ extra: [String] = []) throws -> CommandResult {
        try runLeafpress(["build", "--content", "content", "--templates", repositoryTemplates, "--output", "site"] + extra, in: folder)
    }

    /// `leafpress check --format json --today 2026-11-25`, its findings parsed.
    func check(_ extra: [String] = []) throws -> (result: CommandResult, findings: [JSONFinding]) {
        let result = try runLeafpress(["check", "--content", "content", "--templates", repositoryTemplates,
                                       "--today", "2026-11-25", "--format", "json"] + extra, in: folder)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        let json = try #require(object as? [String: Any], "stdout: \(result.stdout) stderr: \(result.stderr)")
        let findings = try (try #require(json["diagnostics"] as? [Any])).map(JSONFinding.init)
        return (result, findings)
    }

    /// The built page of `slug`.
    func page(_ slug: String) throws -> String {
        try folder.read("site/\(slug).html")
    }

    /// `content/leaflets/<relative>`, as findings name it.
    static func path(_ relative: String) -> String { "content/leaflets/" + relative }
}

extension Array where Element == JSONFinding {
    /// Findings of `rule`.
    func of(_ rule: Rule) -> [JSONFinding] { filter { $0.rule == rule.id } }
}
