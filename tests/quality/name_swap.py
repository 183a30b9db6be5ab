#!/usr/bin/env python3
"""How much of kfacts' quality rests on its gazetteers: every team and model
spelling of a blind set, in its articles and its expected facts alike, is
replaced by an invented one of the same shape, and both versions are scored.

Each run of Hangul syllables becomes other syllables (its last syllable, on
which the particles after it depend, and an organisation's ending such as
연구원 or 소프트 kept), each run of Latin letters other letters of the same
case; digits, marks and words such as AI, Pro or 모델 stay. The replacement
is the same throughout an article and seeded by its file name, so runs agree.

usage: name_swap.py --kfacts BUILD/kfacts [--data DIR] [--work DIR] [SET ...]
       (SET: heldout, heldout2, …; default every data/heldout* with expected facts)
Prints, per set, micro F1 of the original and of the swapped set, then the
totals per fact type (the scorer is ../shared/tools/score.py or --scorer).
"""
import argparse
import glob
import hashlib
import json
import os
import random
import re
import subprocess
import sys

SYLLABLES = "루벤카노티파젠토키모나시레하비도고리사타미주유로네라바"
KEPT_ENDINGS = ["연구원", "연구소", "소프트", "테크", "랩스", "랩", "전자", "텔레콤", "그룹", "클라우드",
                "시스템즈", "시스템", "데이터", "로보틱스", "바이오", "모빌리티", "헬스케어", "코리아", "컨소시엄",
                "대학교", "대학", "과학기술원", "에이아이", "엔터프라이즈", "네트웍스", "솔루션", "인공지능", "모델",
                "팀", "은행", "증권", "병원", "재단", "공사", "홀딩스", "게임즈", "엔진", "브레인", "스튜디오",
                "벤처스", "컴퍼니", "코퍼레이션", "에너지"]
KEPT_LATIN = {"AI", "LLM", "LM", "SLM", "VLM", "X", "K", "B", "M", "Pro", "Mini", "Lite", "Max", "Chat",
              "Instruct", "Base", "Plus", "Ultra", "Flash", "Research", "Lab", "Labs", "Inc", "Corp", "Co", "Ltd",
              "Korea", "Tech", "Open", "Think", "Vision", "Coder", "Omni", "Preview", "Turbo", "Air", "Nano"}
KEPT_HANGUL = {"모델", "팀", "버전", "오픈", "프로", "미니", "라이트", "플러스", "씽크", "비전", "옴니", "맥스",
               "울트라", "플래시", "에이닷"}
TYPES = ["team", "model", "parameter_count", "benchmark_score", "quote", "micro"]


class Swapper:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.runs = {}

    def hangul_run(self, run):
        if run in KEPT_HANGUL or run in KEPT_ENDINGS or len(run) < 2:
            return run
        for ending in sorted(KEPT_ENDINGS, key=len, reverse=True):
            if run.endswith(ending) and len(run) > len(ending):
                stem = run[:-len(ending)]
                return (self.hangul_run(stem) if len(stem) >= 2 else self.fresh_hangul(stem, False)) + ending
        return self.fresh_hangul(run, True)

    def fresh_hangul(self, run, keep_last):
        key = ("h", run, keep_last)
        if key not in self.runs:
            count = len(run) - (1 if keep_last else 0)
            self.runs[key] = "".join(self.rng.choice(SYLLABLES) for _ in range(count)) + (run[-1] if keep_last else "")
        return self.runs[key]

    def latin_run(self, run):
        if run in KEPT_LATIN or len(run) < 2:
            return run
        key = ("l", run)
        if key not in self.runs:
            letters = []
            for ch in run:
                c = self.rng.choice("BCDFGKLMNPRSTVZ" if self.rng.random() < .6 else "AEIOU")
                letters.append(c if ch.isupper() else c.lower())
            self.runs[key] = "".join(letters)
        return self.runs[key]

    def spelling(self, s):
        return re.sub(r"[\uac00-\ud7a3]+|[A-Za-z]+",
                      lambda m: self.hangul_run(m.group()) if "\uac00" <= m.group()[0] <= "\ud7a3"
                      else self.latin_run(m.group()), s)


def article_of(source, doc_id):
    for name in os.listdir(source):
        if name.rsplit(".", 1)[0] == doc_id:
            return name
    for name in os.listdir(source):
        with open(os.path.join(source, name), encoding="utf-8", errors="replace") as f:
            if re.search(r"^id:\s*" + re.escape(str(doc_id)) + r"\s*$", f.read(600), re.M):
                return name
    return None


def swap_set(source, expected, out, out_expected):
    os.makedirs(out, exist_ok=True)
    os.makedirs(out_expected, exist_ok=True)
    for name in sorted(os.listdir(expected)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(expected, name), encoding="utf-8") as f:
            facts = json.load(f)
        article = article_of(source, facts["id"])
        if article is None:
            print(f"{expected}/{name}: no article with id {facts['id']}", file=sys.stderr)
            continue
        with open(os.path.join(source, article), "rb") as f:
            raw = f.read().decode("utf-8", errors="surrogateescape")
        swapper = Swapper(int(hashlib.md5(name.encode()).hexdigest()[:8], 16))
        spellings = {s for group in facts.get("teams", []) + facts.get("models", []) for s in group["names"] if len(s) >= 2}
        mapping = {s: swapper.spelling(s) for s in sorted(spellings)}  # sorted: the same names every run
        mapping = {k: v for k, v in mapping.items() if k != v}
        if mapping:
            # Longest first; a Latin spelling only where no letter or digit touches it.
            pattern = re.compile("|".join(
                (r"(?<![A-Za-z0-9])" if re.match(r"[A-Za-z0-9]", s) else "") + re.escape(s) +
                (r"(?![A-Za-z])" if re.search(r"[A-Za-z]$", s) else "")
                for s in sorted(mapping, key=len, reverse=True)))
            replace = lambda text: pattern.sub(lambda m: mapping[m.group()], text)
        else:
            replace = lambda text: text

        def names(values):
            return None if values is None else list(dict.fromkeys(replace(v) for v in values))

        for group in facts.get("teams", []):
            group["names"] = names(group["names"])
        for group in facts.get("models", []):
            group["names"] = names(group["names"])
            if isinstance(group.get("team"), str):
                group["team"] = replace(group["team"])
        for key in ("parameter_counts", "benchmark_scores"):
            for fact in facts.get(key, []):
                if "subject" in fact:
                    fact["subject"] = names(fact["subject"])
        for quote in facts.get("quotes", []):
            if isinstance(quote.get("speaker"), list):
                quote["speaker"] = names(quote["speaker"])
            if quote.get("quote"):
                quote["quote"] = replace(quote["quote"])
        with open(os.path.join(out, article), "wb") as f:
            f.write(replace(raw).encode("utf-8", errors="surrogateescape"))
        with open(os.path.join(out_expected, name), "w", encoding="utf-8") as f:
            json.dump(facts, f, ensure_ascii=False, indent=1)


def score(scorer, kfacts, articles, expected, pred):
    """Per type: [correct, wrong, found, required] from the scorer's table;
    the predictions go to `pred` (in the work directory, never beside the data)."""
    extracted = subprocess.run([kfacts, "extract", "--format", "jsonl", articles],
                               capture_output=True, text=True).stdout
    with open(pred, "w", encoding="utf-8") as f:
        f.write(extracted)
    table = subprocess.run([sys.executable, scorer, "--pred", pred, "--expected", expected],
                           capture_output=True, text=True).stdout
    counts = {}
    for line in table.splitlines():
        m = re.match(r"(\w+)\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+(\d+)/(\d+)\s+(\d+)/(\d+)", line)
        if m:
            counts[m.group(1)] = [int(m.group(i)) for i in range(2, 6)]
    return counts


def f1(c):
    correct, wrong, found, required = c
    p = correct / (correct + wrong) if correct + wrong else 0.0
    r = found / required if required else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kfacts", required=True)
    parser.add_argument("--data", default=os.path.join(here, "..", "..", "data"))
    parser.add_argument("--work", default="/tmp/kfacts-name-swap")
    parser.add_argument("--scorer", default=os.path.join(here, "..", "..", "..", "shared", "tools", "score.py"))
    parser.add_argument("sets", nargs="*")
    args = parser.parse_args()
    sets = args.sets or sorted(os.path.basename(d) for d in glob.glob(os.path.join(args.data, "heldout*"))
                               if not d.endswith("_expected") and os.path.isdir(d + "_expected"))
    totals = {"original": {t: [0, 0, 0, 0] for t in TYPES}, "swapped": {t: [0, 0, 0, 0] for t in TYPES}}
    for name in sets:
        source, expected = os.path.join(args.data, name), os.path.join(args.data, name + "_expected")
        swapped, swapped_expected = os.path.join(args.work, name), os.path.join(args.work, name + "_expected")
        swap_set(source, expected, swapped, swapped_expected)
        figures = {"original": score(args.scorer, args.kfacts, source, expected,
                                     os.path.join(args.work, name + ".original.jsonl")),
                   "swapped": score(args.scorer, args.kfacts, swapped, swapped_expected,
                                    os.path.join(args.work, name + ".swapped.jsonl"))}
        for kind, counts in figures.items():
            for t in TYPES:
                totals[kind][t] = [a + b for a, b in zip(totals[kind][t], counts.get(t, [0, 0, 0, 0]))]
        print(f"{name:12} {f1(figures['original'].get('micro', [0] * 4)):.3f} "
              f"{f1(figures['swapped'].get('micro', [0] * 4)):.3f}")
    print(f"{'type':16} {'original':>8} {'swapped':>8}")
    for t in TYPES:
        print(f"{t:16} {f1(totals['original'][t]):8.3f} {f1(totals['swapped'][t]):8.3f}")


if __name__ == "__main__":
    main()
