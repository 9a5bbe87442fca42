import Foundation
import LeafpressCore

/// Prints findings one per line on standard error, in the compiler format editors parse.
struct DiagnosticPrinter {
    func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { write(diagnostic.description) }
    }

    func note(_ text: String) { write(text) }

    func failureSummary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        return "build failed: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
    }

    private func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
