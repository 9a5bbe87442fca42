import ArgumentParser
import Foundation
import LeafpressCore

/// `leafpress serve`: builds into memory, serves on loopback, rebuilds what changed on
/// save and reloads open pages.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site, serve it on 127.0.0.1 and rebuild and reload on every change.")

    @OptionGroup var paths: SitePaths
    @OptionGroup var verbosity: VerbosityFlags

    @Option(name: .long, help: "Port to listen on (0 picks a free one).")
    var port: UInt16 = 8000

    @Option(name: .long, help: "Address to listen on. Anything but loopback exposes unpublished drafts to the network.")
    var host = "127.0.0.1"

    @Flag(name: .long, help: "Also build leaflets marked 'draft: true'.")
    var drafts = false

    @Option(name: [.short, .long], help: ArgumentHelp("The built site whose current PDFs are served too; serve never writes to it (default: site/ beside content/).", valueName: "dir"))
    var output: String?

    func validate() throws {
        let parts = address.split(separator: ".")
        guard parts.count == 4, parts.allSatisfy({ UInt8($0) != nil }) else {
            throw ValidationError("--host must be an IPv4 address such as 127.0.0.1, or localhost")
        }
    }

    func run() async throws {
        let printer = DiagnosticPrinter(verbosity: verbosity.level)
        let location = paths.resolved()
        location.announce(printer)
        location.describeTheme(printer)
        var options = location.options()
        options.outputDirectory = location.output(output)
        options.includeDrafts = drafts
        options.today = Day.today()
        let host = address
        if !Self.isLoopback(host) {
            printer.warning("serving on \(host), not a loopback address: other machines on the network can read the site\(drafts ? ", drafts included" : ""); use --host 127.0.0.1 to keep it on this machine")
        }
        let site = LiveSite(options: options)
        let channel = ReloadChannel()

        // Bound before anything is built, so a port in use is reported at once.
        let server: PreviewServer
        do {
            server = try PreviewServer(site: site, channel: channel, host: host, port: port)
        } catch {
            printer.note("error: \(error)")
            throw ExitCode.failure
        }

        switch site.buildAll() {
        case .success(let report):
            printer.print(report.diagnostics)
            printer.note("built \(report.leaflets) leaflet\(report.leaflets == 1 ? "" : "s") in \(Self.format(report.seconds))")
        case .failure(let failure):
            printer.print(failure.diagnostics)
            printer.note("build failed; fix the errors above and save to rebuild")
        }

        let watcher = try FileWatcher(roots: [location.content, location.templates]) { changed in
            switch site.rebuild(changed: changed) {
            case .success(let report):
                guard report.full || report.leaflets > 0 else { return }
                printer.print(report.diagnostics)
                printer.note("rebuilt \(report.full ? "everything" : "\(report.leaflets) leaflet\(report.leaflets == 1 ? "" : "s")") in \(Self.format(report.seconds)); reloading \(channel.listenerCount) page\(channel.listenerCount == 1 ? "" : "s")")
                channel.reload()
            case .failure(let failure):
                printer.print(failure.diagnostics)
                printer.note("rebuild failed; still serving the last good site")
                channel.failed(failure.description)
            }
        }
        watcher.start()

        async let serving: Void = server.run()
        let bound = try await server.waitForPort()
        // Written unbuffered: scripts and tests wait for this line to learn the port.
        FileHandle.standardOutput.write(Data("serving http://\(host):\(bound)/ (Ctrl-C to stop)\n".utf8))
        try await serving
    }

    /// `--host`, with `localhost` meaning 127.0.0.1.
    var address: String { host.lowercased() == "localhost" ? "127.0.0.1" : host }

    /// True for addresses in 127.0.0.0/8, which only this machine can reach.
    static func isLoopback(_ host: String) -> Bool {
        host.split(separator: ".").first == "127"
    }

    static func format(_ seconds: Double) -> String {
        seconds < 1 ? "\(Int((seconds * 1000).rounded())) ms" : "\((seconds * 100).rounded() / 100) s"
    }
}
