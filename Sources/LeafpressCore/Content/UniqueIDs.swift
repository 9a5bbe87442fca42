/// Hands out `id` values that are unique on one page: a taken id gets `-2`, `-3`, …
/// Each base remembers the next suffix to try, so 10,000 ids sharing one stem cost
/// linear time, not a scan over every suffix already handed out.
struct UniqueIDs {
    private var used: Set<String>
    /// The next suffix to try for each base that has been claimed before.
    private var next: [String: Int] = [:]

    init(reserved: Set<String> = []) {
        used = reserved
    }

    /// `base`, or the first free `base-N`; marks it taken.
    mutating func claim(_ base: String) -> String {
        if used.insert(base).inserted {
            next[base] = 2
            return base
        }
        var n = next[base] ?? 2
        var id = "\(base)-\(n)"
        while !used.insert(id).inserted {
            n += 1
            id = "\(base)-\(n)"
        }
        next[base] = n + 1
        return id
    }
}
