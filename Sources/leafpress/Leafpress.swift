import ArgumentParser
import Foundation
import LeafpressCore

/// The `leafpress` command: parses arguments, calls LeafpressCore, prints diagnostics.
@main
struct Leafpress: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leafpress",
        abstract: "Build printable patient-leaflet sites from Markdown.",
        // argument-parser hides its completion flag from help, so say it here.
        discussion: "Shell completions: 'leafpress --generate-completion-script bash' (or zsh, fish) prints a completion script; the Debian package installs all three.",
        version: "0.1.0",
        subcommands: [Build.self, PDF.self, Serve.self, New.self, Init.self, Check.self, Report.self, ThemeCommand.self],
        defaultSubcommand: nil
    )

    /// Exit statuses of the spec: 1 content errors, 2 usage errors.
    static func main() async {
        Interruption.install()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .success || code == .failure {
                if code == .success { print(fullMessage(for: error)) }
                Foundation.exit(code.rawValue)
            }
            // Usage problems (argument-parser's EX_USAGE) and anything unexpected exit 2.
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
