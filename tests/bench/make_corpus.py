#!/usr/bin/python3
"""Writes N MB of realistic Korean AI news articles for the benchmark.

Articles are recombined from the development articles under data/: their
front matter and their sentences, with team and model names, personal names
and numbers varied (names drawn from rules/gazetteer), HTML entities in some
articles and CRLF line ends in others, so that every stage of the pipeline
does the work it does on crawled news.

  make_corpus.py --mb 26 --out /tmp/corpus            one .txt file per article
  make_corpus.py --mb 1024 --out /tmp/corpus.jsonl     one JSON Lines record per article

The output depends only on the arguments (--seed), so runs are comparable.
"""

import argparse
import json
import os
import random
import re
import sys
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[2]
FILES_PER_DIRECTORY = 1000

HANGUL_NAME_SYLLABLES = "민준서연지훈수빈도윤하은예준시우채원유나은지태호세린하늘현우주원재희승민가온다인"
PUBLISHERS = ["헤럴드경제", "테크엣지", "AI포스트", "전자신문", "디지털데일리", "아이뉴스24", "지디넷코리아"]
SENTENCE_END = re.compile(r"(?<=[다요])\.(?=\s|[가-힣0-9'\"‘“]|$)")
DIGITS = re.compile(r"(?<!&#)(?<!&#x)\d+")  # not inside a character reference


def read_article(path):
    """(front matter lines, body paragraphs) of one article file."""
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    front, body_start = [], 0
    if lines and lines[0] == "---":
        for k in range(1, len(lines)):
            if lines[k] == "---":
                front, body_start = lines[1:k], k + 1
                break
    paragraphs = [p for p in lines[body_start:] if p.strip() and not p.startswith(("#", "**", "*", "---"))]
    return front, paragraphs


def gazetteer_names(name):
    """Canonical names and aliases of a gazetteer, without org entries."""
    names = []
    for line in (SOURCE / "rules" / "gazetteer" / name).read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if name == "teams.tsv" and (len(cols) < 2 or cols[1] != "team"):
            continue
        names.append(cols[0])
        if len(cols) > 2 and cols[2]:
            names.extend(a for a in cols[2].split("|") if a)
    return names


def split_sentences(paragraph):
    parts, start = [], 0
    for m in SENTENCE_END.finditer(paragraph):
        parts.append(paragraph[start:m.end()].strip())
        start = m.end()
    if paragraph[start:].strip():
        parts.append(paragraph[start:].strip())
    return [p for p in parts if p]


class Variator:
    """Varies one sentence: other names, other numbers, other people."""

    def __init__(self, rng):
        self.rng = rng
        self.teams = gazetteer_names("teams.tsv")
        self.models = gazetteer_names("models.tsv")
        surnames = (SOURCE / "rules" / "lexicon" / "surnames.txt").read_text(encoding="utf-8").splitlines()
        self.surnames = [s for s in surnames if s and not s.startswith("#")]
        titles = (SOURCE / "rules" / "gazetteer" / "titles.tsv").read_text(encoding="utf-8").splitlines()
        self.titles = [t.split("\t")[0] for t in titles if t and not t.startswith("#") and "\tperson_title" in t]
        self.name_pattern = self.alternation(self.teams + self.models)
        self.person_pattern = re.compile(
            r"(?<![가-힣])([가-힣]{3})(?= (?:" + "|".join(map(re.escape, sorted(self.titles, key=len, reverse=True)))
            + r"))")

    @staticmethod
    def alternation(names):
        longest_first = sorted(set(n for n in names if len(n) > 1), key=len, reverse=True)
        return re.compile("|".join(map(re.escape, longest_first)))

    def person(self):
        return self.rng.choice(self.surnames) + "".join(self.rng.choice(HANGUL_NAME_SYLLABLES) for _ in range(2))

    def number(self, m):
        digits = m.group(0)
        if len(digits) == 4 and digits.startswith("20"):
            return digits  # a year stays a year
        first = str(self.rng.randint(1, 9))
        return first + "".join(str(self.rng.randint(0, 9)) for _ in range(len(digits) - 1))

    def vary(self, sentence):
        rng = self.rng
        if rng.random() < 0.6:
            sentence = self.name_pattern.sub(
                lambda m: rng.choice(self.models if rng.random() < 0.5 else self.teams) if rng.random() < 0.5
                else m.group(0), sentence)
        sentence = self.person_pattern.sub(lambda m: self.person(), sentence)
        return DIGITS.sub(self.number, sentence)


def entities(text, rng):
    """Writes quotation marks and ampersands as HTML entities, as some crawls do."""
    text = text.replace("&", "&amp;")
    if rng.random() < 0.5:
        text = text.replace("'", "&#x27;").replace("‘", "&#x27;").replace("’", "&#x27;")
    if rng.random() < 0.5:
        text = text.replace('"', "&quot;")
    return text


class Corpus:
    def __init__(self, seed, pool_size):
        self.rng = random.Random(seed)
        sources = sorted((SOURCE / "data" / "seeds").glob("*.txt")) + sorted((SOURCE / "data" / "articles").glob("*.txt"))
        self.fronts = []
        sentences = []
        for path in sources:
            front, paragraphs = read_article(path)
            self.fronts.append(front)
            for paragraph in paragraphs:
                sentences.extend(split_sentences(paragraph))
        variator = Variator(self.rng)
        # Varying a sentence is the slow part: vary a pool once, recombine from it.
        self.pool = [variator.vary(self.rng.choice(sentences)) for _ in range(pool_size)]
        self.variator = variator

    def article(self, number):
        rng = self.rng
        sentences = [rng.choice(self.pool) for _ in range(rng.randint(12, 40))]
        paragraphs, k = [], 0
        while k < len(sentences):
            n = rng.randint(1, 6)
            # Crawled bodies often lose the space after a full stop (…했다.29일).
            glue = "" if rng.random() < 0.3 else " "
            paragraphs.append(glue.join(sentences[k:k + n]))
            k += n
        title = self.variator.vary(sentences[0][:60]).replace('"', "'")
        publisher = rng.choice(PUBLISHERS)
        date = f"20{rng.randint(24, 26)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
        reporter = self.variator.person()
        doc_id = f"bench_{number:08d}"
        body = "\n\n".join(paragraphs)
        if rng.random() < 0.3:
            title, body = entities(title, rng), entities(body, rng)
        front = [
            f"id: {doc_id}",
            f'title: "{title}"',
            "category: ",
            f"publisher: {publisher}",
            "author: ",
            "\t\t",
            f"\t\t\t{reporter} 기자 reporter{number % 997}@example.kr",
            "\t\t",
            "\t",
            f"published_at: {date}",
            f"url: https://n.news.naver.com/mnews/article/{number % 1000:03d}/{number:010d}",
        ]
        text = "---\n" + "\n".join(front) + "\n---\n\n# " + title + f"\n\n**{publisher}** | {date} | \n\n---\n\n" + body + "\n"
        if rng.random() < 0.2:
            text = text.replace("\n", "\r\n")
        return doc_id, title, publisher, date, body, text


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, required=True, help="megabytes (10^6 bytes) of articles to write")
    parser.add_argument("--out", required=True, help="a directory (one file per article) or a .jsonl file")
    parser.add_argument("--seed", type=int, default=6)
    args = parser.parse_args()

    corpus = Corpus(args.seed, pool_size=20000)
    target = int(args.mb * 1_000_000)
    written = documents = 0
    jsonl = args.out.endswith(".jsonl")
    out = open(args.out, "w", encoding="utf-8", newline="") if jsonl else None
    if not jsonl:
        os.makedirs(args.out, exist_ok=True)
    while written < target:
        doc_id, title, publisher, date, body, text = corpus.article(documents)
        if jsonl:
            line = json.dumps({"id": doc_id, "title": title, "publisher": publisher, "published_at": date,
                               "url": f"https://example.kr/{doc_id}", "body": body}, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
        else:
            directory = Path(args.out) / f"{documents // FILES_PER_DIRECTORY:05d}"
            if documents % FILES_PER_DIRECTORY == 0:
                directory.mkdir(exist_ok=True)
            data = text.encode("utf-8")
            (directory / f"{doc_id}.txt").write_bytes(data)
            written += len(data)
        documents += 1
    if out:
        out.close()
    print(f"{args.out}: {documents} articles, {written / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
