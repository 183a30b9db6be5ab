#!/usr/bin/python3
"""Reads a kfacts CSV file with Python's csv module and prints it as JSON:
{"bom": bool, "header": [...], "rows": [[...], ...]}.

usage: csv_rows.py FILE
"""
import csv
import json
import sys


def main():
    with open(sys.argv[1], "rb") as fh:
        raw = fh.read()
    bom = raw.startswith(b"\xef\xbb\xbf")
    with open(sys.argv[1], encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    print(json.dumps({"bom": bom, "header": rows[0] if rows else [], "rows": rows[1:]},
                     ensure_ascii=False))


if __name__ == "__main__":
    main()
