import Testing
import LeafpressCore

@Suite("Slugs and anchors")
struct SlugTests {
    @Test(arguments: ["colonoscopy", "bone-marrow-harvesting", "covid-19", "a", "2026-update"])
    func validSlugs(slug: String) {
        #expect(Slug.isValid(slug))
    }

    @Test(arguments: ["", "Colonoscopy", "bone_marrow", "-knee", "knee-", "knee--replacement", "knee replacement",
                      "día", "knee.md", "../knee", String(repeating: "a", count: 101)])
    func invalidSlugs(slug: String) {
        #expect(!Slug.isValid(slug))
    }

    @Test(arguments: [
        ("Looking after the wound!", "looking-after-the-wound"),
        ("What's next?", "whats-next"),
        ("Step 1: Rest", "step-1-rest"),
        ("If you take blood-thinners", "if-you-take-blood-thinners"),
        ("snake_case stays", "snake_case-stays"),
        ("Two  spaces", "two--spaces"),
        ("Día de la cirugía", "día-de-la-cirugía"),
        ("  Trim?", "--trim"),
        ("", ""),
    ])
    func anchorsFollowGitHub(heading: String, anchor: String) {
        #expect(Slug.anchor(for: heading) == anchor)
    }

    @Test(arguments: [
        ("02-how-to-prepare.md", "how-to-prepare"),
        ("06-seek-care-immediately.md", "seek-care-immediately"),
        ("10_self_care.md", "self-care"),
        ("after.md", "after"),
        ("2026-plan.md", "plan"),
        ("007.md", "007"),
        ("01-.md", "section"),
    ])
    func sectionIDsComeFromFileNames(file: String, id: String) {
        #expect(Slug.sectionID(forFile: file) == id)
    }
}
