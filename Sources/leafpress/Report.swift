import ArgumentParser
import Foundation
import LeafpressCore

/// `leafpress report`: reports for clinical governance, written to standard output.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Reports for clinical governance: the review schedule, and what changed since a previous build.",
        subcommands: [Reviews.self, Changes.self])

    /// Output formats of the reports.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case human, csv, json
    }

    /// `leafpress report reviews`.
    struct Reviews: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every leaflet by next review date, with its reference, version, owner, status and translations.",
            discussion: "Status is ok, due-soon (within site.yml governance.review_due_soon days, default 90), overdue or draft. A leaflet without next_review is due governance.max_review_age months (default 36) after its review. Problems in the content are printed on standard error; the exit status is 0 whenever the report could be made.")

        @OptionGroup var paths: SitePaths

        @Option(name: .long, help: ArgumentHelp("Day to work the statuses out for (default: today, UTC).", valueName: "YYYY-MM-DD"))
        var today: String?

        @Option(name: .long, help: "Output format: human, csv or json.")
        var format: Format = .human

        func validate() throws {
            if let today, Day(today) == nil { throw ValidationError("--today must be a date written YYYY-MM-DD, got '\(today)'") }
        }

        func run() throws {
            let printer = DiagnosticPrinter()
            let location = paths.resolved()
            location.announce(printer)
            let records = SiteBuilder(options: location.options()).records()
            // Only what kept a leaflet out of the report; warnings belong to `check`.
            printer.print(records.diagnostics.filter { $0.severity == .error })
            guard let site = records.site else {
                printer.note("report failed: the site settings could not be read")
                throw ExitCode.failure
            }
            let schedule = ReviewSchedule(manifests: records.manifests, site: site, today: today.flatMap(Day.init) ?? Day.today())
            switch format {
            case .human: FileHandle.standardOutput.write(Data(schedule.text().utf8))
            case .csv: FileHandle.standardOutput.write(Data(schedule.csv().utf8))
            case .json: FileHandle.standardOutput.write(schedule.jsonData())
            }
        }
    }

    /// `leafpress report changes OLD_MANIFEST`.
    struct Changes: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare a previous build's manifest.json with the content now: leaflets added, removed and changed.",
            discussion: "A leaflet has changed when the SHA-256 of any of its source files (sections, included blocks, leaflet.yml) differs. A changed leaflet whose version did not go up is flagged version-not-raised, and a warning is printed at its 'version' on standard error. With --new, two manifests are compared instead. Exit status 0 (1 when a manifest or the content cannot be read).")

        @Argument(help: ArgumentHelp("The manifest.json of the earlier build.", valueName: "old-manifest"))
        var oldManifest: String

        @Option(name: .customLong("new"), help: ArgumentHelp("Compare with this manifest.json instead of the content.", valueName: "manifest"))
        var newManifest: String?

        @OptionGroup var paths: SitePaths

        @Option(name: .long, help: "Output format: human or json.")
        var format: Format = .human

        func validate() throws {
            if format == .csv { throw ValidationError("--format must be human or json") }
        }

        func run() throws {
            let printer = DiagnosticPrinter()
            let old: SiteManifest
            switch SiteManifest.load(path: oldManifest) {
            case .failure(let diagnostic):
                printer.print([diagnostic])
                throw ExitCode.failure
            case .success(let manifest):
                old = manifest
            }
            let new: SiteManifest
            var versionLocations: [String: SourceLocation] = [:]
            if let newManifest {
                switch SiteManifest.load(path: newManifest) {
                case .failure(let diagnostic):
                    printer.print([diagnostic])
                    throw ExitCode.failure
                case .success(let manifest):
                    new = manifest
                }
            } else {
                let location = paths.resolved()
                location.announce(printer)
                let current = SiteBuilder(options: location.options()).currentManifest()
                guard let manifest = current.manifest else {
                    printer.print(current.diagnostics)
                    printer.note("report failed: fix the errors above first")
                    throw ExitCode.failure
                }
                new = manifest
                versionLocations = current.versionLocations
            }
            let report = ChangeReport(old: old, new: new)
            printer.print(report.versionNotRaised.map { leaflet in
                .warning("sources changed since \(oldManifest), but 'version' is still \(leaflet.newVersion.map(String.init) ?? "not set"); raise it and add a 'changes' entry",
                         at: versionLocations[leaflet.slug], rule: .versionNotRaised)
            })
            switch format {
            case .json: FileHandle.standardOutput.write(report.jsonData())
            default: FileHandle.standardOutput.write(Data(report.text(since: oldManifest).utf8))
            }
        }
    }
}
