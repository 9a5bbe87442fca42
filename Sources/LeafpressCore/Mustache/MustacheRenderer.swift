/// Renders compiled nodes into one growing UTF-8 buffer. One renderer per page: it
/// holds the context stack (sections push the value they open), the block overrides of
/// the parent tags being rendered, and the indentation of standalone partials and blocks.
struct MustacheRenderer {
    /// Partials and parents deeper than this render as nothing: a template that includes
    /// itself without end would otherwise overflow the stack and kill the build.
    static let maximumDepth = 100

    private let library: MustacheLibrary
    private var output: [UInt8] = []
    private var stack: [MustacheValue]
    /// Overrides of the parent tags being rendered, outermost first: the outermost
    /// template's override of a block wins (what a page says beats its base).
    private var overrides: [[String: [MustacheNode]]] = []
    /// Added at the start of each line (standalone partials and blocks); usually empty,
    /// and then line starts are not tracked at all.
    private var indent: [UInt8] = []
    private var atLineStart = false
    private var depth = 0

    init(library: MustacheLibrary, context: MustacheValue) {
        self.library = library
        stack = [context]
        output.reserveCapacity(16 * 1024)
    }

    var result: String { String(decoding: output, as: UTF8.self) }

    mutating func render(_ nodes: [MustacheNode]) {
        for node in nodes {
            switch node {
            case .text(let text):
                write(text)
            case .variable(let path, let escaped):
                if let value = resolve(path) { interpolate(value, escaped: escaped) }
            case .section(let path, let inverted, let body):
                section(resolve(path), inverted: inverted, body: body)
            case .partial(let name, let indent, let standalone):
                guard let template = library.template(named: name) else { continue }
                include(template.nodes, indent: indent, standalone: standalone)
            case .parent(let name, let indent, let standalone, let blocks):
                guard let template = library.template(named: name) else { continue }
                overrides.append(blocks)
                include(template.nodes, indent: indent, standalone: standalone)
                overrides.removeLast()
            case .block(let name, let indent, let standalone, let body):
                include(override(of: name) ?? body, indent: indent, standalone: standalone)
            }
        }
    }

    private mutating func section(_ value: MustacheValue?, inverted: Bool, body: [MustacheNode]) {
        guard let value else {
            if inverted { render(body) }
            return
        }
        if inverted {
            if !value.isTruthy { render(body) }
            return
        }
        switch value {
        case .null:
            return
        case .bool(let flag):
            if flag { render(body) }
        case .list(let list):
            for index in 0..<list.count {
                stack.append(list.mustacheValue(at: index))
                render(body)
                stack.removeLast()
            }
        case .int, .double, .string, .object:
            stack.append(value)
            render(body)
            stack.removeLast()
        }
    }

    /// The first override of block `name`, from the outermost parent tag in.
    private func override(of name: String) -> [MustacheNode]? {
        for blocks in overrides {
            if let body = blocks[name] { return body }
        }
        return nil
    }

    private mutating func include(_ nodes: [MustacheNode], indent extra: [UInt8], standalone: Bool) {
        guard depth < Self.maximumDepth else { return }
        depth += 1
        defer { depth -= 1 }
        if extra.isEmpty {
            if standalone, !indent.isEmpty { atLineStart = true }
            render(nodes)
            return
        }
        let saved = indent
        indent += extra
        // A standalone tag's line was removed, so its output starts a line; an inline one
        // (`  {{$a}}{{/a}}`) follows the whitespace already written.
        atLineStart = standalone
        render(nodes)
        indent = saved
    }

    /// Context lookup: the first name is searched from the innermost context out; the
    /// rest of a dotted name only inside what it found (the spec's rule).
    private func resolve(_ path: MustachePath) -> MustacheValue? {
        let names = path.components
        guard let first = names.first else { return stack.last }
        var found: MustacheValue?
        var index = stack.count - 1
        while index >= 0 {
            if case .object(let object) = stack[index], let value = object.mustacheValue(forKey: first) {
                found = value
                break
            }
            index -= 1
        }
        guard var current = found else { return nil }
        var position = 1
        while position < names.count {
            guard case .object(let object) = current, let value = object.mustacheValue(forKey: names[position]) else { return nil }
            current = value
            position += 1
        }
        return current
    }

    private mutating func interpolate(_ value: MustacheValue, escaped: Bool) {
        switch value {
        case .string(let string): append(string, escaped: escaped)
        case .int(let number): append(String(number), escaped: false)
        case .double(let number): append("\(number)", escaped: false)
        case .bool(let flag): append(flag ? "true" : "false", escaped: false)
        case .null, .list, .object: return
        }
    }

    private mutating func append(_ string: String, escaped: Bool) {
        guard !string.isEmpty else { return }
        if atLineStart, !indent.isEmpty {
            output += indent
            atLineStart = false
        }
        let done: Void? = string.utf8.withContiguousStorageIfAvailable { bytes in
            if escaped { HTMLEscaper.append(bytes, to: &output) } else { output.append(contentsOf: bytes) }
        }
        if done == nil {
            let bytes = Array(string.utf8)
            if escaped { bytes.withUnsafeBufferPointer { HTMLEscaper.append($0, to: &output) } } else { output += bytes }
        }
    }

    /// Template text: copied as it is, or with the indentation at each line start.
    private mutating func write(_ text: [UInt8]) {
        if indent.isEmpty {
            output += text
            return
        }
        var start = 0
        while start < text.count {
            if atLineStart {
                output += indent
                atLineStart = false
            }
            var end = start
            while end < text.count, text[end] != UInt8(ascii: "\n") { end += 1 }
            if end < text.count {
                end += 1
                atLineStart = true
            }
            output += text[start..<end]
            start = end
        }
    }
}
