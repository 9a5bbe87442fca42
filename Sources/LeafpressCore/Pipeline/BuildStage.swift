import Dispatch

/// The named stages of a build, in the order they run. `build` runs them all, `serve`
/// all but print and commit (into memory), `check` load, render leaflets and
/// cross-leaflet checks (writing nothing).
public enum BuildStage: String, Sendable, CaseIterable {
    /// Settings, theme, and a plan for every leaflet (reads only `site.yml` and `leaflet.yml`).
    case load
    /// Reads, converts, renders and writes every leaflet's page, in parallel.
    case renderLeaflets = "render leaflets"
    /// Checks that need every leaflet rendered: anchors into other leaflets' sections.
    case crossLeafletChecks = "cross-leaflet checks"
    /// Indexes, search indexes, 404, robots, sitemap, the theme's files and shared assets.
    case sitePages = "site-wide pages"
    /// Leaflet PDFs printed with a headless browser (only when asked for).
    case print
    /// The staged site swapped in for the previous one.
    case commit
}

/// One run through the stages: every finding so far and the time each stage took. Its
/// `stopOnErrors()` is the one place a build stops because of what it found.
struct BuildRun {
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var timings: [StageTiming] = []
    let start = DispatchTime.now()
    /// The site's rule levels (`site.yml` `rules:`), known once `site.yml` is read.
    var levels = RuleLevels()
    /// `--strict`: every warning counts as an error.
    var strict = false

    init(strict: Bool = false) {
        self.strict = strict
    }

    /// Puts every finding so far at its rule's level for this site (idempotent).
    mutating func settle() {
        diagnostics = levels.apply(diagnostics, strict: strict)
    }

    /// Runs a stage that cannot fail by itself (its findings go into `diagnostics`).
    mutating func stage<T>(_ stage: BuildStage, _ body: (inout [Diagnostic]) -> T) -> T {
        let begin = DispatchTime.now()
        defer { timings.append(StageTiming(stage: stage, seconds: Self.seconds(since: begin))) }
        return body(&diagnostics)
    }

    /// Runs a stage that can fail (a file that cannot be written): its error joins the
    /// findings so far, and the build stops with all of them.
    mutating func failableStage<T>(_ stage: BuildStage, _ body: (inout [Diagnostic]) throws(BuildFailure) -> T) throws(BuildFailure) -> T {
        let begin = DispatchTime.now()
        defer { timings.append(StageTiming(stage: stage, seconds: Self.seconds(since: begin))) }
        do {
            return try body(&diagnostics)
        } catch {
            diagnostics += error.diagnostics
            throw BuildFailure(diagnostics: sortedDiagnostics)
        }
    }

    /// Stops the build with every finding, sorted by location, when any is an error.
    /// Rule levels and `--strict` apply first, so a raised warning stops the build too.
    mutating func stopOnErrors() throws(BuildFailure) {
        settle()
        if diagnostics.hasErrors { throw BuildFailure(diagnostics: diagnostics.sortedByLocation()) }
    }

    /// True when any finding, at this site's levels, is an error.
    var hasErrors: Bool { levels.apply(diagnostics, strict: strict).hasErrors }

    /// Every finding at this site's levels, sorted by location.
    var sortedDiagnostics: [Diagnostic] { levels.apply(diagnostics, strict: strict).sortedByLocation() }

    var elapsed: Double { Self.seconds(since: start) }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}

/// How long one stage of a build took.
public struct StageTiming: Sendable, Equatable {
    public var stage: BuildStage
    public var seconds: Double
}
