import Foundation

/// The browser side of live reload, served only by `serve` and injected only into served
/// responses: it listens for rebuilds and shows build errors over the page.
enum LiveScript {
    static let tag = "<script src=\"\(PreviewServer.livePrefix)live.js\"></script>"

    static let source = """
    /* Leafpress live reload (serve only). */
    (function () {
      "use strict";
      var overlay = null;
      function show(text) {
        if (!overlay) {
          overlay = document.createElement("div");
          overlay.setAttribute("role", "alert");
          // Set through the CSSOM: the theme's Content-Security-Policy blocks style attributes.
          overlay.style.cssText = "position:fixed;inset:0;z-index:99999;overflow:auto;background:rgba(20,20,20,.94);color:#fff;font:14px/1.5 ui-monospace,monospace;padding:2rem;white-space:pre-wrap";
          document.body.appendChild(overlay);
        }
        overlay.textContent = "Leafpress: the last change did not build. The page shows the last good version.\\n\\n" + text;
      }
      var source = new EventSource("\(PreviewServer.livePrefix)events");
      source.addEventListener("reload", function () { location.reload(); });
      source.addEventListener("failed", function (event) { show(event.data); });
    })();

    """

    /// The page with the live script before `</body>` (or at the end).
    static func inject(into html: Data) -> Data {
        var text = String(decoding: html, as: UTF8.self)
        if let range = text.range(of: "</body>", options: .backwards) {
            text.insert(contentsOf: tag, at: range.lowerBound)
        } else {
            text += tag
        }
        return Data(text.utf8)
    }

    /// Shown while there is no good build at all.
    static func errorPage(_ text: String) -> String {
        """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Build failed – Leafpress</title></head>
        <body><h1>The site did not build</h1><pre>\(HTMLEscaping.attribute(text))</pre>\(tag)</body></html>
        """
    }
}
