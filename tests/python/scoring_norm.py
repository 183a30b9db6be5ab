#!/usr/bin/python3
"""Normalises names as docs/FACTS.md says expected facts are compared (NFKC,
lower case, then spaces, hyphens, dots, underscores, quotation marks, middle
dots, parentheses, brackets and backticks removed), independently of the C++
code under test. Reads a JSON array of strings on stdin, prints the array of
normalised strings.
"""
import json
import sys
import unicodedata

STRIP = set(" \t\r\n-._'\"\u2018\u2019\u201c\u201d\u00b7()[]`\u00b4")


def norm(s):
    s = unicodedata.normalize("NFKC", s).lower()
    return "".join(ch for ch in s if ch not in STRIP)


print(json.dumps([norm(s) for s in json.load(sys.stdin)], ensure_ascii=False))
