#!/usr/bin/env python3
"""Reference readability figures for Leafpress's readability fixtures.

Computes, with PyPI's textstat 0.7.3 (which counts syllables with pyphen's
hyph_en_US patterns), the figures the Swift readability engine is tested against.

Installs nothing: the caller runs `pip install textstat==0.7.3 pyphen` first
(scripts/readability-check.sh does). Reads every
Tests/LeafpressCoreTests/Fixtures/readability/*.txt and prints JSON:

    {"file.txt": {"words", "sentences", "syllables", "polysyllables", "fk", "smog"}}

Usage: python3 scripts/readability-reference.py [FIXTURE_DIR]
"""
import json
import pathlib
import sys

try:
    import textstat
    from textstat.textstat import textstatistics
except ImportError:
    sys.exit("readability-reference: textstat is not installed; "
             "run `pip install textstat==0.7.3 pyphen` first")

EXPECTED_VERSION = "0.7.3"


def check_version():
    try:
        from importlib.metadata import version
    except ImportError:  # Python < 3.8
        return
    found = version("textstat")
    if found != EXPECTED_VERSION:
        sys.exit(f"readability-reference: textstat {found} is installed, "
                 f"the reference is {EXPECTED_VERSION}")


def figures(text):
    ts = textstatistics()  # fresh instance: en_US, rounding on, as textstat's module functions
    return {
        "words": ts.lexicon_count(text),
        "sentences": ts.sentence_count(text),
        "syllables": ts.syllable_count(text),
        "polysyllables": ts.polysyllabcount(text),
        "fk": ts.flesch_kincaid_grade(text),
        "smog": ts.smog_index(text),
    }


def main():
    check_version()
    root = pathlib.Path(__file__).resolve().parent.parent
    default = root / "Tests" / "LeafpressCoreTests" / "Fixtures" / "readability"
    folder = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else default
    files = sorted(folder.glob("*.txt"))
    if not files:
        sys.exit(f"readability-reference: no .txt fixtures in {folder}")
    result = {f.name: figures(f.read_text(encoding="utf-8")) for f in files}
    print(json.dumps(result, indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
