/// Word lists for the passive voice heuristic (`PassiveVoice`).
enum IrregularParticiples {
    /// Past participles not ending in -ed (about 120).
    static let words: Set<String> = [
        "arisen", "awoken", "beaten", "begun", "bent", "bitten", "bled", "blown", "borne", "bought",
        "bound", "bred", "broadcast", "broken", "brought", "built", "burnt", "cast", "caught",
        "chosen", "cut", "dealt", "done", "drawn", "dreamt", "driven", "drunk", "dug", "eaten",
        "fallen", "fed", "felt", "fled", "flown", "flung", "forbidden", "forecast", "foreseen",
        "forgiven", "forgotten", "frozen", "given", "got", "gotten", "ground", "grown", "heard",
        "held", "hidden", "hit", "hung", "hurt", "kept", "knelt", "known", "laid", "leapt", "learnt",
        "led", "left", "lent", "let", "lit", "lost", "made", "meant", "met", "misled", "mislaid",
        "mistaken", "misunderstood", "overcome", "overdone", "overheard", "overseen", "overtaken",
        "paid", "proven", "put", "quit", "read", "rebuilt", "redone", "remade", "rewritten",
        "ridden", "risen", "run", "rung", "said", "seen", "sent", "set", "sewn", "shaken", "shaven",
        "shed", "shot", "shown", "shrunk", "shut", "slept", "slid", "sold", "sought", "sown",
        "spat", "spent", "spilt", "split", "spoken", "spread", "sprung", "stolen", "stuck", "stung",
        "struck", "strung", "sung", "sunk", "sworn", "swept", "taken", "taught", "thought",
        "thrown", "thrust", "told", "torn", "trodden", "undergone", "understood", "undertaken",
        "undone", "withdrawn", "withheld", "woken", "won", "worn", "woven", "wrung", "written",
    ]

    /// Words ending in -ed that are not verbs' past participles.
    static let notParticiples: Set<String> = [
        "bed", "bleed", "breed", "embed", "exceed", "feed", "heed", "hundred", "indeed", "kindred",
        "naked", "need", "proceed", "red", "reed", "sacred", "seed", "shed", "shred", "sled",
        "speed", "succeed", "wed", "weed", "wicked",
    ]

    /// Participles that after a form of "to be" describe a state rather than an action done
    /// to someone, and are not reported: "you may be tired", "the clinic is located on
    /// floor 2", "the ankle is swollen", "are you worried". Rewriting these in the active
    /// voice would not make them plainer.
    static let statives: Set<String> = [
        "ashamed", "based", "bored", "closed", "concerned", "confused", "crowded", "dedicated",
        "depressed", "determined", "divorced", "embarrassed", "engaged", "excited", "exhausted",
        "experienced", "frightened", "interested", "involved", "located", "married", "pleased",
        "prepared", "qualified", "related", "relaxed", "relieved", "retired", "satisfied",
        "scared", "situated", "stressed", "supposed", "surprised", "swollen", "tired",
        "unconcerned", "unqualified", "upset", "worried",
    ]
}
