import Foundation
import Testing
import LeafpressCore

/// Small sites for the document-control tests (#17): leaflets written from Swift with
/// whatever record lines a test needs, each with a care card so no other rule fires.
enum ControlSite {
    static let careCard = "---\nkind: emergency\n---\n# Get help now\n\n- heavy bleeding that does not stop\n"

    /// `site.yml`, with `extra` lines appended (for example a `governance:` block).
    static func site(_ folder: TemporaryDirectory, extra: String = "") throws {
        try folder.write("""
            title: Control Fixture
            publisher: Test Community Trust
            copyright: "© 2026 Test Community Trust"
            disclaimer: "General information only."
            language: en

            """ + extra, to: "content/site.yml")
    }

    /// A leaflet `slug` whose `leaflet.yml` is the required keys followed by `record`.
    /// Returns the line number the first line of `record` lands on.
    @discardableResult
    static func leaflet(_ folder: TemporaryDirectory, _ slug: String, title: String? = nil, reviewed: String = "2026-06-01",
                        record: String = "", text: String = "Come to the front desk.") throws -> Int {
        let head = "title: \(title ?? slug.capitalized)\nsummary: A leaflet for the document-control tests.\nreviewed: \(reviewed)\n"
        try folder.write(head + record, to: "content/leaflets/\(slug)/leaflet.yml")
        try folder.write("# About\n\n\(text)\n", to: "content/leaflets/\(slug)/01-about.md")
        try folder.write(careCard, to: "content/leaflets/\(slug)/02-help.md")
        return 4
    }

    /// A complete record: reference, version `version` with a change entry for every version.
    static func record(reference: String, version: Int, extra: String = "") -> String {
        var text = "reference: \(reference)\nversion: \(version)\nowner: Test Unit\nchanges:\n"
        for number in stride(from: version, through: 1, by: -1) {
            text += "  - version: \(number)\n    date: 2026-0\(min(number, 5))-01\n    summary: \"Change number \(number).\"\n"
        }
        return text + extra
    }
}

/// `leafpress` with the repository's theme (the fixtures have no `templates/` of their own).
func leafpress(_ arguments: [String], in folder: TemporaryDirectory) throws -> CommandResult {
    try runLeafpress(arguments + ["--templates", repositoryTemplates], in: folder)
}

/// Findings printed on standard error that carry `rule`.
func findings(_ stderr: String, rule: String) -> [String] {
    stderr.split(separator: "\n").map(String.init).filter { $0.hasSuffix("[\(rule)]") }
}

/// Runs a program and returns its status and output (captured through files).
func runTool(_ executable: String, _ arguments: [String], in directory: TemporaryDirectory) throws -> CommandResult {
    let id = UUID().uuidString
    let outPath = directory.subpath(".tool-out-\(id)"), errPath = directory.subpath(".tool-err-\(id)")
    _ = FileManager.default.createFile(atPath: outPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errPath, contents: nil)
    defer {
        try? FileManager.default.removeItem(atPath: outPath)
        try? FileManager.default.removeItem(atPath: errPath)
    }
    let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
    let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
    process.standardOutput = out
    process.standardError = err
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    return CommandResult(status: process.terminationStatus,
                         stdout: try String(contentsOfFile: outPath, encoding: .utf8),
                         stderr: try String(contentsOfFile: errPath, encoding: .utf8))
}

/// Validates the JSON file `path` against `schemas/<schema>` with PyPI's jsonschema
/// (installed by `scripts/install-deps.sh --test`); returns the validator's complaint, or nil.
func schemaProblem(jsonAt path: String, schema: String, in directory: TemporaryDirectory) throws -> String? {
    let script = """
        import json, sys
        import jsonschema
        schema = json.load(open(sys.argv[2]))
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.validate(json.load(open(sys.argv[1])), schema, cls=jsonschema.Draft202012Validator)
        """
    let result = try runTool("/usr/bin/env", ["python3", "-c", script, path, packageRoot + "/schemas/" + schema], in: directory)
    return result.status == 0 ? nil : result.stderr
}

/// `sha256sum` of a file, as hex.
func sha256sum(_ path: String, in directory: TemporaryDirectory) throws -> String {
    let result = try runTool("/usr/bin/env", ["sha256sum", path], in: directory)
    #expect(result.status == 0, "\(result.stderr)")
    return String(result.stdout.prefix(64))
}

/// RFC 4180 CSV parsed back into rows of fields (quoted fields, doubled quotes, CRLF).
func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var characters = Array(text.unicodeScalars)[...]
    while let c = characters.popFirst() {
        if quoted {
            if c == "\"" {
                if characters.first == "\"" { field.unicodeScalars.append("\""); characters.removeFirst() } else { quoted = false }
            } else {
                field.unicodeScalars.append(c)
            }
        } else if c == "\"" {
            quoted = true
        } else if c == "," {
            row.append(field); field = ""
        } else if c == "\r" || c == "\n" {
            if c == "\r", characters.first == "\n" { characters.removeFirst() }
            row.append(field); field = ""
            rows.append(row); row = []
        } else {
            field.unicodeScalars.append(c)
        }
    }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    return rows
}
