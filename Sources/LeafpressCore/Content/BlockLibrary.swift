import Foundation

/// The site's shared blocks: `content/blocks/NAME.md` in the site's language and
/// `content/blocks/NAME.LANG.md` for each translation, read once per build. A leaflet
/// gets the version in its own language; a missing translation is an error, never a
/// silent fallback to the original.
public struct BlockLibrary: Sendable {
    /// One file of a block.
    struct Variant: Sendable, Equatable {
        /// Display path, e.g. `content/blocks/contact.es.md`.
        var path: String
        var text: String
    }

    /// Block name → language tag (lowercased; "" for the site-language file) → file.
    private(set) var blocks: [String: [String: Variant]] = [:]
    /// The site's language: `NAME.md` is written in it.
    let siteLanguage: String
    /// Display path of the blocks folder, for messages.
    let folder: String

    init(siteLanguage: String, folder: String) {
        self.siteLanguage = siteLanguage
        self.folder = folder
    }

    /// Block names, sorted.
    public var names: [String] { blocks.keys.sorted() }

    /// Display paths of every block file, sorted.
    var files: [String] { blocks.values.flatMap { $0.values.map(\.path) }.sorted() }

    /// Reads every block file; badly named files are reported and left out.
    static func load(_ scanner: ContentScanner, siteLanguage: String, diagnostics: inout [Diagnostic]) -> BlockLibrary {
        var library = BlockLibrary(siteLanguage: siteLanguage, folder: scanner.display("blocks"))
        let files: [String]
        switch scanner.content.resolve("blocks", flags: O_RDONLY | O_DIRECTORY) {
        case .success(let fd):
            close(fd)
            files = scanner.content.files(under: "blocks", diagnostics: &diagnostics)
        case .failure(.missing):
            return library
        case .failure(let refusal):
            diagnostics.append(scanner.content.diagnostic(for: refusal, at: "blocks", link: true))
            return library
        }
        for file in files {
            let display = scanner.display("blocks/" + file)
            guard file.hasSuffix(".md"), !file.contains("/") else {
                diagnostics.append(.warning("only Markdown files directly in blocks/ are blocks (NAME.md or NAME.LANG.md); this file is not used",
                                            at: SourceLocation(path: display), rule: .unusedFile))
                continue
            }
            guard let (name, language) = parse(fileName: file) else {
                diagnostics.append(.error("a block file is named NAME.md or NAME.LANG.md, with NAME in lowercase letters, digits and hyphens (e.g. contact.md, contact.es.md)",
                                          at: SourceLocation(path: display), rule: .blockName))
                continue
            }
            switch scanner.content.text("blocks/" + file) {
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
            case .success(let text):
                library.blocks[name, default: [:]][language] = Variant(path: display, text: text)
            }
        }
        return library
    }

    /// `contact.md` → (`contact`, ""), `contact.es.md` → (`contact`, `es`).
    static func parse(fileName: String) -> (name: String, language: String)? {
        let stem = fileName.dropLast(3)
        let parts = stem.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let name = parts.first, Slug.isValid(name) else { return nil }
        guard parts.count == 2 else { return (name, "") }
        guard LanguageTag.isValid(parts[1]) else { return nil }
        return (name, parts[1].lowercased())
    }

    /// Adds or replaces a block (for tests and generated sites).
    mutating func add(_ name: String, language: String = "", path: String, text: String) {
        blocks[name, default: [:]][language.lowercased()] = Variant(path: path, text: text)
    }

    /// The blocks as a leaflet in `language` sees them.
    func provider(language: String) -> LanguageBlocks {
        LanguageBlocks(library: self, language: language)
    }

    /// The file of `name` for a leaflet in `language`, or why there is none.
    func lookup(_ name: String, language: String) -> BlockLookup {
        guard let variants = blocks[name] else {
            var message = "no block '\(name)' in \(folder)/"
            if let near = Suggestion.nearest(to: name, in: names) { message += "; did you mean '\(near)'?" }
            return .failed(message: message, rule: .blockUnknown)
        }
        let tag = language.lowercased()
        let primary = String(tag.split(separator: "-").first ?? "")
        let site = siteLanguage.lowercased()
        let sitePrimary = String(site.split(separator: "-").first ?? "")
        if let variant = variants[tag] ?? variants[primary] {
            return .found(path: variant.path, text: variant.text)
        }
        if tag == site || primary == sitePrimary {
            if let variant = variants[""] { return .found(path: variant.path, text: variant.text) }
            return .failed(message: "block '\(name)' has no version in the site's language '\(siteLanguage)'; write \(folder)/\(name).md",
                           rule: .blockTranslation)
        }
        return .failed(message: "block '\(name)' is not translated into '\(language)', the language of this leaflet; write \(folder)/\(name).\(primary).md",
                       rule: .blockTranslation)
    }
}

/// The site's blocks in one leaflet's language, for the Markdown stage.
struct LanguageBlocks: BlockProviding {
    let library: BlockLibrary
    let language: String

    func block(named name: String) -> BlockLookup {
        library.lookup(name, language: language)
    }
}
