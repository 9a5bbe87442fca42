import Foundation
import Testing
import LeafpressCore

/// Replays every input in `fuzz/regressions/` through every fuzz target: inputs that
/// once crashed or hung (and the hostile shapes seeded there) must stay harmless.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let folder: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path + "/fuzz/regressions"
    }()

    static let inputs: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
        .filter { !$0.hasPrefix(".") }.sorted()

    @Test func theCorpusIsThere() {
        #expect(Self.inputs.count >= 5, "fuzz/regressions/ is missing or nearly empty")
    }

    @Test(arguments: inputs)
    func replays(input: String) throws {
        let data = try #require(FileManager.default.contents(atPath: Self.folder + "/" + input))
        // Finishing at all is the point (a crash or hang fails the run); the same input
        // must also give the same findings every time.
        for target in FuzzTargets.Target.allCases {
            #expect(FuzzTargets.run(data, through: target) == FuzzTargets.run(data, through: target), "\(target)")
        }
    }
}

@Suite("Fuzz targets")
struct FuzzTargetTests {
    @Test func hostileYAMLIsReportedNotParsed() {
        let bomb = Data("a: &a [x, x]\nb: [*a, *a]\n".utf8)
        #expect(FuzzTargets.run(bomb, through: .yaml) > 0)
    }

    @Test func invalidUTF8StopsBeforeAnyStage() {
        #expect(FuzzTargets.run(Data([0x23, 0x20, 0xFF]), through: .markdown) == 1)
    }
}
