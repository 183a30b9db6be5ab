#!/usr/bin/python3
"""Runs kfacts over a corpus on a Dask cluster, one kfacts process per partition.

  kfacts_dask.py --kfacts build/kfacts --out OUT [--scheduler HOST:PORT | --local-workers N]
                 [--partition-mb MB] [--types LIST] INPUT...

INPUT is JSON Lines files (.jsonl: one {"id", "title", "body", ...} record a
line), or article files and directories of them (.txt, .md; read in the
order kfacts reads them: sorted, hidden files and other extensions
skipped). The corpus is cut into partitions of about --partition-mb
megabytes: a JSON Lines file at line boundaries (each partition a byte
range of the file, as Hadoop splits one), articles as lists of paths. Every
partition is one task, and every task one kfacts process over many
documents:

  JSON Lines   kfacts extract --format jsonl -        the partition's lines on stdin
  articles     kfacts extract --format jsonl PATH...  the partition's files

Workers must see the inputs and OUT at the same paths (a shared or network
file system, or one machine). Each task writes OUT/part-NNNNN.jsonl; the
parts, read in order, are the kfacts/1 JSON Lines a single `kfacts extract`
over the same inputs writes. Records of a JSON Lines input that have no
`id` are named `stdin:<line>` by the line within their partition, so give
every record an id. OUT/summary.json counts documents, facts by type,
diagnostics by code, and says per part how long it took and where.

Without --scheduler a LocalCluster of --local-workers workers runs on
loopback (no dashboard). The driver fails (exit 1) when any kfacts process
exits 2 (unusable rules, a usage error) or dies; exit code 1 of kfacts (some
input had an error, its record is written) is counted, not fatal.
"""

import argparse
import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from dask.distributed import Client, LocalCluster, get_worker

def json_lines_partitions(path, target_bytes):
    """Byte ranges [start, end) of a JSON Lines file, cut after a line end."""
    size = path.stat().st_size
    ranges, start = [], 0
    with open(path, "rb") as f:
        while start < size:
            f.seek(min(start + target_bytes, size))
            if f.tell() < size:
                f.readline()  # to the end of the line the cut falls in
            end = f.tell()
            ranges.append({"kind": "jsonl", "path": str(path), "start": start, "end": end})
            start = end
    return ranges


ARTICLE_SUFFIXES = (".txt", ".md", ".jsonl")


def article_files(path, directories, named=True):
    """Files under `path` in kfacts's order (names sorted, hidden entries
    skipped, in a directory only .txt, .md and .jsonl files), spelled as kfacts
    spells them, for the same `path` in its output. A file named is taken
    whatever its name, and so is what cannot be looked at (kfacts reports it).
    A directory in `directories` (device, inode) was listed already in the
    walk of this input: like kfacts, each is listed once, so symlinks cannot
    multiply the corpus."""
    if not os.path.isdir(path):
        wanted = named or not os.path.exists(path) or path.lower().endswith(ARTICLE_SUFFIXES)
        return [path] if wanted else []
    status = os.stat(path)
    if (status.st_dev, status.st_ino) in directories:
        return []
    directories.add((status.st_dev, status.st_ino))
    prefix = path if path.endswith("/") else path + "/"
    files = []
    for name in sorted(os.listdir(path), key=os.fsencode):
        if not name.startswith("."):
            files.extend(article_files(prefix + name, directories, named=False))
    return files


def article_partitions(paths, target_bytes):
    partitions, current, current_bytes = [], [], 0
    for path in paths:
        current.append(path)
        current_bytes += os.path.getsize(path) if os.path.isfile(path) else 0
        if current_bytes >= target_bytes:
            partitions.append({"kind": "files", "paths": current})
            current, current_bytes = [], 0
    if current:
        partitions.append({"kind": "files", "paths": current})
    return partitions


def plan(inputs, target_bytes):
    """Partitions in input order: consecutive article files share partitions."""
    partitions, articles = [], []
    for raw in inputs:
        path = Path(raw)
        if path.suffix.lower() == ".jsonl" and path.is_file():
            partitions.extend(article_partitions(articles, target_bytes))
            articles = []
            partitions.extend(json_lines_partitions(path, target_bytes))
        else:
            articles.extend(article_files(raw, set()))
    partitions.extend(article_partitions(articles, target_bytes))
    return partitions


def run_partition(number, partition, kfacts, types, out_dir):
    """Runs one kfacts process over one partition; writes its part file."""
    started = time.time()
    command = [kfacts, "extract", "--format", "jsonl", "--types", types, "-j", "1"]
    part = Path(out_dir) / f"part-{number:05d}.jsonl"
    with open(part, "wb") as out:
        if partition["kind"] == "jsonl":
            with open(partition["path"], "rb") as f:
                f.seek(partition["start"])
                lines = f.read(partition["end"] - partition["start"])
            result = subprocess.run(command + ["-"], input=lines, stdout=out, stderr=subprocess.PIPE)
            bytes_in = len(lines)
        else:
            result = subprocess.run(command + ["--"] + partition["paths"], stdout=out, stderr=subprocess.PIPE)
            bytes_in = sum(os.path.getsize(p) for p in partition["paths"] if os.path.isfile(p))
    documents, facts, diagnostics, with_error = 0, Counter(), Counter(), 0
    with open(part, "rb") as f:
        for line in f:
            record = json.loads(line)
            documents += 1
            facts.update(fact["type"] for fact in record["facts"])
            diagnostics.update(d["code"] for d in record["diagnostics"])
            with_error += any(d["level"] == "error" for d in record["diagnostics"])
    try:
        worker = get_worker().address
    except ValueError:
        worker = "local"
    return {"part": part.name, "exit_code": result.returncode, "stderr": result.stderr.decode("utf-8", "replace")[-2000:],
            "documents": documents, "documents_with_error": with_error, "bytes_in": bytes_in,
            "facts": dict(facts), "diagnostics": dict(diagnostics), "seconds": round(time.time() - started, 3),
            "worker": worker}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+", help="JSON Lines files, article files, directories")
    parser.add_argument("--kfacts", required=True, help="the kfacts program (same path on every worker)")
    parser.add_argument("--out", required=True, help="directory for part-NNNNN.jsonl and summary.json")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler")
    parser.add_argument("--local-workers", type=int, default=2, help="workers of the LocalCluster (no --scheduler)")
    parser.add_argument("--local-threads", action="store_true",
                        help="LocalCluster workers as threads of this process instead of processes")
    parser.add_argument("--partition-mb", type=float, default=64, help="megabytes of input per partition")
    parser.add_argument("--types", default="all", help="fact types, as kfacts extract --types")
    args = parser.parse_args()

    kfacts = os.path.abspath(args.kfacts)
    out_dir = Path(args.out).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("part-*.jsonl"):
        old.unlink()
    partitions = plan(args.inputs, max(1, int(args.partition_mb * 1_000_000)))

    started = time.time()
    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.local_workers, threads_per_worker=1,
                               processes=not args.local_threads, host="127.0.0.1", dashboard_address=None)
        client = Client(cluster)
    try:
        futures = [client.submit(run_partition, n, p, kfacts, args.types, str(out_dir), pure=False, key=f"kfacts-part-{n}")
                   for n, p in enumerate(partitions)]
        parts = client.gather(futures)
        workers = len(client.scheduler_info()["workers"])
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    facts, diagnostics = Counter(), Counter()
    for part in parts:
        facts.update(part["facts"])
        diagnostics.update(part["diagnostics"])
    failed = [p for p in parts if p["exit_code"] not in (0, 1)]
    summary = {
        "schema": "kfacts-dask/1",
        "inputs": args.inputs,
        "partitions": len(parts),
        "workers": workers,
        "documents": sum(p["documents"] for p in parts),
        "documents_with_error": sum(p["documents_with_error"] for p in parts),
        "bytes_in": sum(p["bytes_in"] for p in parts),
        "facts": dict(sorted(facts.items())),
        "diagnostics": dict(sorted(diagnostics.items())),
        "seconds": round(time.time() - started, 3),
        "failed_parts": [p["part"] for p in failed],
        "parts": parts,
    }
    (out_dir / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"kfacts-dask: {summary['documents']} documents in {len(parts)} partitions on {workers} workers, "
          f"{summary['seconds']} s; {out_dir}/summary.json", file=sys.stderr)
    for p in failed:
        print(f"kfacts-dask: {p['part']} failed with exit code {p['exit_code']}: {p['stderr']}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
