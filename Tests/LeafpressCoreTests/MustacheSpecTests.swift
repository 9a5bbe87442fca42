import Foundation
import Testing
@testable import LeafpressCore

/// The official Mustache spec (github.com/mustache/spec, MIT, copied with its LICENSE
/// into Fixtures/mustache-spec): every test of the modules the theme language promises,
/// each run as its own case named `file: test name`, through the same compile-and-render
/// path as the theme (a `MustacheLibrary` of the template and its partials).
@Suite("Mustache spec")
struct MustacheSpecTests {
    /// The spec modules the README promises (lambdas and dynamic names are optional and
    /// not supported).
    static let files = ["comments", "interpolation", "sections", "inverted", "partials", "delimiters", "~inheritance"]

    /// A spec value: JSON, mapped onto the renderer's value model.
    enum JSON: Decodable, MustacheConvertible {
        case null, bool(Bool), int(Int), double(Double), string(String), array([JSON]), object([String: JSON])

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let value = try? container.decode(Bool.self) { self = .bool(value) }
            else if let value = try? container.decode(Int.self) { self = .int(value) }
            else if let value = try? container.decode(Double.self) { self = .double(value) }
            else if let value = try? container.decode(String.self) { self = .string(value) }
            else if let value = try? container.decode([JSON].self) { self = .array(value) }
            else { self = .object(try container.decode([String: JSON].self)) }
        }

        var mustacheValue: MustacheValue {
            switch self {
            case .null: .null
            case .bool(let value): .bool(value)
            case .int(let value): .int(value)
            case .double(let value): .double(value)
            case .string(let value): .string(value)
            case .array(let value): .list(value)
            case .object(let value): .object(value)
            }
        }
    }

    struct Case: Decodable, CustomTestStringConvertible, Sendable {
        var file = ""
        var name: String
        var template: String
        var partials: [String: String]?
        var expected: String
        /// Kept as text (JSON values are not Sendable across test cases).
        var dataJSON = ""

        enum CodingKeys: String, CodingKey { case name, template, partials, expected }

        var testDescription: String { "\(file): \(name)" }
    }

    struct File: Decodable { var tests: [Case] }

    static func fixture(_ file: String) -> String {
        packageRoot + "/Tests/LeafpressCoreTests/Fixtures/mustache-spec/\(file).json"
    }

    /// Every test of every promised file, with its data kept as JSON text.
    static func cases() throws -> [Case] {
        try files.flatMap { file -> [Case] in
            let data = try Data(contentsOf: URL(fileURLWithPath: fixture(file)))
            let raw = try JSONSerialization.jsonObject(with: data) as! [String: Any]
            let tests = raw["tests"] as! [[String: Any]]
            return try JSONDecoder().decode(File.self, from: data).tests.enumerated().map { index, test in
                var test = test
                test.file = file
                let json = try JSONSerialization.data(withJSONObject: ["data": tests[index]["data"]!], options: [.fragmentsAllowed])
                test.dataJSON = String(decoding: json, as: UTF8.self)
                return test
            }
        }
    }

    @Test("spec", arguments: try cases())
    func spec(_ test: Case) throws {
        struct Wrapper: Decodable { var data: JSON }
        let data = try JSONDecoder().decode(Wrapper.self, from: Data(test.dataJSON.utf8)).data
        var library = MustacheLibrary()
        library.register(try MustacheTemplate(test.template), named: "test")
        for (name, text) in test.partials ?? [:] {
            library.register(try MustacheTemplate(text), named: name)
        }
        #expect(library.render(data, withTemplate: "test") == test.expected, "\(test.file): \(test.name)")
    }

    /// No file was skipped or left empty by the loader: these are the test counts of the
    /// copied spec files.
    @Test func everyTestIsRun() throws {
        let counts = Dictionary(grouping: try Self.cases(), by: \.file).mapValues(\.count)
        #expect(counts == ["comments": 12, "interpolation": 42, "sections": 34, "inverted": 22, "partials": 12, "delimiters": 14, "~inheritance": 27])
    }
}
