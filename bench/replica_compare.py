#!/usr/bin/env python3
"""The report's Q4 replayed by our engine and by its PyTorch twin, timed side by side in one run.

For every batch size of the report's Question 4 (16 ... 512), the same procedure three ways:
`bench/report_twin.py` (our independent PyTorch implementation of the report's code, float64,
1 thread), `java -jar lib/target/scratchnet.jar train --protocol report` on one thread (the JVM
limited to one processor) and as a user launches it (all cores). Each must print the same row
(epoch, iteration, test accuracy): the same procedure giving the same numbers. The headline is
one thread against one thread: ratio = PyTorch train seconds / ours (above 1: we are faster). The
goal of issue #16 is at least 3 on one thread.

  /usr/bin/python3 bench/replica_compare.py                      # all six batch sizes
  /usr/bin/python3 bench/replica_compare.py --batch-sizes 16,512 --json bench/results/today-replica.json

Only the standard library here; torch is imported by report_twin.py (run with --python).
"""
import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile

from compare import ROOT, HERE, java_version, run

GOAL = 3.0


def ours(args, b, one_thread):
    """Our train command under the report's protocol; one_thread limits the JVM to one processor."""
    jvm = ["-XX:ActiveProcessorCount=1"] if one_thread else []
    cmd = [args.java, *jvm, *args.java_options.split(), "-jar", args.jar, "train", "--protocol", "report",
           "--data-dir", args.data_dir, "--batch-size", str(b), "--json", "--quiet"]
    return run(cmd, f"ours (B={b}, {'1 thread' if one_thread else 'all cores'})")


def twin(args, b):
    """The PyTorch twin's run of Q4 at batch size b, from the JSON file it writes."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "twin.json")
        cmd = [args.python, os.path.join(HERE, "report_twin.py"), "--data-dir", args.data_dir, "--questions", "q4",
               "--batch-sizes", str(b), "--threads", "1", "--json", out]
        p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        if p.returncode != 0:
            raise SystemExit(f"replica_compare: the twin failed (exit {p.returncode}): {' '.join(cmd)}\n{p.stderr}")
        with open(out) as f:
            doc = json.load(f)
    line = {k: v for k, v in doc["runs"][0].items() if k != "checks"}
    line["torch"] = doc.get("torch")
    return line


def main():
    ap = argparse.ArgumentParser(description="the report's Q4: ours vs the PyTorch twin, one thread each")
    ap.add_argument("--batch-sizes", default="16,32,64,128,256,512")
    ap.add_argument("--java", default=os.environ.get("JAVA", "java"))
    ap.add_argument("--jar", default="lib/target/scratchnet.jar")
    ap.add_argument("--java-options", default="", help="extra JVM options for our runs")
    ap.add_argument("--python", default="/usr/bin/python3", help="the Python that has torch")
    ap.add_argument("--data-dir", default="data/mnist")
    ap.add_argument("--json", metavar="FILE", help="write the table and every run here")
    ap.add_argument("--label", default="", help="what this run measures, kept in the JSON")
    args = ap.parse_args()

    if not os.path.exists(os.path.join(ROOT, args.jar)):
        raise SystemExit(f"replica_compare: {args.jar} is missing; build it with `make build`")
    started = datetime.datetime.now().astimezone()
    load_start = os.getloadavg()[0]
    print(f"the report's Q4, replayed | ours: {java_version(args.java)}, {os.cpu_count()} processors | "
          f"PyTorch twin: {args.python}, 1 thread, float64 | load {load_start:.2f}", flush=True)
    rows, runs = [], []
    for b in [int(x) for x in args.batch_sizes.split(",")]:
        theirs = twin(args, b)
        one = ours(args, b, True)
        many = ours(args, b, False)
        runs += [theirs, one, many]
        same = all(r["iterations"] == theirs["iteration"] and r["epoch_number"] == theirs["epoch"]
                   and r["test_accuracy"] == theirs["test_accuracy"] for r in (one, many))
        row = {"batch_size": b, "epoch_number": one["epoch_number"], "iteration": one["iterations"],
               "test_accuracy": one["test_accuracy"], "same_row": same,
               "pytorch_1_thread_s": theirs["train_seconds"], "ours_1_thread_s": round(one["train_time_s"], 3),
               "ours_all_cores_s": round(many["train_time_s"], 3),
               "ratio_1_thread": round(theirs["train_seconds"] / one["train_time_s"], 2),
               "ratio_all_cores": round(theirs["train_seconds"] / many["train_time_s"], 2)}
        rows.append(row)
        print(f"  B={b}: epoch {row['epoch_number']}, iteration {row['iteration']}, test {row['test_accuracy']}"
              f"{'' if same else ' (ROWS DIFFER)'}; PyTorch {row['pytorch_1_thread_s']:.1f} s, ours "
              f"{row['ours_1_thread_s']:.1f} s on 1 thread, {row['ours_all_cores_s']:.1f} s on all cores", flush=True)
    print()
    head = f"{'B':>5} | {'PyTorch 1t s':>12} | {'ours 1t s':>9} | {'RATIO 1t':>8} | {'ours all s':>10} | {'ratio all':>9} | same row"
    print(head)
    print("-" * len(head))
    for r in rows:
        print(f"{r['batch_size']:>5} | {r['pytorch_1_thread_s']:>12.2f} | {r['ours_1_thread_s']:>9.2f} | "
              f"{r['ratio_1_thread']:>8.2f} | {r['ours_all_cores_s']:>10.2f} | {r['ratio_all_cores']:>9.2f} | "
              f"{'yes' if r['same_row'] else 'NO'}")
    total_t = sum(r["pytorch_1_thread_s"] for r in rows)
    total_1 = sum(r["ours_1_thread_s"] for r in rows)
    total_n = sum(r["ours_all_cores_s"] for r in rows)
    load_end = os.getloadavg()[0]
    print(f"{'all':>5} | {total_t:>12.2f} | {total_1:>9.2f} | {total_t / total_1:>8.2f} | {total_n:>10.2f} | "
          f"{total_t / total_n:>9.2f} |")
    print()
    print(f"RATIO 1t = PyTorch twin's train seconds / ours, both float64 on one thread (goal >= {GOAL:.0f}); "
          f"train seconds include every validation check, as the report's 'Train Time in sec' did. Load "
          f"{load_start:.2f} at the start, {load_end:.2f} at the end: compare ratios from one run.")
    if args.json:
        os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
        doc = {"started": started.isoformat(timespec="seconds"), "label": args.label, "machine": platform.machine(),
               "processors": os.cpu_count(), "load_start": round(load_start, 2), "load_end": round(load_end, 2),
               "java": java_version(args.java), "java_options": args.java_options, "goal_ratio_1_thread": GOAL,
               "rows": rows, "runs": runs}
        with open(args.json, "w") as f:
            json.dump(doc, f, indent=1)
            f.write("\n")
        print(f"wrote {args.json}")
    return 0 if all(r["same_row"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
