#!/usr/bin/python3
"""Validates every line of a JSON Lines file against a JSON Schema (draft
2020-12) with the jsonschema package. Exit 0 when all are valid, 1 with the
first error otherwise, 77 when jsonschema is not installed (Debian:
python3-jsonschema).

usage: validate_schema.py SCHEMA FILE.jsonl
"""
import json
import sys

try:
    import jsonschema
except ImportError:
    sys.exit(77)


def main():
    with open(sys.argv[1], encoding="utf-8") as fh:
        schema = json.load(fh)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    with open(sys.argv[2], encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            error = jsonschema.exceptions.best_match(validator.iter_errors(json.loads(line)))
            if error is not None:
                print(f"line {number}: {error.message} at {list(error.absolute_path)}")
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
