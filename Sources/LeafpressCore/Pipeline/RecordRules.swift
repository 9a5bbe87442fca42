/// The document-control rules that need more than one leaflet or the site's governance
/// settings: unique references, a change history that matches the version, approvals,
/// and translations that keep up with their original.
struct RecordRules {
    let governance: GovernanceSettings
    /// Every leaflet that was read, drafts included (references are unique across them all).
    let all: [LeafletManifest]

    /// Findings for `built`, the leaflets of this build (a subset of `all`).
    func check(_ built: [LeafletManifest]) -> [Diagnostic] {
        var diagnostics = duplicateReferences()
        let bySlug = Dictionary(all.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        for manifest in built {
            diagnostics += changesVersion(manifest)
            if governance.requireApproval, !manifest.draft { diagnostics += approval(manifest) }
            if let original = manifest.translationOf.flatMap({ bySlug[$0] }), original.slug != manifest.slug {
                diagnostics += translationInStep(manifest, original: original)
            }
        }
        return diagnostics
    }

    private func at(_ manifest: LeafletManifest, _ key: String) -> SourceLocation {
        manifest.keyLocations[key] ?? manifest.location
    }

    /// `reference-duplicate`: reported at every leaflet that shares a reference, naming the others.
    /// References differing only in case are the same reference.
    func duplicateReferences() -> [Diagnostic] {
        var holders: [String: [LeafletManifest]] = [:]
        for manifest in all {
            guard let reference = manifest.control.reference else { continue }
            holders[reference.uppercased(), default: []].append(manifest)
        }
        var diagnostics: [Diagnostic] = []
        for (_, manifests) in holders where manifests.count > 1 {
            for manifest in manifests {
                let others = manifests.filter { $0.slug != manifest.slug }
                    .map { "\($0.location.path):\(at($0, "reference").line ?? 1)" }.sorted()
                diagnostics.append(.error("reference '\(manifest.control.reference!)' is also used by \(others.joined(separator: ", ")); each leaflet needs its own reference",
                                          at: at(manifest, "reference"), rule: .referenceDuplicate))
            }
        }
        return diagnostics
    }

    /// `changes-version`: the newest change entry is the current version, entries are
    /// newest first, and a version has an entry.
    func changesVersion(_ manifest: LeafletManifest) -> [Diagnostic] {
        let control = manifest.control
        var diagnostics: [Diagnostic] = []
        for (newer, older) in zip(control.changes, control.changes.dropFirst()) where older.version >= newer.version {
            diagnostics.append(.error("'changes' must be newest first: version \(older.version) comes after version \(newer.version)",
                                      at: older.location, rule: .changesVersion))
        }
        switch (control.version, control.changes.first) {
        case (let version?, nil):
            diagnostics.append(.error("version \(version) has no entry in 'changes'; add `- {version: \(version), date: YYYY-MM-DD, summary: what changed}`",
                                      at: at(manifest, "version"), rule: .changesVersion))
        case (let version?, let newest?) where newest.version != version:
            diagnostics.append(.error("the newest entry of 'changes' is version \(newest.version), but 'version' is \(version); the newest entry must describe the current version",
                                      at: newest.location, rule: .changesVersion))
        case (nil, let newest?):
            diagnostics.append(.error("'changes' lists version \(newest.version) but there is no 'version'; add `version: \(newest.version)`",
                                      at: at(manifest, "changes"), rule: .changesVersion))
        default:
            break
        }
        return diagnostics
    }

    /// `approval-missing`: with `governance.require_approval`, a sign-off dated on or after the last review.
    func approval(_ manifest: LeafletManifest) -> [Diagnostic] {
        if manifest.control.approvals.contains(where: { $0.date >= manifest.reviewed }) { return [] }
        let message: String
        if let latest = manifest.control.latestApproval {
            message = "the latest approval (\(latest.date), \(latest.name)) is older than the last review on \(manifest.reviewed); add an 'approved' entry dated on or after it"
        } else {
            message = "site.yml requires approval, and this leaflet has no 'approved' entry; add `approved: [{name: …, role: …, date: YYYY-MM-DD}]` dated on or after the review on \(manifest.reviewed)"
        }
        return [.error(message, at: manifest.keyLocations["approved"] ?? at(manifest, "reviewed"), rule: .approvalMissing)]
    }

    /// `translation-stale`: a translation made from an older version of its original, or
    /// one that does not say which version it was made from.
    func translationInStep(_ translation: LeafletManifest, original: LeafletManifest) -> [Diagnostic] {
        guard let current = original.control.version else { return [] }
        guard let source = translation.control.sourceVersion else {
            return [.warning("translation of '\(original.slug)' has no 'source_version'; add the version of the original it was translated from (now \(current))",
                             at: at(translation, "translation_of"), rule: .translationStale)]
        }
        if source > current {
            return [.warning("'source_version' is \(source), but '\(original.slug)' is only at version \(current)",
                             at: at(translation, "source_version"), rule: .translationStale)]
        }
        guard source < current else { return [] }
        let since = original.control.changes(since: source)
        var message = "translated from version \(source) of '\(original.slug)', which is now at version \(current)"
        if !since.isEmpty {
            message += "; changed since: " + since.map { "version \($0.version) (\($0.date)): \($0.summary)" }.joined(separator: "; ")
        }
        return [.warning(message, at: at(translation, "source_version"), rule: .translationStale)]
    }
}
