/// An upper estimate of how wide text prints, used to size the page margins that hold the
/// running header and the legal footer. Chromium cannot grow a margin to fit its content,
/// so the margin is computed before printing; overestimating only costs a little space,
/// underestimating would cut the legal text. Widths are DejaVu Sans (what `system-ui`
/// resolves to on Debian, and wider than Liberation, Arial or Noto Sans), plus 5%.
enum TextWidth {
    /// Advance widths of printable ASCII (space to tilde) in thousandths of an em.
    private static let ascii: [Int] = [
        318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337,
        636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531,
        1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
        603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500,
        500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
        635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
    ]

    /// Width of `text` in ems.
    static func ems(_ text: Substring) -> Double {
        var total = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value >= 32 && value <= 126 {
                total += ascii[Int(value - 32)]
            } else if (0x0300...0x036F).contains(value) || (0x200B...0x200F).contains(value) {
                continue // combining marks and zero-width characters take no room of their own
            } else if (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
                        || (0xF900...0xFAFF).contains(value) || (0xFF00...0xFF60).contains(value) || value >= 0x1F000 {
                total += 1000 // CJK and emoji are a full em (or more; fallbacks vary)
            } else {
                total += 800 // accented Latin, Greek, Cyrillic, Arabic, Hebrew, symbols
            }
        }
        return Double(total) / 1000 * 1.05
    }

    /// How many lines `text` takes when wrapped greedily at spaces into `width` points at
    /// `size` points; `\n` starts a new line, and a word longer than a line breaks anywhere
    /// (the margin boxes use `overflow-wrap: anywhere`).
    static func lines(_ text: String, width: Double, size: Double) -> Int {
        let lineEms = width / size
        let space = ems(" ")
        var count = 0
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            count += 1
            var used = 0.0
            for word in paragraph.split(separator: " ") {
                let word = ems(word)
                if used > 0 && used + space + word <= lineEms {
                    used += space + word
                } else {
                    if used > 0 { count += 1 }
                    let extra = max(0, Int((word / lineEms).rounded(.up)) - 1)
                    count += extra
                    used = word - Double(extra) * lineEms
                }
            }
        }
        return count
    }
}
