#!/usr/bin/python3
"""Test of kfacts_dask.py: on a LocalCluster of 2 workers (loopback, no
dashboard), its parts read in order must be byte for byte what one
`kfacts extract --format jsonl --types all` writes for the same input, for a
JSON Lines corpus and for directories of articles (but for the line numbers
in the diagnostics of a JSON Lines record, which count within its partition),
and its summary must add up. Exit 0 on success, 77 when Dask is not installed (ctest: skipped).

  test_kfacts_dask.py --kfacts build/kfacts [--source-dir .]
"""

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

try:
    import distributed  # noqa: F401  (python3-distributed)
except ImportError:
    print("test_kfacts_dask: python3-distributed is not installed", file=sys.stderr)
    sys.exit(77)

HERE = Path(__file__).resolve().parent


def fail(message):
    print(f"test_kfacts_dask: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def json_lines_corpus(source_dir, path):
    """Every development article three times, each record with an id of its
    own, and one record without a body (a document with an error)."""
    articles = sorted((source_dir / "data" / "seeds").glob("*.txt")) + sorted((source_dir / "data" / "articles").glob("*.txt"))
    with open(path, "w", encoding="utf-8") as out:
        for copy in range(3):
            for article in articles:
                record = {"id": f"{article.stem}-{copy}", "publisher": "테스트", "body": article.read_text(encoding="utf-8")}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.write(json.dumps({"id": "no-body", "title": "본문 없음"}, ensure_ascii=False) + "\n")
    return 3 * len(articles) + 1


def run_driver(kfacts, out, inputs, partition_mb):
    command = [sys.executable, str(HERE / "kfacts_dask.py"), "--kfacts", kfacts, "--out", str(out),
               "--local-workers", "2", "--partition-mb", str(partition_mb), *inputs]
    result = subprocess.run(command, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        fail(f"{' '.join(command)} exited {result.returncode}: {result.stderr}")
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    parts = b"".join(p.read_bytes() for p in sorted(out.glob("part-*.jsonl")))
    return summary, parts


def single_process(kfacts, inputs, stdin=None):
    command = [kfacts, "extract", "--format", "jsonl", "--types", "all", *inputs]
    result = subprocess.run(command, input=stdin, stdout=subprocess.PIPE)
    if result.returncode not in (0, 1):
        fail(f"{' '.join(command)} exited {result.returncode}")
    return result.stdout


def without_line_numbers(record):
    """A JSON Lines record's diagnostics name its line in the input, which
    for a partition is the line within the partition."""
    record = json.loads(record)
    for d in record["diagnostics"]:
        d["message"] = re.sub(r"^line \d+: ", "", d["message"])
    return record


def check_same(name, distributed_output, single_output):
    a, b = distributed_output.splitlines(), single_output.splitlines()
    if len(a) != len(b):
        fail(f"{name}: {len(a)} records from the parts, {len(b)} from one kfacts run")
    for k, (mine, theirs) in enumerate(zip(a, b)):
        if mine != theirs and without_line_numbers(mine) != without_line_numbers(theirs):
            fail(f"{name}: record {k + 1} differs from one kfacts run")
    print(f"test_kfacts_dask: {name}: {len(b)} records, the same as one kfacts run")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kfacts", required=True)
    parser.add_argument("--source-dir", default=str(HERE.parents[1]))
    args = parser.parse_args()
    source_dir = Path(args.source_dir)

    with tempfile.TemporaryDirectory(prefix="kfacts-dask-test-") as tmp:
        tmp = Path(tmp)
        corpus = tmp / "corpus.jsonl"
        records = json_lines_corpus(source_dir, corpus)
        summary, parts = run_driver(args.kfacts, tmp / "out-jsonl", [str(corpus)], partition_mb=0.03)
        check_same("JSON Lines on stdin", parts, single_process(args.kfacts, ["-"], stdin=corpus.read_bytes()))
        if summary["documents"] != records:
            fail(f"summary counts {summary['documents']} documents, the corpus has {records}")
        if summary["partitions"] < 4 or summary["workers"] != 2:
            fail(f"expected several partitions on 2 workers, got {summary['partitions']} on {summary['workers']}")
        if summary["documents_with_error"] != 1 or summary["diagnostics"].get("jsonl.missing-field", 0) < 1:
            fail("the record without a body is not counted as a document with an error")
        if sum(p["documents"] for p in summary["parts"]) != records or not summary["facts"].get("team"):
            fail("the parts do not add up to the summary")

        # Beside articles, files that no directory walk of kfacts reads.
        mixed = tmp / "mixed"
        (mixed / "a_expected").mkdir(parents=True)
        (mixed / "a.txt").write_bytes((source_dir / "data" / "seeds" / "000_fd57b762e0ac98e8.txt").read_bytes())
        (mixed / "a_expected" / "a.json").write_text('{"id": "a"}\n', encoding="utf-8")
        (mixed / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n")
        directories = [str(source_dir / "data" / "seeds"), str(source_dir / "data" / "articles"), str(mixed)]
        summary, parts = run_driver(args.kfacts, tmp / "out-files", directories, partition_mb=0.01)
        check_same("article directories", parts, single_process(args.kfacts, directories))
        if summary["partitions"] < 3:
            fail(f"expected several partitions of articles, got {summary['partitions']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
