import Foundation

/// Prints built leaflet pages to PDF with a headless Chromium. Paper size comes from the
/// page's print stylesheet (`@page size`), because Chromium's command line has none.
/// The PDFs are tagged (Chromium's default), with a bookmark outline made from the
/// headings, live links, and the title and language added by `PDFMetadata`.
public struct PDFPrinter: Sendable {
    /// One page to print.
    public struct Job: Sendable {
        public var page: String
        public var pdf: String
        /// Shown in messages (the leaflet slug).
        public var name: String
        /// The document title and language written into the PDF's metadata.
        public var title: String
        public var language: String
        /// The section titles, whose bookmarks `PDFMetadata` repairs.
        public var headings: [String]
        /// Where links into the folder the page was printed from should point.
        var links: PDFMetadata.LinkBase?

        public init(page: String, pdf: String, name: String, title: String, language: String, headings: [String] = []) {
            self.page = page
            self.pdf = pdf
            self.name = name
            self.title = title
            self.language = language
            self.headings = headings
        }
    }

    public let browser: String
    /// Seconds before a hung browser is killed.
    public var timeout: Double = 120

    public init(browser: String) {
        self.browser = browser
    }

    /// The browser from `LEAFPRESS_BROWSER`, else the first Chromium-family program on PATH.
    public static func findBrowser() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let chosen = environment["LEAFPRESS_BROWSER"], !chosen.isEmpty {
            return FileManager.default.isExecutableFile(atPath: chosen) ? chosen : nil
        }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"] {
            for folder in path.split(separator: ":") {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// Prints every job, `jobs` at a time; returns one error per PDF that was not written.
    public func print(_ work: [Job], jobs: Int) -> [Diagnostic] {
        let results = Parallel.map(work.count, jobs: max(1, jobs)) { index in printOne(work[index]) }
        return results.compactMap { $0 }
    }

    private func printOne(_ job: Job) -> Diagnostic? {
        let fm = FileManager.default
        let profile = fm.temporaryDirectory.appendingPathComponent("leafpress-chromium-\(UUID().uuidString)").path
        defer { try? fm.removeItem(atPath: profile) }
        try? fm.removeItem(atPath: job.pdf)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-extensions", "--no-first-run",
            "--no-default-browser-check", "--disable-background-networking", "--hide-scrollbars",
            "--user-data-dir=\(profile)", "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw",
            // Bookmarks from the tagged headings: the leaflet title, then its sections.
            "--generate-pdf-document-outline",
            "--print-to-pdf=\(job.pdf)", URL(fileURLWithPath: job.page).absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            return .error("cannot start browser '\(browser)': \(error.localizedDescription)", at: nil, rule: .pdf)
        }
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            finished.wait()
            return .error("browser did not finish printing '\(job.name)' within \(Int(timeout)) s", at: SourceLocation(path: job.page), rule: .pdf)
        }
        // Chromium exits 0 even when the page failed to load, so the file is what counts.
        guard let handle = FileHandle(forReadingAtPath: job.pdf) else {
            return .error("browser exited (status \(process.terminationStatus)) without writing a PDF for '\(job.name)'", at: SourceLocation(path: job.page), rule: .pdf)
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 5)) ?? Data()
        let size = (try? fm.attributesOfItem(atPath: job.pdf)[.size] as? Int) ?? 0
        guard head == Data("%PDF-".utf8), size > 1000 else {
            return .error("browser wrote an invalid PDF for '\(job.name)' (\(size) bytes)", at: SourceLocation(path: job.page), rule: .pdf)
        }
        do throws(PDFMetadata.Failure) {
            try PDFMetadata.update(job.pdf, title: job.title, language: job.language, headings: job.headings, links: job.links)
        } catch {
            return .error("cannot add the title and language to the PDF of '\(job.name)': \(error.description)", at: SourceLocation(path: job.page), rule: .pdf)
        }
        return nil
    }
}
