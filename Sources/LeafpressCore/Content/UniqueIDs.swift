/// Hands out `id` values that are unique on one page: a taken id gets `-2`, `-3`, …
struct UniqueIDs {
    private var used: Set<String>

    init(reserved: Set<String> = []) {
        used = reserved
    }

    /// `base`, or the first free `base-N`; marks it taken.
    mutating func claim(_ base: String) -> String {
        var id = base
        var n = 2
        while !used.insert(id).inserted {
            id = "\(base)-\(n)"
            n += 1
        }
        return id
    }
}
