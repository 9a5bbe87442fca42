import ArgumentParser
import Foundation
import LeafpressCore

/// How much the commands say on standard error: `--quiet`, the default, or `--verbose`.
enum Verbosity: Sendable {
    /// Errors only.
    case quiet
    /// Errors, warnings and one summary line.
    case normal
    /// Also what was used: the site folder, the theme files taken from templates/.
    case verbose
}

/// `--quiet` and `--verbose`, shared by every command that reports findings.
struct VerbosityFlags: ParsableArguments {
    @Flag(name: [.short, .long], help: "Print errors only: no warnings, notes or summary.")
    var quiet = false

    @Flag(name: [.short, .long], help: "Also print which site, theme files and output folder were used.")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
    }

    var level: Verbosity { quiet ? .quiet : verbose ? .verbose : .normal }
}

/// Prints findings one per line on standard error, in the compiler format editors parse.
struct DiagnosticPrinter {
    var verbosity: Verbosity = .normal

    func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics where verbosity != .quiet || diagnostic.severity == .error {
            write(diagnostic.description)
        }
    }

    /// A summary or hint; left out with `--quiet`.
    func note(_ text: String) {
        if verbosity != .quiet { write(text) }
    }

    /// A detail printed only with `--verbose`.
    func detail(_ text: String) {
        if verbosity == .verbose { write(text) }
    }

    /// A problem that is not about the content (no browser, an unsafe setting); always printed.
    func error(_ text: String) { write("error: " + text) }

    /// A warning about how the command was run; left out with `--quiet`.
    func warning(_ text: String) {
        if verbosity != .quiet { write("warning: " + text) }
    }

    func failureSummary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        return "build failed: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
    }

    private func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
