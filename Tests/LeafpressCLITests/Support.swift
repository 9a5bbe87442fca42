import Foundation
import Testing
import LeafpressCore

/// A fresh folder under the system temporary directory, removed when the value goes away.
final class TemporaryDirectory {
    let path: String
    /// False for a view of a folder some other value owns and removes.
    private let owned: Bool

    init() throws {
        let base = (NSTemporaryDirectory() as NSString).appendingPathComponent("leafpress-cli-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        path = PathSafety.absolute(base)
        owned = true
    }

    /// A folder that already exists (inside another temporary folder); left in place.
    init(existing: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: existing, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CocoaError(.fileNoSuchFile)
        }
        path = PathSafety.absolute(existing)
        owned = false
    }

    deinit {
        if owned { try? FileManager.default.removeItem(atPath: path) }
    }

    func subpath(_ relative: String) -> String {
        (path as NSString).appendingPathComponent(relative)
    }

    /// Writes `contents` to `relative`, creating folders on the way.
    func write(_ contents: String, to relative: String) throws {
        let full = subpath(relative)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: URL(fileURLWithPath: full))
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: subpath(relative), encoding: .utf8)
    }

    func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: subpath(relative))
    }
}

/// The package root, found from this file's path (`Tests/LeafpressCLITests/Support.swift`).
let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

let repositoryTemplates = packageRoot + "/templates"
let repositoryContent = packageRoot + "/content"

// MARK: fixture content

/// A small site written from Swift: three leaflets (one a draft), care cards of every
/// level, links between leaflets, an anchor link, a site asset and leaflet assets.
enum FixtureSite {
    static let copyright = "© 2026 Test Community Trust. All rights reserved."
    static let disclaimer = "This leaflet is *general information* only. Ask your care team for advice."
    static let overrideCopyright = "© 2025 Example Press. Licensed to Test Community Trust."

    static func write(into folder: TemporaryDirectory, at content: String = "content") throws {
        func file(_ relative: String, _ text: String) throws { try folder.write(text, to: content + "/" + relative) }

        try file("site.yml", """
            title: Test Leaflets
            publisher: Test Community Trust
            copyright: "\(copyright)"
            disclaimer: "\(disclaimer)"
            language: en

            """)
        try file("assets/diagram.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>\n")

        // Written in an order different from their names, so file-name order is a real check.
        try file("leaflets/wound-care/10-follow-up.md", """
            # Follow-up

            We will see you in two weeks. Until then, see [looking after the wound](01-about.md#looking-after-the-wound).

            """)
        try file("leaflets/wound-care/04-non-urgent.md", """
            ---
            title: Mention at your next appointment
            kind: non-urgent
            ---

            - mild itching around the dressing

            """)
        try file("leaflets/wound-care/leaflet.yml", """
            title: Wound Care
            setting: Discharge Care
            summary: How to look after a wound at home.
            category: Skin
            reviewed: 2026-03-01
            next_review: 2027-03-01

            """)
        try file("leaflets/wound-care/01-about.md", """
            # About this leaflet

            Read this with the [knee leaflet](../knee-replacement/) and its advice on
            [blood clots](../knee-replacement/02-risks.md#blood-clots).

            ![A diagram of a wound](../../assets/diagram.svg)

            ## Looking after the wound

            Keep the [dressing](dressing.png) dry. Print the [checklist](docs/checklist.txt).

            """)
        try file("leaflets/wound-care/02-when-to-get-help.md", """
            ---
            title: When to call an emergency number
            kind: emergency
            ---

            - heavy bleeding that does not stop

            """)
        try file("leaflets/wound-care/03-urgent.md", """
            ---
            title: Contact your care team today
            kind: urgent
            ---

            - the wound is red, hot or swollen

            """)
        try file("leaflets/wound-care/dressing.png", "not really a PNG\n")
        try file("leaflets/wound-care/docs/checklist.txt", "1. Wash hands\n")

        try file("leaflets/knee-replacement/leaflet.yml", """
            title: Knee Replacement
            summary: What happens when you have a new knee joint.
            category: Bones and joints
            reviewed: 2026-02-01
            copyright: "\(overrideCopyright)"
            sections:
              - 03-c-exercises.md
              - 01-a-overview.md
              - 02-risks.md

            """)
        try file("leaflets/knee-replacement/01-a-overview.md", "# Overview\n\nA new knee joint. See [wound care](../wound-care/03-urgent.md).\n")
        try file("leaflets/knee-replacement/02-risks.md", "---\nkind: urgent\n---\n# Risks\n\n## Blood clots\n\nMove your feet often.\n")
        try file("leaflets/knee-replacement/03-c-exercises.md", "# Exercises\n\nBend and straighten your knee.\n")

        try file("leaflets/hip-draft/leaflet.yml", """
            title: Hip Replacement
            summary: A leaflet that is not approved yet.
            reviewed: 2026-01-10
            draft: true

            """)
        try file("leaflets/hip-draft/01-about.md", "# About\n\nNot approved yet. See the [knee leaflet](../knee-replacement/01-a-overview.md).\n")
        try file("leaflets/hip-draft/02-help.md", "---\nkind: emergency\n---\n# Get help\n\n- Call for help if you fall.\n")
    }
}

// MARK: building

func buildOptions(content: String, output: String, templates: String = repositoryTemplates,
                  drafts: Bool = false, jobs: Int = 2) -> BuildOptions {
    var options = BuildOptions()
    options.contentDirectory = content
    options.templatesDirectory = templates
    options.outputDirectory = output
    options.includeDrafts = drafts
    options.jobs = jobs
    return options
}

/// Builds the fixture site into `<folder>/site` and returns that path.
@discardableResult
func buildFixture(in folder: TemporaryDirectory, drafts: Bool = false, jobs: Int = 2,
                  output: String = "site") throws -> String {
    if !folder.exists("content/site.yml") { try FixtureSite.write(into: folder) }
    let path = folder.subpath(output)
    _ = try SiteBuilder(options: buildOptions(content: folder.subpath("content"), output: path, drafts: drafts, jobs: jobs)).build()
    return path
}

// MARK: output trees

/// Every file under `root` (hidden ones included) with its bytes, by relative path.
func snapshot(_ root: String) -> [String: Data] {
    var files: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: root) else { return files }
    while let relative = enumerator.nextObject() as? String {
        let full = root + "/" + relative
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
        files[relative] = FileManager.default.contents(atPath: full)
    }
    return files
}

/// Records which paths differ between two trees, for a readable failure.
func expectIdentical(_ a: [String: Data], _ b: [String: Data], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(!a.isEmpty, sourceLocation: sourceLocation)
    #expect(a.keys.sorted() == b.keys.sorted(), sourceLocation: sourceLocation)
    let differing = a.keys.filter { b[$0] != nil && a[$0] != b[$0] }.sorted()
    #expect(differing == [], "files differ", sourceLocation: sourceLocation)
}

/// HTML pages of a built site, relative to its root, sorted.
func htmlPages(in root: String) -> [String] {
    snapshot(root).keys.filter { $0.hasSuffix(".html") }.sorted()
}

func page(_ root: String, _ relative: String) throws -> String {
    try String(contentsOfFile: root + "/" + relative, encoding: .utf8)
}

/// Leftover staging or previous-site folders next to `output`.
func leftovers(besides output: String) -> [String] {
    let parent = (output as NSString).deletingLastPathComponent
    return ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [])
        .filter { $0.contains(".leafpress-staging-") || $0.contains(".leafpress-previous-") }
}

/// The text of the page from its first `<footer` on.
func footer(of html: String) -> Substring? {
    html.range(of: "<footer").map { html[$0.lowerBound...] }
}

/// The text of the page's inline print style (`<style media="print">…</style>`).
func printStyle(of html: String) throws -> String {
    let match = try #require(html.firstMatch(of: #/<style media="print">([^<]*)</style>/#), "page has no inline print style")
    return String(match.output.1)
}

/// `id` values that occur more than once on a page.
func duplicateIDs(in html: String) -> [String] {
    var counts: [String: Int] = [:]
    for match in html.matches(of: #/\sid="([^"]*)"/#) { counts[String(match.output.1), default: 0] += 1 }
    return counts.filter { $0.value > 1 }.keys.sorted()
}

/// `href` and `src` values of a page, with the few entities templates produce decoded.
func references(in html: String) -> [String] {
    html.matches(of: #/(?:href|src)="([^"]*)"/#).map { match in
        String(match.output.1)
            .replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// Every relative reference of every page that does not resolve, as `page: reference (why)`.
func brokenReferences(in root: String) throws -> [String] {
    var problems: [String] = []
    let fm = FileManager.default
    for page in htmlPages(in: root) {
        let html = try String(contentsOfFile: root + "/" + page, encoding: .utf8)
        let directory = (page as NSString).deletingLastPathComponent
        for reference in references(in: html) {
            if reference.hasPrefix("//") || reference.firstMatch(of: #/^[A-Za-z][A-Za-z0-9+.\-]*:/#) != nil { continue }
            if reference.isEmpty {
                problems.append("\(page): empty reference")
                continue
            }
            var pathPart = Substring(reference)
            var fragment: String?
            if let hash = pathPart.firstIndex(of: "#") {
                fragment = String(pathPart[pathPart.index(after: hash)...]).removingPercentEncoding
                pathPart = pathPart[..<hash]
            }
            let target: String
            if pathPart.isEmpty {
                target = page
            } else {
                let decoded = String(pathPart).removingPercentEncoding ?? String(pathPart)
                guard let parts = PathSafety.normalise(directory.isEmpty ? decoded : directory + "/" + decoded) else {
                    problems.append("\(page): \(reference) (leaves the site)")
                    continue
                }
                target = parts.joined(separator: "/")
            }
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: root + "/" + target, isDirectory: &isDirectory), !isDirectory.boolValue else {
                problems.append("\(page): \(reference) (no file \(target))")
                continue
            }
            if let fragment, !fragment.isEmpty, target.hasSuffix(".html") {
                let targetHTML = try String(contentsOfFile: root + "/" + target, encoding: .utf8)
                if !targetHTML.contains("id=\"\(fragment)\"") {
                    problems.append("\(page): \(reference) (no id '\(fragment)' in \(target))")
                }
            }
        }
    }
    return problems
}

// MARK: the executable

/// The `leafpress` product built with the tests: next to the test binary, or in the
/// package's `.build/debug`. nil when neither exists (callers must fail, not skip).
func leafpressExecutable() -> String? {
    var candidates: [String] = []
    if let executable = Bundle.main.executableURL {
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(folder.appendingPathComponent("leafpress").path)
            folder.deleteLastPathComponent()
        }
    }
    candidates.append(packageRoot + "/.build/debug/leafpress")
    return candidates.first { path in
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }
}

struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs `leafpress` with `arguments` in `directory`, output captured through files. With
/// `timeout`, a run that has not ended by then is killed and recorded as a failure (a
/// watchdog for inputs that used to hang, not a synchronisation).
func runLeafpress(_ arguments: [String], in directory: TemporaryDirectory, timeout: TimeInterval? = nil,
                  environment: [String: String] = [:], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> CommandResult {
    let executable = try #require(leafpressExecutable(), "the leafpress executable was not built next to the tests or in .build/debug")
    let id = UUID().uuidString
    let outPath = directory.subpath(".stdout-\(id)"), errPath = directory.subpath(".stderr-\(id)")
    _ = FileManager.default.createFile(atPath: outPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errPath, contents: nil)
    let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
    let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
    process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let watchdog = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
    if let timeout { DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog) }
    process.waitUntilExit()
    watchdog.cancel()
    if timeout != nil {
        #expect(process.terminationReason != .uncaughtSignal || process.terminationStatus != SIGKILL,
                "leafpress \(arguments.joined(separator: " ")) hung and was killed", sourceLocation: sourceLocation)
    }
    try out.close()
    try err.close()
    defer {
        try? FileManager.default.removeItem(atPath: outPath)
        try? FileManager.default.removeItem(atPath: errPath)
    }
    return CommandResult(status: process.terminationStatus,
                         stdout: try String(contentsOfFile: outPath, encoding: .utf8),
                         stderr: try String(contentsOfFile: errPath, encoding: .utf8))
}

/// Runs a tool such as `pdfinfo` or `sha256sum`; its standard output, or an error when it fails.
func runTool(_ program: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "\(program) exited \(process.terminationStatus)"]) }
    return String(decoding: data, as: UTF8.self)
}
