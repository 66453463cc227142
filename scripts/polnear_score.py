#!/usr/bin/env python3
"""Scores Cable's direct quotes and speakers against PolNeAR's hand-annotated attributions.

PolNeAR (Newell, Margolin and Ruths, LREC 2018) is a corpus of US political news articles from
seven publishers in which every attribution (source, cue, content) is annotated by hand. Its
texts belong to their publishers, so none of them is kept in this repository: this script reads
a copy you fetch yourself, for instance

    git clone https://github.com/networkdynamics/PolNeAR /tmp/PolNeAR
    # or, from a bare mirror without a work tree:
    mkdir /tmp/PolNeAR && git -C MIRROR archive HEAD data/train/text data/train/attributions \\
        data/dev/text data/dev/attributions | tar -x -C /tmp/PolNeAR

and then, from the package root (after `swift build -c release --product cable`):

    python3 scripts/polnear_score.py /tmp/PolNeAR --split train --split dev

Only `train` and `dev` are for development; `test` is PolNeAR's held-out split (`--split test`
exists so that the held-out figure can be taken once, by someone else, when the work is done).

How it counts (direct quotations only):

- Page. Each article's text (headline line, then paragraphs separated by blank lines) is
  written as a text page and read by the real `cable parse --json`.
- Gold quotes. The top-level spans between double quotation marks (`"…"`, `“…”`; single marks
  nested inside belong to them) in the article's paragraphs, headline excluded. A quote left
  open at the end of a paragraph runs to its end (the next paragraph's quote is its own span,
  as in Cable's labels). A span is an annotated quotation when an attribution's content covers
  at least half of its characters; its source is that attribution's source. Spans that no
  content covers are the author's own (scare quotes, titles, nicknames) or attributions the
  annotators missed. Where one article was annotated by several annotators, the first
  annotation (by file name) is used.
- Matching. A parsed quote is placed back in the article through its paragraph (whitespace
  folded) and its text; it matches a gold span when they overlap by at least half of the
  shorter one.
- Recall: annotated quotations matched by a parsed quote / annotated quotations.
- Precision: parsed quotes that match an annotated quotation / parsed quotes. A parsed quote
  that matches a quoted span no attribution covers counts as an error (strict: PolNeAR aims at
  every attribution, so a quoted span outside all of them is most often the author's scare
  quote); how many errors are of that kind is printed beside the figure ("unannotated").
- Speakers, for matched quotes whose source is named. The source span is resolved first: a
  personal pronoun (he, she, his, her, him) to the last named source of an earlier
  attribution in the article, a relative pronoun (who) to the capitalised run just before it;
  other pronouns (I, we, they, it, you, which, that) and descriptions without a capitalised
  word (`officials`, `the campaign`) are unnamed, and so is a lone plural group
  (`Republicans`, `Democrats`). A named source's key is its last capitalised word that is not
  a courtesy title (`Mr. Trump` → trump, `The Clinton campaign` → clinton, possessive dropped).
  The parsed speaker is right when the key is one of its words (case folded), wrong when it
  names someone else, and "none" when it has no speaker. "explicit" repeats the figure for
  sources named in their own span (no pronoun resolution), the stricter gold.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

PERSONAL = {"he", "she", "his", "her", "him", "hers", "himself", "herself"}
RELATIVE = {"who", "whom", "whose"}
UNNAMED_CAPITALS = {"the", "a", "an", "he", "she", "i", "we", "they", "it", "his", "her", "their",
                    "its", "you", "our", "my", "this", "that", "these", "those", "who", "which",
                    "mr", "mrs", "ms", "dr", "some", "many", "one", "both", "all", "several"}
SUFFIXES = {"jr", "sr", "ii", "iii"}
OPEN_DOUBLE = {"\u201c", "\u201e"}
CLOSE_DOUBLE = {"\u201d"}


def words(text):
    return re.findall(r"[A-Za-z\u00C0-\u024F][\w\u00C0-\u024F'\u2019.-]*", text)


def bare(word):
    word = re.sub(r"['\u2019]s$", "", word)
    return word.strip(".'\u2019-").lower()


def paragraphs_of(text):
    """(start, end) character offsets of the blank-line separated paragraphs of `text`."""
    spans = []
    for match in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text):
        if match.group().strip():
            spans.append((match.start(), match.end()))
    return spans


def quote_spans(text, start, end):
    """Top-level double-quoted spans (content offsets) in text[start:end]; two apostrophes
    (`''…''`, the New York Times' archive) are a straight double mark."""
    spans = []
    opened = None
    k = start
    while k < end:
        c = text[k]
        width = 2 if text.startswith("''", k) else 1
        straight = c == '"' or width == 2
        if opened is None:
            if c in OPEN_DOUBLE or straight:
                opened = k + width
            elif c in CLOSE_DOUBLE and (k == start or text[k - 1] in " (") and k + 1 < end and text[k + 1] != " ":
                opened = k + 1  # a closing mark typed as an opener
        elif c in CLOSE_DOUBLE or straight:
            spans.append((opened, k))
            opened = None
        elif c in OPEN_DOUBLE and text[k - 1] == " ":
            opened = k + 1  # a fresh opening mark: the last quote was never closed
        k += width
    if opened is not None:
        spans.append((opened, end))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def read_ann(path):
    spans, events = {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            kind, *offsets = fields[1].split(" ", 1)
            pieces = []
            for piece in " ".join(offsets).split(";"):
                a, b = piece.split()
                pieces.append((int(a), int(b)))
            spans[fields[0]] = (kind, pieces)
        elif line.startswith("E") and len(fields) >= 2:
            roles = dict(part.split(":", 1) for part in fields[1].split() if ":" in part)
            events.append(roles)
    attributions = []
    for roles in events:
        content = [p for key in ("Content", "Content2") if key in roles for p in spans.get(roles[key], ("", []))[1]]
        source = spans.get(roles.get("Source", ""), ("", []))[1]
        if content:
            attributions.append({"content": content, "source": source})
    attributions.sort(key=lambda a: min(p[0] for p in a["content"]))
    return attributions


def capitalised_run_before(text, offset, paragraph_start):
    """The capitalised words just before `offset` (`…, Sen. Jeff Sessions, who said`)."""
    before = text[paragraph_start:offset].rstrip(" ,")
    found = re.findall(r"((?:[A-Z][\w.'\u2019-]*\s+)*[A-Z][\w.'\u2019-]*)$", before)
    return found[0] if found else ""


def name_key(source_text):
    """The key of a named source, or None when it names no one: the last word of the first
    comma-separated part that ends in a name, before `of`, `at`, `from`… (`Huma Abedin, vice
    chairwoman for …` → abedin, `Sen. Jeff Merkley of Oregon` → merkley,
    `Trump's campaign manager, Kellyanne Conway` → conway, `Hillary Clinton's right-hand
    woman` → none)."""
    source_text = re.sub(r"\([^)]*\)", " ", source_text)
    for part in source_text.split(","):
        # `Sen. Jeff Merkley of Oregon`: the person, not where they are from or work.
        part = re.split(r"\s(?:of|at|from|for|with|in)\s", part)[0]
        tokens = [t for t in words(part) if bare(t) not in SUFFIXES]
        if not tokens:
            continue
        head = tokens[-1]
        if not head[0].isupper() or bare(head) in UNNAMED_CAPITALS or re.search(r"['\u2019]s?$", head):
            continue
        if len(words(source_text)) == 1 and head.endswith("s"):
            continue  # a lone plural group: Republicans, Democrats
        return bare(head)
    return None


def gold_quotes(text, attributions):
    paragraphs = paragraphs_of(text)[1:]  # the first paragraph is the headline
    last_named = None
    resolved = []
    for attribution in attributions:
        source = attribution["source"]
        source_text = " ".join(text[a:b] for a, b in source)
        key, explicit = None, False
        lowered = source_text.strip().lower()
        if source and lowered in PERSONAL:
            key = last_named
        elif source and lowered in RELATIVE:
            start = next((p for p, e in paragraphs if p <= source[0][0] <= e), 0)
            key = name_key(capitalised_run_before(text, source[0][0], start))
        elif source:
            key = name_key(source_text)
            explicit = key is not None
            if key:
                last_named = key
        resolved.append((attribution, key, explicit, source_text))
    quotes = []
    for start, end in paragraphs:
        for a, b in quote_spans(text, start, end):
            owner = None
            for attribution, key, explicit, source_text in resolved:
                covered = sum(max(0, min(b, y) - max(a, x)) for x, y in attribution["content"])
                if covered * 2 >= (b - a):
                    owner = {"key": key, "explicit": explicit, "source": source_text}
                    break
            quotes.append({"span": (a, b), "owner": owner, "text": text[a:b]})
    return quotes


def fold(text):
    return re.sub(r"\s+", " ", text).strip()


def locate(text, paragraphs, parsed_paragraph, quote_text):
    """The (start, end) of a parsed quote in the article text, or None."""
    target = fold(parsed_paragraph)
    for start, end in paragraphs:
        if fold(text[start:end]) != target and target not in fold(text[start:end]):
            continue
        body = text[start:end]
        flat = re.sub(r"\s", " ", body)
        at = flat.find(quote_text)
        if at < 0:
            at = fold(flat).find(fold(quote_text))
        if at >= 0:
            return (start + at, start + at + len(quote_text))
    return None


def overlaps(x, y):
    shared = min(x[1], y[1]) - max(x[0], y[0])
    return shared > 0 and shared * 2 >= min(x[1] - x[0], y[1] - y[0])


def speaker_words(speaker):
    return {bare(w) for w in words(speaker or "")}


def score_split(root, split, cable, show, wrong=False):
    base = Path(root) / "data" / split
    texts = sorted((base / "text").glob("*.txt"))
    annotations = {}
    for path in sorted((base / "attributions").glob("*.ann")):
        stem = path.stem.rsplit("_", 1)[0]
        annotations.setdefault(stem, path)
    counts = Counter()
    problems = []
    with tempfile.TemporaryDirectory() as pages:
        articles = []
        for path in texts:
            if path.stem not in annotations:
                continue
            text = path.read_text(encoding="utf-8")
            page = "\n\n".join(text[a:b] for a, b in paragraphs_of(text)) + "\n"
            page_path = Path(pages) / path.name
            page_path.write_text(page, encoding="utf-8")
            articles.append((path, text, page_path))
        parsed = []
        for chunk in range(0, len(articles), 200):
            paths = [str(p) for _, _, p in articles[chunk:chunk + 200]]
            out = subprocess.run([cable, "parse", "--json", *paths], capture_output=True, text=True, check=False)
            parsed += json.loads(out.stdout)
        for (path, text, _), article in zip(articles, parsed):
            score_article(path.stem, text, read_ann(annotations[path.stem]), article, counts, problems, wrong)
    report(split, counts)
    if wrong:
        problems = [line for line in problems if ": WRONG " in line]
    if show:
        for line in problems:
            print("  - " + line)
    return counts


def score_article(name, page, attributions, article, counts, problems, wrong=False):
    """`page` is the article's own text, in whose offsets PolNeAR's spans are given."""
    gold = gold_quotes(page, attributions)
    paragraphs = paragraphs_of(page)
    annotated = [g for g in gold if g["owner"]]
    counts["annotated"] += len(annotated)
    counts["articles"] += 1
    matched_gold = set()
    for quote in article.get("quotes", []):
        index = quote["paragraph"]
        paragraph = article["paragraphs"][index] if index < len(article["paragraphs"]) else ""
        where = locate(page, paragraphs, paragraph, quote["text"])
        hit = None
        if where and where[0] < paragraphs[0][1]:
            continue  # the headline: not scored (see the gold quotes)
        counts["parsed"] += 1
        if where:
            hit = next((k for k, g in enumerate(gold) if overlaps(where, g["span"])), None)
        if hit is None or not gold[hit]["owner"]:
            counts["extra"] += 1
            kind = "unannotated" if hit is not None else "unplaced"
            counts[kind] += 1
            problems.append(f"{name}: extra ({kind}) {quote['text'][:70]!r}")
            continue
        if hit in matched_gold:
            counts["extra"] += 1
            counts["duplicate"] += 1
            continue
        matched_gold.add(hit)
        counts["matched"] += 1
        context = fold(paragraph) if wrong else None
        score_speaker(name, gold[hit], quote, counts, problems, context)
    for k, g in enumerate(gold):
        if g["owner"] and k not in matched_gold:
            problems.append(f"{name}: missed {g['text'][:70]!r} ({g['owner']['source']})")


def score_speaker(name, gold, quote, counts, problems, context=None):
    """`context`, when given, is the quote's paragraph: only wrong speakers are then listed,
    each with it."""
    owner = gold["owner"]
    key = owner["key"]
    if not key:
        return
    found = quote.get("speaker")
    right = key in speaker_words(found)
    for prefix in ("", "explicit_") if owner["explicit"] else ("",):
        counts[prefix + "named"] += 1
        if right:
            counts[prefix + "right"] += 1
        elif found:
            counts[prefix + "wrong"] += 1
    if context is not None:
        if found and not right:
            problems.append(f"{name}: WRONG {found!r}, source {owner['source']!r} ({key}) for {quote['text'][:50]!r}\n      {context}")
    elif not right:
        problems.append(f"{name}: speaker {found!r} for {quote['text'][:50]!r}, source {owner['source']!r} ({key})")


def report(split, c):
    def ratio(a, b):
        return f"{c[a] / c[b]:.3f} ({c[a]}/{c[b]})" if c[b] else "n/a"
    print(f"== PolNeAR {split}: {c['articles']} articles, {c['annotated']} annotated quotations")
    print(f"recall {ratio('matched', 'annotated')}, precision {ratio('matched', 'parsed')}"
          f" (errors: {c['unannotated']} unannotated quoted spans, {c['unplaced']} not on any quoted span,"
          f" {c['duplicate']} duplicates)")
    print(f"speakers, named sources: right {ratio('right', 'named')}, wrong {c['wrong']}, none {c['named'] - c['right'] - c['wrong']}")
    print(f"speakers, explicitly named sources: right {ratio('explicit_right', 'explicit_named')},"
          f" wrong {c['explicit_wrong']}, none {c['explicit_named'] - c['explicit_right'] - c['explicit_wrong']}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("polnear", help="a clone or extract of PolNeAR (the folder holding data/)")
    parser.add_argument("--split", action="append", choices=["train", "dev", "test"],
                        help="the splits to score (default: train and dev)")
    parser.add_argument("--cable", default=".build/release/cable", help="the cable binary")
    parser.add_argument("--problems", action="store_true", help="list every miss, extra and wrong speaker")
    parser.add_argument("--wrong", action="store_true",
                        help="list only the quotes given a wrong speaker (not none), each with its paragraph")
    args = parser.parse_args()
    if not (Path(args.polnear) / "data").is_dir():
        sys.exit(f"{args.polnear}: no data/ folder; see the top of this script for how to get PolNeAR")
    if not os.access(args.cable, os.X_OK):
        sys.exit(f"{args.cable}: not found; build it with `swift build -c release --product cable`")
    for split in args.split or ["train", "dev"]:
        score_split(args.polnear, split, args.cable, args.problems or args.wrong, args.wrong)


if __name__ == "__main__":
    main()
