import Foundation
@testable import LeafpressCore

/// A fresh folder under the system temporary directory, removed when the value goes away.
final class TemporaryDirectory {
    let path: String

    init() throws {
        let base = (NSTemporaryDirectory() as NSString).appendingPathComponent("leafpress-core-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        path = PathSafety.absolute(base)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `contents` to `relative`, creating folders on the way.
    func write(_ contents: String, to relative: String) throws {
        try write(Data(contents.utf8), to: relative)
    }

    func write(_ data: Data, to relative: String) throws {
        let full = (path as NSString).appendingPathComponent(relative)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: full))
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: (path as NSString).appendingPathComponent(relative), encoding: .utf8)
    }

    func subpath(_ relative: String) -> String {
        (path as NSString).appendingPathComponent(relative)
    }
}

/// The package root, found from this file's path (`Tests/LeafpressCoreTests/Support.swift`).
let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// The repository's default theme.
let repositoryTemplates = packageRoot + "/templates"

/// Runs `body` and returns the diagnostics it appended.
func collecting<T>(_ body: (inout [Diagnostic]) -> T) -> (T, [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    let value = body(&diagnostics)
    return (value, diagnostics)
}
