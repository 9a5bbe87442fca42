import Testing
@testable import LeafpressCore

/// Links as authors write them (relative paths in `content/`) and what the page gets.
@Suite("Link resolver")
struct LinkResolverTests {
    static let path = "content/leaflets/colonoscopy/04-after.md"

    static let targets: LinkTargets = {
        var targets = LinkTargets()
        targets.leaflets["colonoscopy"] = .init(
            built: true,
            sections: ["02-how-to-prepare.md": "how-to-prepare", "04-after.md": "after", "10-self-care.md": "self-care"],
            assets: ["bowel-prep.pdf", "images/scope.png"])
        targets.leaflets["knee-replacement"] = .init(
            built: true,
            sections: ["03-during.md": "during", "05-risks.md": "risks"],
            assets: ["knee.svg"])
        targets.leaflets["knee-arthroscopy"] = .init(
            built: false,
            sections: ["01-what-you-need-to-know.md": "what-you-need-to-know"],
            assets: ["scan.png"])
        targets.siteAssets = ["hip-bone-diagram.svg", "logos/trust.png"]
        return targets
    }()

    /// A resolver for `04-after.md` of the colonoscopy leaflet, whose body starts after 3 front matter lines.
    func resolver(lineOffset: Int = 3) -> LinkResolver {
        LinkResolver(targets: Self.targets, slug: "colonoscopy", path: Self.path, lineOffset: lineOffset)
    }

    func rewrite(_ destination: String, isImage: Bool = false, line: Int = 4, column: Int = 9,
                 anchors: [String: String] = [:]) -> (String, LinkResolver) {
        var links = resolver()
        let output = links.rewrite(destination, isImage: isImage, line: line, column: column, anchors: anchors)
        return (output, links)
    }

    // MARK: links that resolve

    @Test func linkToAnotherLeafletFolder() {
        let (output, links) = rewrite("../knee-replacement/")
        #expect(output == "knee-replacement.html")
        #expect(links.diagnostics.isEmpty)
    }

    @Test func linkToAnotherLeafletWithoutTrailingSlash() {
        #expect(rewrite("../knee-replacement").0 == "knee-replacement.html")
    }

    @Test func linkToASectionOfAnotherLeaflet() {
        let (output, links) = rewrite("../knee-replacement/03-during.md")
        #expect(output == "knee-replacement.html#during")
        #expect(links.diagnostics.isEmpty)
        #expect(links.pendingAnchors.isEmpty)
    }

    @Test func anchorIntoAnotherLeafletIsRewrittenAndLeftForLaterChecking() throws {
        let (output, links) = rewrite("../knee-replacement/05-risks.md#blood-clots", line: 6, column: 2)
        #expect(output == "knee-replacement.html#risks--blood-clots")
        #expect(links.diagnostics.isEmpty)
        let pending = try #require(links.pendingAnchors.first)
        #expect(links.pendingAnchors.count == 1)
        #expect(pending.slug == "knee-replacement")
        #expect(pending.file == "05-risks.md")
        #expect(pending.anchor == "blood-clots")
        #expect(pending.location == SourceLocation(path: Self.path, line: 9, column: 2))
    }

    @Test func percentEncodedAnchorIsDecodedForChecking() {
        let (_, links) = rewrite("../knee-replacement/05-risks.md#d%C3%ADa")
        #expect(links.pendingAnchors.map(\.anchor) == ["día"])
    }

    @Test func sectionOfTheSameLeafletBecomesAFragment() {
        let (output, links) = rewrite("02-how-to-prepare.md")
        #expect(output == "#how-to-prepare")
        #expect(links.diagnostics.isEmpty)
    }

    @Test func anchorInASectionOfTheSameLeaflet() {
        let (output, links) = rewrite("10-self-care.md#looking-after-the-wound")
        #expect(output == "#self-care--looking-after-the-wound")
        #expect(links.pendingAnchors.map(\.anchor) == ["looking-after-the-wound"])
    }

    @Test func sameLeafletThroughItsFolderName() {
        #expect(rewrite("../colonoscopy/02-how-to-prepare.md").0 == "#how-to-prepare")
        #expect(rewrite("./02-how-to-prepare.md").0 == "#how-to-prepare")
    }

    @Test func anchorInThisFileUsesThePageID() {
        let (output, links) = rewrite("#sedation", anchors: ["sedation": "after--sedation"])
        #expect(output == "#after--sedation")
        #expect(links.diagnostics.isEmpty)
    }

    @Test func siteAssetFromALeaflet() {
        let (output, links) = rewrite("../../assets/hip-bone-diagram.svg", isImage: true)
        #expect(output == "assets/hip-bone-diagram.svg")
        #expect(links.diagnostics.isEmpty)
    }

    @Test func siteAssetInASubfolder() {
        #expect(rewrite("../../assets/logos/trust.png", isImage: true).0 == "assets/logos/trust.png")
    }

    @Test func assetBesideTheSectionsIsInTheLeafletsFolder() {
        #expect(rewrite("bowel-prep.pdf").0 == "colonoscopy/bowel-prep.pdf")
        #expect(rewrite("images/scope.png", isImage: true).0 == "colonoscopy/images/scope.png")
    }

    @Test func linkToTheLeafletItselfIsItsPage() {
        #expect(rewrite("../colonoscopy/").0 == "colonoscopy.html")
    }

    @Test func assetOfAnotherLeaflet() {
        #expect(rewrite("../knee-replacement/knee.svg", isImage: true).0 == "knee-replacement/knee.svg")
    }

    @Test func percentEncodedPathIsDecodedThenReEncoded() {
        var targets = Self.targets
        targets.siteAssets.insert("care plan.pdf")
        var links = LinkResolver(targets: targets, slug: "colonoscopy", path: Self.path, lineOffset: 0)
        #expect(links.rewrite("../../assets/care%20plan.pdf", isImage: false, line: 1, column: 1, anchors: [:]) == "assets/care%20plan.pdf")
        #expect(links.diagnostics.isEmpty)
    }

    @Test(arguments: ["https://www.nhs.uk/conditions/", "http://example.org", "mailto:help@example.org", "tel:111", "//cdn.example.org/x.png"])
    func externalLinksAreUntouched(destination: String) {
        let (output, links) = rewrite(destination)
        #expect(output == destination)
        #expect(links.diagnostics.isEmpty)
        #expect(links.pendingAnchors.isEmpty)
    }

    // MARK: printed URLs (with base_url)

    func printURL(_ href: String) -> String? {
        var links = resolver()
        links.baseURL = "https://leaflets.example.org/patients/"
        return links.printURL(for: href)
    }

    @Test func printURLOfAnotherLeafletIsItsCleanURL() {
        #expect(printURL("knee-replacement.html") == "https://leaflets.example.org/patients/knee-replacement")
        #expect(printURL("knee-replacement.html#risks--blood-clots") == "https://leaflets.example.org/patients/knee-replacement#risks--blood-clots")
    }

    @Test func printURLOfAssets() {
        #expect(printURL("assets/hip-bone-diagram.svg") == "https://leaflets.example.org/patients/assets/hip-bone-diagram.svg")
        #expect(printURL("colonoscopy/bowel-prep.pdf") == "https://leaflets.example.org/patients/colonoscopy/bowel-prep.pdf")
        #expect(printURL("assets/guide.html") == "https://leaflets.example.org/patients/assets/guide.html")
    }

    @Test func noPrintURLForFragmentsExternalLinksOrWithoutBaseURL() {
        #expect(printURL("#how-to-prepare") == nil)
        #expect(printURL("https://www.nhs.uk/") == nil)
        #expect(printURL("//cdn.example.org/x") == nil)
        #expect(resolver().printURL(for: "knee-replacement.html") == nil)
    }

    // MARK: links that do not resolve

    @Test func unknownLeafletIsABrokenLink() {
        let (output, links) = rewrite("../hip-replacement/", line: 4, column: 9)
        #expect(output == "../hip-replacement/")
        #expect(links.diagnostics == [
            .error("link to unknown leaflet 'hip-replacement'; did you mean 'knee-replacement'?", at: SourceLocation(path: Self.path, line: 7, column: 9), rule: .brokenLink),
        ])
    }

    @Test func unknownSectionIsABrokenLink() {
        let (_, links) = rewrite("../knee-replacement/04-after.md", line: 2, column: 5)
        #expect(links.diagnostics == [
            .error("link to missing section '04-after.md' of leaflet 'knee-replacement'", at: SourceLocation(path: Self.path, line: 5, column: 5), rule: .brokenLink),
        ])
    }

    @Test func missingSiteAssetImageIsAMissingAsset() {
        let (_, links) = rewrite("../../assets/missing.png", isImage: true, line: 10, column: 1)
        #expect(links.diagnostics == [
            .error("image target '../../assets/missing.png' not found (looked for content/assets/missing.png)",
                   at: SourceLocation(path: Self.path, line: 13, column: 1), rule: .missingAsset),
        ])
    }

    @Test func missingAssetBesideSectionsIsAMissingAsset() {
        let (_, links) = rewrite("photo.jpg", isImage: true, line: 1, column: 3)
        #expect(links.diagnostics == [
            .error("image target 'photo.jpg' not found", at: SourceLocation(path: Self.path, line: 4, column: 3), rule: .missingAsset),
        ])
    }

    @Test func linkToMissingFileIsABrokenLink() {
        let (_, links) = rewrite("leaflet.pdf", isImage: false, line: 1, column: 3)
        #expect(links.diagnostics.map(\.rule) == [.brokenLink])
    }

    @Test func linkLeavingTheContentFolderIsAnError() {
        let (output, links) = rewrite("../../../x", line: 1, column: 1)
        #expect(output == "../../../x")
        #expect(links.diagnostics == [
            .error("link '../../../x' leaves the content folder", at: SourceLocation(path: Self.path, line: 4, column: 1), rule: .brokenLink),
        ])
    }

    @Test func linkToSiteYmlIsNotATarget() {
        let (_, links) = rewrite("../../site.yml")
        #expect(links.diagnostics.map(\.rule) == [.brokenLink])
        #expect(links.diagnostics.first?.severity == .error)
    }

    @Test func absolutePathIsAnError() {
        let (_, links) = rewrite("/colonoscopy/index.html")
        #expect(links.diagnostics.map(\.rule) == [.brokenLink])
        #expect(links.diagnostics.first?.message.contains("starts with '/'") == true)
    }

    @Test func linkToDraftLeafletIsAnError() {
        let (output, links) = rewrite("../knee-arthroscopy/01-what-you-need-to-know.md", line: 1, column: 1)
        #expect(output == "../knee-arthroscopy/01-what-you-need-to-know.md")
        #expect(links.diagnostics == [
            .error("link to draft leaflet 'knee-arthroscopy', which is only built with --drafts",
                   at: SourceLocation(path: Self.path, line: 4, column: 1), rule: .brokenLink),
        ])
    }

    @Test func assetOfDraftLeafletIsAnError() {
        let (_, links) = rewrite("../knee-arthroscopy/scan.png", isImage: true)
        #expect(links.diagnostics.map(\.rule) == [.brokenLink])
        #expect(links.diagnostics.first?.message.contains("draft leaflet 'knee-arthroscopy'") == true)
    }

    @Test func unknownAnchorInThisFileIsABrokenLink() {
        let (_, links) = rewrite("#nowhere", line: 2, column: 4, anchors: ["sedation": "after--sedation"])
        #expect(links.diagnostics == [
            .error("no heading with anchor '#nowhere' in this file", at: SourceLocation(path: Self.path, line: 5, column: 4), rule: .brokenLink),
        ])
    }

    @Test func lineOffsetIsAddedToEveryLocation() {
        var links = resolver(lineOffset: 0)
        _ = links.rewrite("../nowhere/", isImage: false, line: 12, column: 30, anchors: [:])
        #expect(links.diagnostics.first?.location == SourceLocation(path: Self.path, line: 12, column: 30))
    }
}
