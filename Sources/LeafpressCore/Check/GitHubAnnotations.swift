/// `leafpress check --format github`: one GitHub Actions workflow command per finding
/// (`::error file=…,line=…,col=…::message [rule]`), so findings show on the pull request
/// beside the lines they are about, then a plain summary line.
public enum GitHubAnnotations {
    public static func render(_ report: CheckReport) -> String {
        var text = ""
        for diagnostic in report.diagnostics {
            text += line(for: diagnostic) + "\n"
        }
        let summary = report.summary
        text += "leafpress check: \(summary.errors) error\(summary.errors == 1 ? "" : "s"), \(summary.warnings) warning\(summary.warnings == 1 ? "" : "s")\n"
        return text
    }

    /// One workflow command.
    public static func line(for diagnostic: Diagnostic) -> String {
        var command = "::\(diagnostic.severity == .error ? "error" : "warning")"
        if let location = diagnostic.location {
            command += " file=\(property(location.path))"
            if let line = location.line {
                command += ",line=\(line),col=\(location.column ?? 1)"
            }
        }
        var message = diagnostic.message
        if let rule = diagnostic.rule { message += " [\(rule.id)]" }
        return command + "::" + data(message)
    }

    /// Escaping of the message part, as the Actions runner expects it.
    static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escaping of a property value (`file=`), which also may not hold `:` or `,`.
    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
