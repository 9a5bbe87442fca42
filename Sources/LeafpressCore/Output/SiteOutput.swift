import Foundation

/// Where a build's files go: the staging folder on disk (`build`), or memory (`serve`).
protocol SiteOutput: Sendable {
    func write(_ contents: String, to relative: String) throws(BuildFailure)
    func write(_ data: Data, to relative: String) throws(BuildFailure)
    /// Makes `relative` a copy of the regular file `source` of `folder`, read now and
    /// never through a link out of the folder (a link inside it becomes a real copy).
    func copy(_ source: String, in folder: SourceFolder, to relative: String) throws(BuildFailure)
    /// Puts the previous site's file at the absolute `path` (a PDF already checked against
    /// its record) at `relative`: a hard link on disk, its bytes in memory.
    func keep(_ path: String, to relative: String) throws(BuildFailure)
}

extension SiteWriter: SiteOutput {}
