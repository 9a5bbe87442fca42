import Foundation

/// A stable 64-bit FNV-1a hash of a section file and one of its anchors (or of the file
/// alone, meaning "this section rendered"). Stable across runs, unlike `Hasher`. Both are
/// NFC-normalised first, so `#café` written with a combining accent in one file finds the
/// heading `Café` typed precomposed in another.
enum AnchorHash {
    static func of(file: String, anchor: String?) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        for byte in nfc(file).utf8 { mix(byte) }
        if let anchor {
            mix(0x23)
            for byte in nfc(anchor).utf8 { mix(byte) }
        }
        return hash
    }

    /// ASCII is already NFC; Foundation's normalisation is slow (3% of a build, for every
    /// anchor of every section), so only other text goes through it.
    private static func nfc(_ text: String) -> String {
        text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCanonicalMapping
    }
}
