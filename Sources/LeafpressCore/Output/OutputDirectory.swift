import Foundation

/// The output folder, owned by Leafpress: the site is written into a staging folder beside
/// it and swapped in only when the whole build succeeded, so a failed build leaves the
/// previous site exactly as it was.
public struct OutputDirectory: Sendable {
    /// File that marks a folder as Leafpress output, so it is never confused with user files.
    public static let markerName = ".leafpress-output"

    /// The output folder as the user gave it.
    public let path: String
    /// Absolute, normalised path of the output folder.
    public let absolutePath: String
    /// Where this build writes; renamed to `path` on commit.
    public let stagingPath: String
    /// The site being replaced, when there is one.
    public var previousSite: String? {
        FileManager.default.fileExists(atPath: absolutePath + "/" + Self.markerName) ? absolutePath : nil
    }

    /// Checks that `path` may be (re)built and creates an empty staging folder beside it.
    /// `protected` folders (content, templates) may neither contain nor lie inside the output.
    public static func prepare(_ path: String, protecting protected: [String]) throws(BuildFailure) -> OutputDirectory {
        let absolute = PathSafety.absolute(path)
        let here = SourceLocation(path: path)
        let home = PathSafety.absolute(NSHomeDirectory())
        if absolute == "/" || absolute == home {
            throw BuildFailure(.error("refusing to use '\(absolute)' as the output folder", at: here, rule: .output))
        }
        for folder in protected {
            let other = PathSafety.absolute(folder)
            if absolute == other || PathSafety.isInside(absolute, other) || PathSafety.isInside(other, absolute) {
                throw BuildFailure(.error("output folder overlaps '\(folder)'; choose a separate folder such as 'site'", at: here, rule: .output))
            }
        }
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: absolute, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw BuildFailure(.error("output path exists and is not a folder", at: here, rule: .output))
            }
            let entries = (try? fm.contentsOfDirectory(atPath: absolute)) ?? []
            if !entries.isEmpty, !entries.contains(markerName) {
                throw BuildFailure(.error("output folder is not empty and was not written by Leafpress; refusing to replace it", at: here, rule: .output))
            }
        }
        let parent = (absolute as NSString).deletingLastPathComponent
        let name = (absolute as NSString).lastPathComponent
        do {
            try fm.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw BuildFailure(.error("cannot create '\(parent)': \(error.localizedDescription)", at: here, rule: .output))
        }
        removeLeftovers(in: parent, name: name)
        let staging = (parent as NSString).appendingPathComponent(".\(name).leafpress-staging-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try? fm.removeItem(atPath: staging)
            Interruption.register(staging)
            try fm.createDirectory(atPath: staging, withIntermediateDirectories: false)
            try Data("Written by Leafpress. This folder is replaced on every build.\n".utf8)
                .write(to: URL(fileURLWithPath: (staging as NSString).appendingPathComponent(markerName)))
        } catch {
            throw BuildFailure(.error("cannot create staging folder: \(error.localizedDescription)", at: here, rule: .output))
        }
        return OutputDirectory(path: path, absolutePath: absolute, stagingPath: staging)
    }

    /// Moves the staged site into place. The old site is moved aside first and removed
    /// last, so at every instant one complete site exists.
    public func commit() throws(BuildFailure) {
        let result: Result<Void, BuildFailure> = Interruption.critical {
            do throws(BuildFailure) {
                try swap()
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        Interruption.unregister(stagingPath)
        try result.get()
    }

    private func swap() throws(BuildFailure) {
        let fm = FileManager.default
        let aside = stagingPath.replacingOccurrences(of: ".leafpress-staging-", with: ".leafpress-previous-")
        let hadPrevious = fm.fileExists(atPath: absolutePath)
        do {
            if hadPrevious { try fm.moveItem(atPath: absolutePath, toPath: aside) }
            try fm.moveItem(atPath: stagingPath, toPath: absolutePath)
        } catch {
            if hadPrevious, !fm.fileExists(atPath: absolutePath) { try? fm.moveItem(atPath: aside, toPath: absolutePath) }
            abort()
            throw BuildFailure(.error("cannot move the new site into place: \(error.localizedDescription)", at: SourceLocation(path: path), rule: .output))
        }
        if hadPrevious { try? fm.removeItem(atPath: aside) }
    }

    /// Throws the staged files away; the previous site is untouched.
    public func abort() {
        try? FileManager.default.removeItem(atPath: stagingPath)
        Interruption.unregister(stagingPath)
    }

    /// Staging folders of builds that were killed before they could clean up.
    private static func removeLeftovers(in parent: String, name: String) {
        let fm = FileManager.default
        for entry in (try? fm.contentsOfDirectory(atPath: parent)) ?? []
        where entry.hasPrefix(".\(name).leafpress-staging-") || entry.hasPrefix(".\(name).leafpress-previous-") {
            let suffix = entry.split(separator: "-").last.flatMap { Int32($0) }
            // A build still running in another process owns its own folder.
            if let pid = suffix, pid != ProcessInfo.processInfo.processIdentifier, kill(pid, 0) == 0 { continue }
            let full = (parent as NSString).appendingPathComponent(entry)
            if entry.contains("previous"), !fm.fileExists(atPath: (parent as NSString).appendingPathComponent(name)) {
                try? fm.moveItem(atPath: full, toPath: (parent as NSString).appendingPathComponent(name))
            } else {
                try? fm.removeItem(atPath: full)
            }
        }
    }
}
