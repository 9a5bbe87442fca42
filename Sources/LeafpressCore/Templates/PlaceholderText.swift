extension String {
    /// `self` with every `placeholder` (`{day}`, `{version}`) replaced by `value`, matched
    /// byte for byte. Interface strings are filled in several times for every page, and
    /// Foundation's `replacingOccurrences` bridges each call through NSString (3% of a build).
    func filling(_ placeholder: String, with value: String) -> String {
        let needle = Array(placeholder.utf8)
        guard let first = needle.first else { return self }
        var result: [UInt8] = []
        var changed = false
        var bytes = self.utf8[...]
        while let start = bytes.firstIndex(of: first) {
            if bytes[start...].starts(with: needle) {
                result.append(contentsOf: bytes[..<start])
                result.append(contentsOf: value.utf8)
                bytes = bytes[utf8.index(start, offsetBy: needle.count)...]
                changed = true
            } else {
                let next = utf8.index(after: start)
                result.append(contentsOf: bytes[..<next])
                bytes = bytes[next...]
            }
        }
        guard changed else { return self }
        result.append(contentsOf: bytes)
        return String(decoding: result, as: UTF8.self)
    }
}
