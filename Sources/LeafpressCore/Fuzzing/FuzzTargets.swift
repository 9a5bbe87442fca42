import Foundation
import Yams

/// Entry points for coverage-guided fuzzing (`leafpress-fuzz`, built with libFuzzer) and
/// for replaying the regression corpus in tests: raw bytes through the stages that read
/// untrusted text. None of them may crash, hang or fail an assertion on any input.
public enum FuzzTargets {
    /// The stages a fuzz input can be fed to.
    public enum Target: String, CaseIterable, Sendable {
        case frontMatter = "front-matter"
        case yaml
        /// The YAML guard against libyaml's own scanner: whatever the guard lets through
        /// and Yams composes holds no anchor or alias, whatever tags surround it.
        case yamlGuard = "yaml-guard"
        case markdown
    }

    /// Feeds `data` to `target`; returns how many diagnostics it produced (so the work
    /// cannot be optimised away).
    @discardableResult
    public static func run(_ data: Data, through target: Target) -> Int {
        let text: String
        switch SourceText.decode(data, displayPath: "fuzz.md") {
        case .failure: return 1
        case .success(let decoded): text = decoded
        }
        var diagnostics: [Diagnostic] = []
        switch target {
        case .frontMatter:
            guard let split = try? FrontMatter.split(text) else { return 1 }
            if let yaml = split.yaml { _ = SectionHeader.load(yaml: yaml, path: "fuzz.md", diagnostics: &diagnostics) }
        case .yaml:
            _ = SiteConfig.load(yaml: text, path: "site.yml", diagnostics: &diagnostics)
            _ = LeafletManifest.load(yaml: text, slug: "fuzz", path: "leaflet.yml", diagnostics: &diagnostics)
        case .yamlGuard:
            if let refused = YAMLGuard.check(text, path: "fuzz.yml", lineOffset: 0) {
                diagnostics.append(refused)
            } else if (try? Yams.compose(yaml: text)) != nil {
                precondition(!YAMLGuard.scannerFindsAnchorOrAlias(text), "the YAML guard let an anchor or alias through")
            }
        case .markdown:
            var options = MarkdownOptions()
            options.extractTitle = true
            options.idPrefix = "s"
            options.collectText = true
            var links = KeepLinks()
            let document = MarkdownConverter.convert(text[...], options: options, links: &links) { _, _, _ in }
            diagnostics.append(.warning("\(document.html.utf8.count)", at: nil))
        }
        return diagnostics.count
    }

    /// Every target in turn.
    @discardableResult
    public static func runAll(_ data: Data) -> Int {
        Target.allCases.reduce(0) { $0 + run(data, through: $1) }
    }
}
