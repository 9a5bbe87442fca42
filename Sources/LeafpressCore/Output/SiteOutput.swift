import Foundation

/// Where a build's files go: the staging folder on disk (`build`), or memory (`serve`).
protocol SiteOutput: Sendable {
    func write(_ contents: String, to relative: String) throws(BuildFailure)
    func write(_ data: Data, to relative: String) throws(BuildFailure)
    /// Makes `relative` a copy of the source file at `source`.
    func copy(from source: String, to relative: String) throws(BuildFailure)
}

extension SiteWriter: SiteOutput {}
