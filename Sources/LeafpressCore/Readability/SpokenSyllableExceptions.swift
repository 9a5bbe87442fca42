/// Words whose spoken syllables English spelling rules get wrong, with their counts
/// (used by `Syllables.Convention.spoken`). Inflected forms are listed where they differ.
enum SpokenSyllableExceptions {
    static let counts: [String: Int] = [
        "area": 3, "areas": 3, "idea": 3, "ideas": 3, "urea": 3, "maybe": 2,
        "creature": 2, "creatures": 2, "whoever": 3,
        "theatre": 3, "theatres": 3, "theater": 3, "pancreas": 3, "pancreatic": 4, "pancreatitis": 5,
        "nuclear": 3, "linear": 3, "people": 2, "peoples": 2, "leopard": 2, "jeopardy": 3,
        "recipe": 3, "recipes": 3, "acne": 2, "simile": 3, "apostrophe": 4, "catastrophe": 4,
        "epitome": 4, "hyperbole": 4, "sesame": 3, "syncope": 3, "systole": 3, "diastole": 4,
        "psyche": 2, "karate": 3, "cafe": 2, "naive": 2,
        "diabetes": 4, "herpes": 2, "naked": 2, "wicked": 2, "crooked": 2, "rugged": 2,
        "sacred": 2, "beloved": 3, "blessed": 2, "wretched": 2, "hours": 2, "soldier": 2, "soldiers": 2,
        "ruin": 2, "ruins": 2, "ruined": 2, "every": 3, "everyone": 3,
        "everything": 3, "everywhere": 3, "everybody": 4, "everyday": 3, "business": 2, "different": 3, "several": 3,
        "evening": 2, "interest": 3, "interested": 4, "interesting": 4, "family": 3,
        "chocolate": 2, "camera": 3, "general": 3, "generally": 4, "separate": 3,
        "average": 3, "element": 3, "elements": 3, "anyone": 3, "convenient": 3, "convenience": 3, "favourite": 3, "favorite": 3, "vegetable": 4,
        "comfortable": 4, "temperature": 4, "medicine": 3, "medicines": 3,
        "naturally": 4, "actually": 4, "usually": 4, "especially": 4, "probably": 3,
        "real": 1, "really": 2, "reason": 2, "reasons": 2, "ocean": 2, "poison": 2,
        "science": 2, "sciences": 3, "quiet": 2, "diet": 2, "diets": 2, "client": 2, "clients": 2,
        "hour": 2, "our": 2, "ours": 2, "flower": 2, "power": 2, "shower": 2, "tired": 2,
        "doesnt": 2, "isnt": 2, "wasnt": 2, "didnt": 2, "couldnt": 2, "wouldnt": 2, "shouldnt": 2,
        "hasnt": 2, "havent": 2, "arent": 1, "werent": 1, "dont": 1, "cant": 1, "wont": 1,
        "aorta": 3, "coeliac": 4, "celiac": 3, "ileum": 3, "ileus": 3, "saliva": 3,
        "anaesthesia": 4, "anesthesia": 4, "anaemia": 4, "anemia": 4, "leukaemia": 4,
        "leukemia": 4, "hernia": 3, "pneumonia": 4, "insomnia": 4, "dementia": 3,
        "colonoscopy": 5, "endoscopy": 4, "biopsy": 3, "biopsies": 3,
    ]
}
