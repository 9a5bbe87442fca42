import Testing
@testable import LeafpressCore

@Suite("Front matter")
struct FrontMatterTests {
    @Test func fileWithoutFrontMatterIsAllBody() throws {
        let text = "# Before you go\n\nPack a bag.\n"
        let split = try FrontMatter.split(text)
        #expect(split.yaml == nil)
        #expect(split.body == text[...])
        #expect(split.bodyLineOffset == 0)
    }

    @Test func basicFrontMatterIsSplitFromBody() throws {
        let split = try FrontMatter.split("---\ntitle: Before you go\nkind: info\n---\nPack a bag.\n")
        #expect(split.yaml == "title: Before you go\nkind: info\n")
        #expect(split.body == "Pack a bag.\n")
        #expect(split.bodyLineOffset == 4)
    }

    @Test func threeDotsCloseFrontMatter() throws {
        let split = try FrontMatter.split("---\ntitle: Before you go\n...\nPack a bag.\n")
        #expect(split.yaml == "title: Before you go\n")
        #expect(split.body == "Pack a bag.\n")
        #expect(split.bodyLineOffset == 3)
    }

    @Test func threeDotsDoNotOpenFrontMatter() throws {
        let text = "...\ntitle: Before you go\n---\nPack a bag.\n"
        let split = try FrontMatter.split(text)
        #expect(split.yaml == nil)
        #expect(split.body == text[...])
    }

    @Test func fencesMayHaveTrailingSpacesAndTabs() throws {
        let split = try FrontMatter.split("---  \ntitle: Before you go\n---\t \nPack a bag.\n")
        #expect(split.yaml == "title: Before you go\n")
        #expect(split.body == "Pack a bag.\n")
        #expect(split.bodyLineOffset == 3)
    }

    @Test func fourDashesAreNotAFence() throws {
        let text = "----\ntitle: Before you go\n----\nPack a bag.\n"
        let split = try FrontMatter.split(text)
        #expect(split.yaml == nil)
        #expect(split.body == text[...])
    }

    @Test func unterminatedFrontMatterThrows() {
        #expect(throws: FrontMatter.SplitError.unterminated) {
            try FrontMatter.split("---\ntitle: Before you go\n\nPack a bag.\n")
        }
    }

    @Test func openingFenceAloneThrows() {
        #expect(throws: FrontMatter.SplitError.unterminated) {
            try FrontMatter.split("---\n")
        }
    }

    @Test func closingFenceAtEndOfFileLeavesEmptyBody() throws {
        let split = try FrontMatter.split("---\ntitle: Before you go\n---")
        #expect(split.yaml == "title: Before you go\n")
        #expect(split.body == "")
        #expect(split.bodyLineOffset == 3)
    }

    @Test func emptyFrontMatterIsEmptyYAML() throws {
        let split = try FrontMatter.split("---\n---\nPack a bag.\n")
        #expect(split.yaml == "")
        #expect(split.body == "Pack a bag.\n")
        #expect(split.bodyLineOffset == 2)
    }

    @Test func bodyLineOffsetMapsBodyLinesToFileLines() throws {
        let text = "---\ntitle: Before you go\nkind: urgent\n---\n\nPack a bag.\n"
        let split = try FrontMatter.split(text)
        let bodyLines = split.body.split(separator: "\n", omittingEmptySubsequences: false)
        let fileLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // "Pack a bag." is line 2 of the body and line 6 of the file.
        #expect(bodyLines[1] == "Pack a bag.")
        #expect(fileLines[2 + split.bodyLineOffset - 1] == "Pack a bag.")
        #expect(split.bodyLineOffset == 4)
    }

    @Test func dashesAfterTheFirstLineAreBody() throws {
        let text = "Intro\n---\ntitle: Not front matter\n---\n"
        let split = try FrontMatter.split(text)
        #expect(split.yaml == nil)
        #expect(split.body == text[...])
        #expect(split.bodyLineOffset == 0)
    }

    @Test func blankFirstLineMeansNoFrontMatter() throws {
        let text = "\n---\ntitle: Not front matter\n---\n"
        let split = try FrontMatter.split(text)
        #expect(split.yaml == nil)
        #expect(split.body == text[...])
    }
}
