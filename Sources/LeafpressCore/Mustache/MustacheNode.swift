/// One instruction of a compiled template. Text is kept as UTF-8 bytes, ready to copy
/// into the output; standalone lines are already removed and indentation worked out, so
/// rendering does no whitespace analysis.
indirect enum MustacheNode: Sendable {
    /// Literal template text.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (raw). A template under
    /// `{{% CONTENT_TYPE: TEXT}}` compiles every variable as raw.
    case variable(MustachePath, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when `inverted`.
    case section(MustachePath, inverted: Bool, body: [MustacheNode])
    /// `{{>name}}`; `indent` prefixes every line of it when the tag stood alone on its line.
    case partial(String, indent: [UInt8], standalone: Bool)
    /// `{{<name}}…{{/name}}`: the template `name` with the blocks given here overriding its own.
    case parent(String, indent: [UInt8], standalone: Bool, overrides: [String: [MustacheNode]])
    /// `{{$name}}default{{/name}}`: replaced by the override of the nearest parent tag that
    /// gives one. `indent` is added to each line of what is rendered (the block's own
    /// indentation was removed from its text when it was compiled).
    case block(String, indent: [UInt8], standalone: Bool, body: [MustacheNode])
}
