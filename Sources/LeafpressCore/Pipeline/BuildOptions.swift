/// What to build and where: the `leafpress build` flags.
public struct BuildOptions: Sendable {
    public var contentDirectory = "content"
    public var templatesDirectory = "templates"
    public var outputDirectory = "site"
    public var includeDrafts = false
    /// Overrides `base_url` from `site.yml`.
    public var baseURL: String?
    /// Worker threads; defaults to one per core.
    public var jobs = BuildOptions.defaultJobs
    /// Validate and render without writing the site (`leafpress check`).
    public var dryRun = false
    /// Keep plain text of every section for readability checks.
    public var collectText = false

    public init() {}

    public static var defaultJobs: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}

import Foundation
