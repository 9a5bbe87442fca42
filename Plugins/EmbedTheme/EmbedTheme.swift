import Foundation
import PackagePlugin

/// Generates `DefaultTheme.swift` for LeafpressCore from the repository's `templates/` on
/// every build (with the `embed-theme` tool), so the built-in theme is always the folder
/// as it is, with no generated copy to keep in step by hand.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let theme = context.package.directoryURL.appending(path: "templates")
        let output = context.pluginWorkDirectoryURL.appending(path: "DefaultTheme.swift")
        // Every file and folder is an input: an edited, added or removed file runs the tool again.
        var inputs = [theme]
        if let walker = FileManager.default.enumerator(at: theme, includingPropertiesForKeys: nil) {
            for case let url as URL in walker { inputs.append(url) }
        }
        return [.buildCommand(displayName: "Embedding the default theme from templates/",
                              executable: try context.tool(named: "embed-theme").url,
                              arguments: [theme.path, output.path],
                              inputFiles: inputs, outputFiles: [output])]
    }
}
