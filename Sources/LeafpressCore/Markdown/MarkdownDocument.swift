/// What the Markdown stage learned from one file: its HTML and everything later stages
/// (links, checks, readability, contents lists) need, so nobody parses the file twice.
public struct MarkdownDocument: Sendable, Equatable {
    /// A heading kept in the body.
    public struct Heading: Sendable, Equatable {
        /// Level in the output, after shifting under the section title.
        public var level: Int
        /// Level as written in the file.
        public var sourceLevel: Int
        public var text: String
        /// GitHub-style anchor of the heading within its own file.
        public var anchor: String
        /// `id` attribute on the page (unique across the whole page).
        public var id: String
        public var line: Int
        /// Display path of the block it came from, nil when written in the file itself.
        public var source: String? = nil
    }

    /// A link or image reference as written, with where it was written.
    public struct Reference: Sendable, Equatable {
        public var destination: String
        /// Link text or image alt text, as plain text.
        public var text: String
        public var line: Int
        public var column: Int
        /// Display path of the block it came from, nil when written in the file itself.
        public var source: String? = nil
    }

    /// A block of plain text (no Markdown syntax), for readability checks.
    public struct TextBlock: Sendable, Equatable {
        /// Where the text sits, which decides how it counts as sentences.
        public enum Kind: String, Sendable, Equatable {
            case paragraph, listItem, heading, blockQuote, code
            /// A table body cell: counts like a list item (at least one sentence).
            case tableCell
        }
        public var kind: Kind
        public var text: String
        public var line: Int
        /// Display path of the block it came from, nil when written in the file itself.
        public var source: String? = nil
    }


    /// A problem the Markdown stage found, at its line and column in the Markdown body.
    public struct Finding: Sendable, Equatable {
        public var rule: Rule
        public var message: String
        public var line: Int
        public var column: Int
        /// Display path of the shared block it is in, nil for the file being converted.
        public var source: String? = nil
    }

    public var html: String
    /// Problems such as raw HTML that would not be published (`raw-html`).
    public var findings: [Finding] = []
    /// Text of the first heading when the stage was asked to take it as the title.
    public var title: String?
    /// Level of that heading as written.
    public var titleLevel: Int?
    public var headings: [Heading] = []
    public var links: [Reference] = []
    public var images: [Reference] = []
    public var textBlocks: [TextBlock] = []
    /// True when the file has no content besides (possibly) its title heading.
    public var isEmpty: Bool
    /// Anchors (GitHub-style, as in `file.md#anchor`) to their ids on the page.
    public var anchors: [String: String] = [:]
    /// Names of the shared blocks included, directly or through other blocks.
    public var blocks: [String] = []
}
