/// What a care section is: plain information, or one of the three "when to get help" care cards.
public enum SectionKind: String, Sendable, CaseIterable, Comparable {
    case info
    case emergency
    case urgent
    case nonUrgent = "non-urgent"

    /// True for the three care-card levels.
    public var isCareCard: Bool { self != .info }

    /// Care cards ordered by how fast the reader must act.
    public static func < (lhs: SectionKind, rhs: SectionKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
