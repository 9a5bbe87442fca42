import CQRencode
import Foundation

/// QR codes for printed leaflets, encoded by libqrencode and drawn as SVG, so a reader
/// with a paper copy can open the online version.
public enum QRCode {
    /// An SVG of `text` (error correction M, 4-module quiet zone), or nil if it cannot be encoded.
    public static func svg(for text: String, label: String) -> String? {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        let data = code.pointee.data!
        let quiet = 4
        let size = width + 2 * quiet
        var path = ""
        for y in 0..<width {
            var x = 0
            while x < width {
                guard data[y * width + x] & 1 == 1 else { x += 1; continue }
                let start = x
                while x < width, data[y * width + x] & 1 == 1 { x += 1 }
                // One horizontal run of dark modules per sub-path keeps the SVG small.
                path += "M\(start + quiet) \(y + quiet)h\(x - start)v1h-\(x - start)z"
            }
        }
        return """
        <svg class="qr-code" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(size) \(size)" width="\(size * 3)" height="\(size * 3)" role="img" aria-label="\(HTMLEscaping.attribute(label))" shape-rendering="crispEdges"><rect width="\(size)" height="\(size)" fill="#fff"/><path d="\(path)" fill="#000"/></svg>
        """
    }
}
