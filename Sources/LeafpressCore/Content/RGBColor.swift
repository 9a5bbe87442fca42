import Foundation

/// An sRGB colour written `#rrggbb` (or `#rgb`) in `site.yml`, with the WCAG 2 contrast
/// ratio the brand colour checks use.
public struct RGBColor: Sendable, Equatable {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public static let white = RGBColor(red: 255, green: 255, blue: 255)

    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// `#1a5c8a`, `#15a` or `1a5c8a` (any case); nil for anything else.
    public init?(hex text: String) {
        var digits = Substring(text.trimmingCharacters(in: .whitespaces))
        if digits.hasPrefix("#") { digits = digits.dropFirst() }
        guard digits.allSatisfy(\.isHexDigit) else { return nil }
        if digits.count == 3 { digits = Substring(digits.map { "\($0)\($0)" }.joined()) }
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        self.init(red: UInt8(value >> 16), green: UInt8((value >> 8) & 0xff), blue: UInt8(value & 0xff))
    }

    /// `#1a5c8a`: lowercase, six digits.
    public var hex: String { String(format: "#%02x%02x%02x", red, green, blue) }

    /// WCAG 2 relative luminance, 0 (black) to 1 (white).
    public var luminance: Double {
        func linear(_ channel: UInt8) -> Double {
            let c = Double(channel) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// WCAG 2 contrast ratio with `other`, 1 to 21.
    public func contrast(with other: RGBColor) -> Double {
        let (a, b) = (luminance, other.luminance)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// The same hue made darker step by step until it has `ratio` against `background`,
    /// for a suggestion in messages; nil when even black would not do.
    public func darkened(toContrast ratio: Double, with background: RGBColor) -> RGBColor? {
        for step in 0...100 {
            let keep = 1 - Double(step) / 100
            let shade = RGBColor(red: UInt8((Double(red) * keep).rounded(.down)), green: UInt8((Double(green) * keep).rounded(.down)),
                                 blue: UInt8((Double(blue) * keep).rounded(.down)))
            if shade.contrast(with: background) >= ratio { return shade }
        }
        return nil
    }
}
