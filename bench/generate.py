#!/usr/bin/env python3
"""Generate a deterministic synthetic Leafpress site for the benchmark.

    python3 bench/generate.py --leaflets 10000 --out bench-work/10000/content

Writes, in the content contract of SPEC.md:

    OUT/site.yml
    OUT/leaflets/leaflet-00001/leaflet.yml
    OUT/leaflets/leaflet-00001/01-what-you-need-to-know.md
    ...
    OUT/leaflets/leaflet-00001/10-self-care.md

Every section file has YAML front matter (`title:`, and `kind:` for the three
"when to get help" sections 06/07/08) and a plain-language Markdown body with
paragraphs, `##` subheadings, bullet lists, **bold** and a few relative links to
other leaflets (always to a leaflet that exists).  Section files average about
600 bytes (front matter included), so N = 10,000 leaflets gives 100,000 files and
about 60 MB of Markdown.

With --hugo DIR it also writes the Hugo twin of the same site into DIR: one Hugo page
per leaflet (content/leaflet-00001.md) whose body is the leaflet's sections in order,
each under a "## title" heading (its own "##" subheadings moved down to "###"), with
a minimal layout that carries the same footer text, so Hugo renders the same Markdown.

Deterministic: each leaflet has its own `random.Random` seeded from (seed, index),
so leaflet-00042 is identical across runs and almost identical across N (only the
link targets depend on N, because they must exist).  Python 3 standard library only.
Prints the total number of Markdown bytes written.
"""

import argparse
import datetime
import os
import random
import shutil
import sys

DEFAULT_SEED = 20260115

SECTIONS = [
    # (file stem, title, kind)
    ("01-what-you-need-to-know", "What you need to know", None),
    ("02-how-to-prepare", "How to prepare", None),
    ("03-what-happens-during", "What happens during the procedure", None),
    ("04-after", "After your procedure", None),
    ("05-risks", "Risks and side effects", None),
    ("06-seek-care-immediately", "When to call an emergency number", "emergency"),
    ("07-contact-your-care-team", "Contact your care team today", "urgent"),
    ("08-non-urgent", "Questions that can wait", "non-urgent"),
    ("09-medicines", "Your medicines", None),
    ("10-self-care", "Looking after yourself at home", None),
]

CATEGORIES = [
    "Bones and joints", "Digestive health", "Heart and circulation", "Lungs and breathing",
    "Children's health", "Pregnancy and birth", "Cancer care", "Kidneys and bladder",
    "Skin care", "Eyes and vision", "Ear, nose and throat", "Mental health",
    "Diabetes", "Brain and nerves", "Blood tests and scans", "Surgery",
    "Medicines", "Pain management", "Women's health", "Older people",
]

SETTINGS = ["Ambulatory Care", "Discharge Care", "Inpatient Care", "Day Surgery",
            "Outpatient Clinic", "Emergency Department", "Community Care"]

BODY_PARTS = ["knee", "hip", "shoulder", "back", "bowel", "bladder", "heart", "lung", "skin",
              "eye", "ear", "throat", "stomach", "kidney", "liver", "wrist", "ankle", "neck",
              "chest", "foot", "hand", "spine", "gallbladder", "thyroid"]

PROCEDURES = ["scan", "repair", "injection", "test", "check", "operation", "treatment",
              "biopsy", "camera test", "replacement", "drainage", "therapy", "assessment",
              "removal", "X-ray", "blood test"]

SUBJECTS = ["You", "Your nurse", "Your doctor", "The care team", "A member of staff",
            "Your family", "The pharmacist", "Your carer", "Most people", "Some people",
            "The team on the ward", "Your GP"]

VERBS = ["will check", "may need", "should take", "can ask about", "will explain",
         "might feel", "will give you", "can bring", "should avoid", "will look at",
         "may notice", "should keep", "can stop", "will talk about", "may want"]

OBJECTS = ["your usual medicines", "a small bandage", "the wound", "a glass of water",
           "your blood pressure", "a letter for your GP", "some mild pain", "a list of questions",
           "loose, comfortable clothes", "your appointment letter", "a short walk each day",
           "the results", "any allergies you have", "a light meal", "the dressing",
           "a follow-up appointment", "your temperature", "painkillers", "a bit of swelling",
           "the consent form", "your reading glasses", "a friend or relative"]

TIMES = ["before you come in", "on the day", "for a day or two", "after the test",
         "at home", "the night before", "in the first week", "when you feel ready",
         "each morning", "before you go home", "for the next 24 hours", "until it heals",
         "during the visit", "if you are unsure"]

TIPS = ["Drink plenty of water", "Rest when you feel tired", "Keep the area clean and dry",
        "Take painkillers as your team advised", "Do not drive for 24 hours",
        "Ask someone to stay with you overnight", "Eat small, light meals",
        "Do not lift anything heavy", "Wear loose clothes", "Keep your phone charged",
        "Write down any questions", "Bring your medicines in their boxes",
        "Do not smoke or drink alcohol", "Go for short walks", "Sleep with an extra pillow",
        "Check the wound each day", "Keep your follow-up appointment",
        "Wash your hands before touching the dressing"]

WARNINGS = ["a temperature of 38°C or higher", "pain that keeps getting worse",
            "bleeding that does not stop after 10 minutes of pressure", "new chest pain",
            "trouble breathing", "a red, hot or swollen wound", "being sick more than twice",
            "not being able to pass urine", "feeling faint or dizzy", "a rash that spreads",
            "yellow or green fluid from the wound", "sudden weakness in your arm or leg",
            "a fast or uneven heartbeat", "confusion or severe drowsiness"]

SUBHEADINGS = ["Before you start", "On the day", "What to bring", "Eating and drinking",
               "Getting back to normal", "Pain relief", "Driving and work", "Washing and bathing",
               "Your wound", "Questions to ask", "Going home", "Who to call", "Travel",
               "Sleep and rest", "Exercise"]

BOLD_WORDS = ["do not", "always", "before", "only", "within 24 hours", "straight away",
              "every day", "never", "as soon as possible", "at least 6 hours"]


def title_case(text):
    return text[0].upper() + text[1:]


class Writer:
    def __init__(self, rng, index, count):
        self.rng = rng
        self.index = index
        self.count = count

    def sentence(self, bold=False, link=False):
        r = self.rng
        words = [r.choice(SUBJECTS), r.choice(VERBS), r.choice(OBJECTS), r.choice(TIMES)]
        if bold:
            i = r.randrange(1, 4)
            words[i] = "**" + words[i] + "**"
        text = " ".join(words) + "."
        if link:
            text += " " + self.link_sentence()
        return text

    def link_target(self):
        """Another leaflet that exists (the same one only when N = 1)."""
        r = self.rng
        if self.count == 1:
            other = self.index
        else:
            other = r.randrange(1, self.count)  # 1 .. count-1
            if other >= self.index:
                other += 1
        return "leaflet-%05d" % other, other

    def link_sentence(self):
        r = self.rng
        slug, other = self.link_target()
        stem, title, _ = r.choice(SECTIONS)
        if r.random() < 0.2:
            return "Read more in [leaflet %d](../%s/)." % (other, slug)
        return "See [%s in leaflet %d](../%s/%s.md)." % (title.lower(), other, slug, stem)

    def paragraph(self, link_budget):
        r = self.rng
        n = r.randint(1, 3)
        parts = []
        for _ in range(n):
            link = link_budget[0] > 0 and r.random() < 0.35
            if link:
                link_budget[0] -= 1
            parts.append(self.sentence(bold=r.random() < 0.25, link=link))
        return " ".join(parts)

    def bullets(self, kind):
        r = self.rng
        pool = WARNINGS if kind in ("emergency", "urgent") else TIPS
        items = r.sample(pool, r.randint(3, 5))
        lines = []
        for item in items:
            if r.random() < 0.15:
                item = "**" + item + "**"
            lines.append("- " + item)
        return "\n".join(lines)

    def section(self, stem, title, kind, target, link_budget):
        r = self.rng
        head = "---\ntitle: %s\n" % title
        if kind:
            head += "kind: %s\n" % kind
        head += "---\n\n"
        blocks = []
        size = len(head.encode("utf-8"))
        if kind in ("emergency", "urgent"):
            lead = "Call your local emergency number now if you have any of these:" if kind == "emergency" \
                else "Call your care team today if you have any of these:"
            blocks.append(lead)
            blocks.append(self.bullets(kind))
        else:
            blocks.append(self.paragraph(link_budget))
        size += sum(len(b.encode("utf-8")) + 2 for b in blocks)
        previous = "list" if kind in ("emergency", "urgent") else "paragraph"
        while size < target:
            choice = r.random()
            # No list straight after a list (cmark would merge them) and a paragraph after a heading.
            if previous == "heading":
                block, previous = self.paragraph(link_budget), "paragraph"
            elif choice < 0.2:
                block, previous = "## " + r.choice(SUBHEADINGS), "heading"
            elif choice < 0.45 and previous != "list":
                block, previous = self.bullets(kind), "list"
            else:
                block, previous = self.paragraph(link_budget), "paragraph"
            blocks.append(block)
            size += len(block.encode("utf-8")) + 2
        if blocks[-1].startswith("## "):
            blocks.append(self.paragraph(link_budget))
        return head + "\n\n".join(blocks) + "\n"


def yaml_quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def leaflet_manifest(rng, index):
    part = rng.choice(BODY_PARTS)
    proc = rng.choice(PROCEDURES)
    title = "%s %s %d" % (title_case(part), proc, index)
    setting = rng.choice(SETTINGS)
    category = rng.choice(CATEGORIES)
    summary = ("This leaflet explains what happens during a %s %s and how to look after yourself "
               "afterwards. It also tells you when to get help." % (part, proc))
    keywords = sorted(set([part, proc] + rng.sample(BODY_PARTS + PROCEDURES, rng.randint(1, 4))))
    reviewed = datetime.date(2025, 1, 1) + datetime.timedelta(days=rng.randrange(0, 540))
    next_review = datetime.date(reviewed.year + 2, reviewed.month, min(reviewed.day, 28))
    lines = [
        "title: %s" % yaml_quote(title),
        "setting: %s" % setting,
        "summary: %s" % yaml_quote(summary),
        "category: %s" % yaml_quote(category),
        "keywords:",
    ]
    lines += ["  - %s" % yaml_quote(k) for k in keywords]
    lines += [
        "reviewed: %s" % reviewed.isoformat(),
        "next_review: %s" % next_review.isoformat(),
    ]
    return "\n".join(lines) + "\n"


SITE_YML = """\
title: Leafpress Benchmark Leaflets
publisher: Synthetic Community Health Trust
copyright: "© 2026 Synthetic Community Health Trust. Generated for benchmarking; all rights reserved."
disclaimer: "This leaflet is synthetic benchmark text and is not medical advice. In an emergency, call your local emergency number."
language: en
paper: A4
"""


def generate(count, out, seed, section_bytes):
    leaflets_dir = os.path.join(out, "leaflets")
    os.makedirs(leaflets_dir)
    with open(os.path.join(out, "site.yml"), "w", encoding="utf-8", newline="\n") as f:
        f.write(SITE_YML)
    total = 0
    files = 0
    for index in range(1, count + 1):
        rng = random.Random(seed * 1_000_003 + index)
        folder = os.path.join(leaflets_dir, "leaflet-%05d" % index)
        os.mkdir(folder)
        with open(os.path.join(folder, "leaflet.yml"), "w", encoding="utf-8", newline="\n") as f:
            f.write(leaflet_manifest(rng, index))
        writer = Writer(rng, index, count)
        link_budget = [3]  # "a few" links per leaflet
        for stem, title, kind in SECTIONS:
            # Mean body size is about section_bytes; the loop overshoots by ~half a block.
            target = rng.randint(section_bytes * 58 // 100, section_bytes * 118 // 100)
            data = writer.section(stem, title, kind, target, link_budget).encode("utf-8")
            with open(os.path.join(folder, stem + ".md"), "wb") as f:
                f.write(data)
            total += len(data)
            files += 1
    return total, files


HUGO_CONFIG = """\
baseURL = "/"
title = "Leafpress Benchmark Leaflets"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]
[markup.goldmark.renderer]
unsafe = false
"""

HUGO_SINGLE = """\
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ .Title }} – {{ .Site.Title }}</title>
<meta name="description" content="{{ .Params.summary }}"></head>
<body>
<main><h1>{{ .Title }}</h1><p>{{ .Params.summary }}</p>
<nav><ol>{{ range .Params.sections }}<li>{{ . }}</li>{{ end }}</ol></nav>
{{ .Content }}</main>
<footer><p>{{ .Site.Params.disclaimer }}</p><p>{{ .Site.Params.copyright }}</p></footer>
</body>
</html>
"""

HUGO_LIST = """\
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ .Site.Title }}</title></head>
<body>
<main><h1>{{ .Site.Title }}</h1>
<ul>{{ range .Site.RegularPages.ByTitle }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.summary }}</li>{{ end }}</ul>
</main>
<footer><p>{{ .Site.Params.disclaimer }}</p><p>{{ .Site.Params.copyright }}</p></footer>
</body>
</html>
"""


def simple_yaml(text):
    """The scalar keys of a generated leaflet.yml (the generator writes no nesting)."""
    values = {}
    for line in text.splitlines():
        if line and not line.startswith(" ") and ":" in line:
            key, _, value = line.partition(":")
            value = value.strip()
            if value.startswith('"') and value.endswith('"'):
                value = value[1:-1].replace('\\"', '"').replace("\\\\", "\\")
            values[key] = value
    return values


def write_hugo_twin(content, out):
    """The same leaflets as one Hugo page each, under `out` (replaced)."""
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(os.path.join(out, "content"))
    os.makedirs(os.path.join(out, "layouts", "_default"))
    with open(os.path.join(content, "site.yml"), encoding="utf-8") as f:
        site = simple_yaml(f.read())
    with open(os.path.join(out, "hugo.toml"), "w", encoding="utf-8") as f:
        f.write(HUGO_CONFIG + "[params]\ncopyright = %s\ndisclaimer = %s\n"
                % (json_string(site["copyright"]), json_string(site["disclaimer"])))
    for name, text in (("single.html", HUGO_SINGLE), ("list.html", HUGO_LIST)):
        with open(os.path.join(out, "layouts", "_default", name), "w", encoding="utf-8") as f:
            f.write(text)
    leaflets = os.path.join(content, "leaflets")
    for slug in sorted(os.listdir(leaflets)):
        folder = os.path.join(leaflets, slug)
        with open(os.path.join(folder, "leaflet.yml"), encoding="utf-8") as f:
            meta = simple_yaml(f.read())
        titles, bodies = [], []
        for name in sorted(n for n in os.listdir(folder) if n.endswith(".md")):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                text = f.read()
            _, front, body = text.split("---\n", 2)
            title = simple_yaml(front)["title"]
            titles.append(title)
            body = "\n".join("#" + line if line.startswith("## ") else line for line in body.splitlines())
            bodies.append("## %s\n%s" % (title, body))
        head = "---\ntitle: %s\nsummary: %s\ndate: %s\nsections:\n%s---\n\n" % (
            json_string(meta["title"]), json_string(meta["summary"]), meta["reviewed"],
            "".join("  - %s\n" % json_string(t) for t in titles))
        with open(os.path.join(out, "content", slug + ".md"), "w", encoding="utf-8") as f:
            f.write(head + "\n\n".join(bodies) + "\n")


def json_string(text):
    """A double-quoted string that YAML and TOML both read back as `text`."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--leaflets", type=int, required=True, help="number of leaflets (N)")
    parser.add_argument("--out", required=True, help="content folder to create (replaced if it exists)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--section-bytes", type=int, default=600,
                        help="approximate mean size of a section file (default 600)")
    parser.add_argument("--hugo", help="also write the Hugo twin of the site into this folder (replaced)")
    args = parser.parse_args(argv)
    if args.leaflets < 1 or args.leaflets > 99999:
        parser.error("--leaflets must be between 1 and 99999")
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    total, files = generate(args.leaflets, args.out, args.seed, args.section_bytes)
    sys.stderr.write("generated %d leaflets, %d section files, %.1f MB of Markdown in %s\n"
                     % (args.leaflets, files, total / 1e6, args.out))
    if args.hugo:
        write_hugo_twin(args.out, args.hugo)
    print(total)


if __name__ == "__main__":
    main(sys.argv[1:])
