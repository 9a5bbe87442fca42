/// The human form of a `CheckReport`: findings grouped by file (a header line per file,
/// then each finding in the compiler format editors parse), a table with a row per leaflet,
/// and a totals line. ANSI colours only when asked for.
public struct CheckReportText: Sendable {
    /// Use ANSI colours (the caller decides: a terminal, and `NO_COLOR` not set).
    public var colour: Bool

    /// A renderer.
    public init(colour: Bool = false) {
        self.colour = colour
    }

    /// The whole report, ending with a newline.
    public func render(_ report: CheckReport) -> String {
        var lines: [String] = []
        var perFile: [String?: [Diagnostic]] = [:]
        for diagnostic in report.diagnostics { perFile[diagnostic.location?.path, default: []].append(diagnostic) }
        var currentPath: String??
        for diagnostic in report.diagnostics {
            let path = diagnostic.location?.path
            if currentPath != .some(path) {
                if currentPath != nil { lines.append("") }
                lines.append(style(bold, (path ?? "(no file)") + " (" + Self.counts(perFile[path] ?? []) + ")"))
                currentPath = .some(path)
            }
            lines.append(line(for: diagnostic))
        }
        if report.diagnostics.isEmpty { lines.append("no problems found") }
        lines.append("")
        lines += table(report)
        lines.append("")
        lines.append(totals(report))
        lines += blockList(report)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `path:line:col: severity: message [rule]`, with the severity coloured.
    private func line(for diagnostic: Diagnostic) -> String {
        guard colour else { return diagnostic.description }
        var text = ""
        if let location = diagnostic.location { text += style(bold, "\(location):") + " " }
        text += style(diagnostic.severity == .error ? red : yellow, diagnostic.severity.rawValue + ":") + " " + diagnostic.message
        if let rule = diagnostic.rule { text += " " + style(dim, "[\(rule)]") }
        return text
    }

    private func table(_ report: CheckReport) -> [String] {
        let header = ["leaflet", "grade", "SMOG", "words", "errors", "warnings"]
        let maxGrade = report.summary.maxGrade
        let rows: [[String]] = report.leaflets.map { leaflet in
            [leaflet.slug,
             leaflet.stats?.fleschKincaidGrade.map(Self.decimal) ?? "-",
             leaflet.stats?.smogGrade.map(Self.decimal) ?? "-",
             leaflet.stats.map { String($0.words) } ?? "-",
             String(leaflet.errors), String(leaflet.warnings)]
        }
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        func format(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                return index == 0 ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }
        var lines = [style(bold, format(header))]
        for (row, leaflet) in zip(rows, report.leaflets) {
            var text = format(row)
            if colour {
                if leaflet.errors > 0 {
                    text = style(red, text)
                } else if (leaflet.stats?.fleschKincaidGrade ?? 0) > maxGrade || leaflet.warnings > 0 {
                    text = style(yellow, text)
                }
            }
            lines.append(text)
        }
        return lines
    }

    /// `blocks: contact (3 leaflets: a, b, c), unused (no leaflet)`, one line per block.
    private func blockList(_ report: CheckReport) -> [String] {
        guard !report.blocks.isEmpty else { return [] }
        var lines = ["", style(bold, "shared blocks:")]
        for name in report.blocks.keys.sorted() {
            let slugs = report.blocks[name] ?? []
            let users = slugs.isEmpty ? "no leaflet" : Self.plural(slugs.count, "leaflet") + ": " + slugs.joined(separator: ", ")
            lines.append("  \(name) (\(users))")
        }
        return lines
    }

    private func totals(_ report: CheckReport) -> String {
        let summary = report.summary
        var text = "checked \(Self.plural(summary.leaflets, "leaflet")) (\(Self.plural(summary.sections, "section")), \(Self.plural(summary.words, "word"))): "
        text += Self.counts(errors: summary.errors, warnings: summary.warnings)
        text += "; grade is Flesch-Kincaid, limit \(HealthLiteracyCheck.format(summary.maxGrade))"
        if summary.leafletsAboveMaxGrade > 0 { text += " (\(summary.leafletsAboveMaxGrade) above)" }
        if summary.strict { text += "; --strict: warnings count as errors" }
        return style(bold, text)
    }

    static func counts(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        return counts(errors: errors, warnings: diagnostics.count - errors)
    }

    static func counts(errors: Int, warnings: Int) -> String {
        plural(errors, "error") + ", " + plural(warnings, "warning")
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    static func decimal(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e14 else { return String(value) }
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }

    // MARK: colours

    private let bold = "1", dim = "2", red = "1;31", yellow = "1;33"

    private func style(_ code: String, _ text: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
