/// The standard care sections of a leaflet, as `leafpress new` and `leafpress init` write
/// them: a guiding comment for the author, placeholder text to replace, and a short example
/// (a leaflet about stitches) for the site `init` creates.
public struct ScaffoldSection: Sendable, Equatable {
    /// File name, e.g. `06-seek-care-immediately.md`.
    public var fileName: String
    /// Heading written in the front matter.
    public var title: String
    public var kind: SectionKind
    /// Advice for the author, written as an HTML comment (dropped from the page).
    public var guidance: String
    /// Markdown the author replaces; every placeholder contains `LeafletScaffold.placeholderMarker`.
    public var placeholder: String
    /// Heading of the example leaflet, when it differs from `title`.
    public var exampleTitle: String?
    /// Markdown of the example leaflet written by `leafpress init`.
    public var example: String
}

extension LeafletScaffold {
    /// The eleven standard sections, in reading order.
    public static let sections: [ScaffoldSection] = [
        ScaffoldSection(
            fileName: "01-what-you-need-to-know.md",
            title: "What you need to know",
            kind: .info,
            guidance: """
                Start with what matters most: what this is, why the reader is having it, and
                how long it takes. Keep sentences short and use everyday words.
                """,
            placeholder: "Replace this with a few short sentences about what this is and why the reader is having it.",
            example: """
                Stitches close a cut so that it heals well and leaves a smaller scar. A nurse or
                doctor puts them in after cleaning the wound.

                - Putting in stitches usually takes 15 to 30 minutes.
                - You will have an injection to numb the skin first.
                - Most stitches come out after 5 to 14 days.
                """),
        ScaffoldSection(
            fileName: "02-how-to-prepare.md",
            title: "How to prepare",
            kind: .info,
            guidance: """
                What the reader must do before the day: eating and drinking, medicines to stop
                or keep taking, what to bring and who should come with them. Use numbered steps
                when the order matters.
                """,
            placeholder: "Replace this with what the reader needs to do before the day, as numbered steps if the order matters.",
            example: """
                Before we start, tell us if you:

                1. take a medicine that thins your blood, such as warfarin or apixaban
                2. are allergic to any medicines, plasters or numbing injections
                3. have not had a tetanus injection in the last 10 years
                """),
        ScaffoldSection(
            fileName: "03-what-happens-during.md",
            title: "What happens during the procedure",
            kind: .info,
            guidance: """
                Walk through the day in the order the reader will live it: arriving, the
                procedure itself, and what they may see, hear or feel. Say how long each part takes.
                """,
            placeholder: "Replace this with what happens on the day, step by step, in the order the reader will live it.",
            exampleTitle: "What happens when you have stitches",
            example: """
                The nurse cleans the cut with water. You then have a numbing injection around
                the cut. It stings for a few seconds, then the skin goes numb.

                The nurse closes the cut with fine stitches. You may feel some pulling, but it
                should not hurt. If it does, tell the nurse. Last, they cover the cut with a
                dressing.
                """),
        ScaffoldSection(
            fileName: "04-after.md",
            title: "After the procedure",
            kind: .info,
            guidance: """
                What happens straight after, and how the reader will feel in the first hours and
                days: recovery time, driving, work, eating and drinking.
                """,
            placeholder: "Replace this with what happens straight after and how the reader may feel in the first few days.",
            exampleTitle: "After your stitches",
            example: """
                The numbness wears off after 1 to 2 hours. The area may then feel sore for a few
                days.

                Keep the dressing on and dry for 2 days. After that, you can shower. Do not soak
                the wound in a bath or go swimming until the stitches are out.
                """),
        ScaffoldSection(
            fileName: "05-risks.md",
            title: "Risks",
            kind: .info,
            guidance: """
                Common side effects first, then rare but serious risks. Give numbers the reader
                can picture, such as 1 in 100, rather than words such as rare.
                """,
            placeholder: "Replace this with the common side effects and the rare but serious risks, with numbers where you have them.",
            exampleTitle: "Risks and side effects",
            example: """
                Stitches are safe, and most cuts heal without any problems.

                - **Soreness and bruising:** common, and gone within a few days.
                - **Infection:** about 1 in 20 wounds gets infected. Antibiotics usually clear it.
                - **A scar:** every cut leaves a mark. It fades over 12 to 18 months.
                - **The wound opening:** rare, and more likely if the stitches come out early.
                """),
        ScaffoldSection(
            fileName: "06-seek-care-immediately.md",
            title: "When to call an emergency number",
            kind: .emergency,
            guidance: """
                Signs that need emergency care now, one per bullet point, in words the reader
                will recognise. This section is shown as an emergency care card.
                """,
            placeholder: """
                Call your local emergency number now if you have any of these:

                - Replace this with a sign that needs emergency care.
                """,
            example: """
                Call your local emergency number now if you have any of these:

                - bleeding that does not stop after 10 minutes of firm pressure
                - redness that spreads fast, and you feel very unwell
                - trouble breathing, or a swollen face, lips or tongue
                """),
        ScaffoldSection(
            fileName: "07-contact-your-care-team.md",
            title: "Contact your care team today",
            kind: .urgent,
            guidance: """
                Problems that need advice today but not an ambulance. Say who to call and how,
                for example the clinic's phone number. This section is shown as an urgent care card.
                """,
            placeholder: """
                Contact your care team today if you have any of these:

                - Replace this with a problem that needs advice today.
                """,
            example: """
                Call the clinic or your doctor today if you have any of these:

                - the wound gets more red, hot, swollen or painful
                - pus or a bad smell comes from the wound
                - a temperature of 38°C or higher
                - the wound opens, or stitches come out early
                """),
        ScaffoldSection(
            fileName: "08-non-urgent.md",
            title: "Mention at your next appointment",
            kind: .nonUrgent,
            guidance: """
                Things that can wait for the next appointment or a call in office hours. This
                section is shown as a non-urgent care card.
                """,
            placeholder: """
                These can wait until your next appointment:

                - Replace this with something that can wait.
                """,
            example: """
                These can wait. Mention them when your stitches come out:

                - itching around the wound
                - a small, firm lump under the scar
                - questions about how the scar will look
                """),
        ScaffoldSection(
            fileName: "09-medicines.md",
            title: "Your medicines",
            kind: .info,
            guidance: """
                Medicines to stop, keep taking or start, and pain relief. Use the names the
                reader sees on the packet and say when to take each one.
                """,
            placeholder: "Replace this with the medicines to stop, keep taking or start, and which pain relief to use.",
            example: """
                For pain, you can take paracetamol. Follow the dose on the packet.

                If you have not had a tetanus injection in the last 10 years, we may offer you
                one. Keep taking your usual medicines unless we tell you otherwise.
                """),
        ScaffoldSection(
            fileName: "10-self-care.md",
            title: "Looking after yourself at home",
            kind: .info,
            guidance: """
                Practical things the reader can do to recover well: rest, activity, washing,
                eating, and when they can go back to work or school.
                """,
            placeholder: "Replace this with practical things the reader can do at home to recover well.",
            example: """
                - Keep the wound clean and dry.
                - Wash your hands before you touch the dressing.
                - Rest the area for a few days. Avoid sports that could knock it.
                - Protect the scar from the sun for a year with clothing or sun cream.
                """),
        ScaffoldSection(
            fileName: "11-follow-up.md",
            title: "Follow-up",
            kind: .info,
            guidance: """
                What happens next: appointments, results and how the reader will hear about
                them, and who to contact with questions.
                """,
            placeholder: "Replace this with what happens next and who the reader can contact with questions.",
            example: """
                Your stitches need to come out after 5 to 14 days. The nurse will tell you when.
                Book a visit with your practice nurse to have them taken out.

                If you have questions, call the clinic on the number in your discharge letter.

                {{> contact}}

                {{> other-formats}}
                """),
    ]
}
