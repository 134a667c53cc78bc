#!/usr/bin/env python3
"""Ours against PyTorch on the reference workload, side by side in one run.

For every batch size: `java -jar lib/target/scratchnet.jar bench ... --json` on one thread and on
all cores, and `bench/torch_reference.py` (float32, 1 thread: PyTorch's fastest configuration
here), alternating which goes first from round to round; each reports the median seconds per
timed epoch (after one warm-up epoch). The headline is one thread against one thread: ratio =
PyTorch s/epoch / ours (above 1: we are faster); ours on all cores stands beside it.

PyTorch must have loaded OpenBLAS: with Debian's reference BLAS it is 4-6x slower, which would
flatter us. The loaded BLAS is checked in every PyTorch run and a missing OpenBLAS is said loudly.

  /usr/bin/python3 bench/compare.py                      # B = 16, 128, 512
  /usr/bin/python3 bench/compare.py --rounds 3 --also-float64
  /usr/bin/python3 bench/compare.py --batch-sizes 128 --json bench/results/today.json

Only the standard library here; torch is imported by torch_reference.py (run with --python).
"""
import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TARGETS = {16: 4.0, 128: 2.0, 512: 2.0}          # one thread against one thread (issue #11), ours in double precision
EPOCHS = {16: 3, 128: 8, 512: 12}                # timed epochs: enough for the median to be past the JIT warm-up


def last_json(text, what):
    for line in reversed(text.strip().splitlines()):
        line = line.strip()
        if line.startswith("{"):
            return json.loads(line)
    raise SystemExit(f"compare: no JSON line from {what}:\n{text}")


def run(cmd, what):
    t0 = time.perf_counter()
    p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit(f"compare: {what} failed (exit {p.returncode}): {' '.join(cmd)}\n{p.stderr}{p.stdout}")
    r = last_json(p.stdout, what)
    r["wall_seconds"] = round(time.perf_counter() - t0, 2)
    return r


def ours(args, b, epochs, threads):
    """Our bench command; threads 0 means all available processors."""
    cmd = [args.java, *args.java_options.split(), "-jar", args.jar, "bench", "--data-dir", args.data_dir, "--batch-size", str(b),
           "--epochs", str(epochs), "--warmup", "1", "--json"]
    if threads:
        cmd += ["--threads", str(threads)]
    return run(cmd, f"ours (B={b}, {threads or 'all'} thread(s))")


def torch(args, b, epochs, dtype):
    cmd = [args.python, os.path.join(HERE, "torch_reference.py"), "--data-dir", args.data_dir,
           "--batch-size", str(b), "--epochs", str(epochs), "--warmup", "1", "--threads",
           str(args.torch_threads), "--dtype", dtype]
    return run(cmd, f"PyTorch {dtype} (B={b})")


def java_version(java):
    p = subprocess.run([java, "-version"], capture_output=True, text=True)
    return (p.stderr or p.stdout).splitlines()[0] if (p.stderr or p.stdout) else "?"


def blas_verdict(torch_runs):
    """One line on the BLAS PyTorch loaded, and whether it was OpenBLAS in every run."""
    paths = sorted({p for r in torch_runs for p in r.get("blas", [])})
    ok = bool(torch_runs) and all(r.get("openblas") for r in torch_runs)
    build = torch_runs[0].get("blas_build", []) if torch_runs else []
    if ok:
        return True, f"PyTorch loaded OpenBLAS: {', '.join(paths)}"
    return False, ("WARNING: PyTorch did NOT load OpenBLAS (loaded: " + (", ".join(paths) or "no BLAS library found")
                   + "; built with: " + (", ".join(build) or "?") + "). Its times are then several times slower "
                   "than they should be and every ratio below flatters us; install libopenblas0-pthread.")


def main():
    ap = argparse.ArgumentParser(description="ours vs PyTorch on the reference workload")
    ap.add_argument("--batch-sizes", default="16,128,512")
    ap.add_argument("--rounds", type=int, default=3, help="runs of each side per batch size, alternating who goes first (median taken)")
    ap.add_argument("--epochs", type=int, default=0, help="timed epochs per run (default: 3 / 8 / 12 by batch size)")
    ap.add_argument("--java", default=os.environ.get("JAVA", "java"))
    ap.add_argument("--jar", default="lib/target/scratchnet.jar")
    ap.add_argument("--java-options", default="",
                    help="JVM options for ours (the jar turns the vector kernels on by itself; "
                         "'-Dscratchnet.vector=false' for the plain Java kernels)")
    ap.add_argument("--python", default="/usr/bin/python3", help="the Python that has torch")
    ap.add_argument("--data-dir", default="data/mnist")
    ap.add_argument("--threads", type=int, default=0, help="our threads for the all-cores column (default: available processors)")
    ap.add_argument("--torch-threads", type=int, default=1)
    ap.add_argument("--also-float64", action="store_true", help="also time PyTorch in float64")
    ap.add_argument("--json", metavar="FILE", help="write the table and every run's JSON line here")
    ap.add_argument("--label", default="", help="what this run measures, kept in the JSON (e.g. 'before: commit 4bbce12')")
    args = ap.parse_args()

    sizes = [int(b) for b in args.batch_sizes.split(",")]
    if not os.path.exists(os.path.join(ROOT, args.jar)):
        raise SystemExit(f"compare: {args.jar} is missing; build it with `mvn -q -B -pl lib package -DskipTests`")
    started = datetime.datetime.now().astimezone()
    load_start = os.getloadavg()[0]
    print(f"ours: {java_version(args.java)}, {os.cpu_count()} processors | PyTorch: {args.python}, "
          f"{args.torch_threads} thread(s) | {platform.machine()} | load {load_start:.2f}", flush=True)
    runs = []
    rows = []
    for b in sizes:
        epochs = args.epochs or EPOCHS.get(b, 3)
        one, many, theirs, theirs64 = [], [], [], []
        for r in range(args.rounds):
            trio = [lambda: one.append(ours(args, b, epochs, 1)),
                    lambda: many.append(ours(args, b, epochs, args.threads)),
                    lambda: theirs.append(torch(args, b, epochs, "float32"))]
            if r % 2 == 1:
                trio.reverse()
            for f in trio:
                f()
            if args.also_float64:
                theirs64.append(torch(args, b, epochs, "float64"))
        runs += one + many + theirs + theirs64
        med = lambda xs, k="seconds_per_epoch": statistics.median(x[k] for x in xs)
        o1, on, t = med(one), med(many), med(theirs)
        row = {"batch_size": b, "epochs": epochs, "rounds": args.rounds,
               "kernels": one[-1].get("kernels"),
               "ours_1_thread_s_per_epoch": round(o1, 4),
               "ours_all_threads_s_per_epoch": round(on, 4),
               "ours_all_threads": many[-1].get("threads"),
               "pytorch_f32_1_thread_s_per_epoch": round(t, 4),
               "ratio_1_thread": round(t / o1, 3),
               "ratio_all_threads": round(t / on, 3),
               "target": TARGETS.get(b),
               "ours_val_accuracy": one[-1]["val_accuracy"], "pytorch_val_accuracy": theirs[-1]["val_accuracy"]}
        if theirs64:
            row["pytorch_f64_1_thread_s_per_epoch"] = round(med(theirs64), 4)
            row["ratio_1_thread_f64"] = round(med(theirs64) / o1, 3)
        rows.append(row)
        print(f"  B={b}: ours ({row['kernels']} kernels) {o1:.3f} s/epoch on 1 thread, {on:.3f} on "
              f"{row['ours_all_threads']}; PyTorch {t:.3f} s/epoch on 1 thread (median of {epochs} timed epochs, "
              f"{args.rounds} round(s))", flush=True)

    blas_ok, blas_line = blas_verdict([x for x in runs if x.get("implementation", "").startswith("pytorch")])
    print()
    print(blas_line)
    print()
    head = (f"{'B':>5} | {'ours 1t s/ep':>12} | {'PyTorch 1t':>10} | {'RATIO 1t':>8} | {'target':>6} | "
            f"{'ours all s/ep':>13} | {'ratio all':>9} |")
    if args.also_float64:
        head += f" {'PyTorch f64':>11} | {'ratio f64':>9} |"
    print(head)
    print("-" * len(head))
    for row in rows:
        target = row["target"]
        row["target_met"] = None if target is None else row["ratio_1_thread"] >= target
        verdict = "" if target is None else ("ok" if row["target_met"] else "MISSED")
        line = (f"{row['batch_size']:>5} | {row['ours_1_thread_s_per_epoch']:>12.3f} | "
                f"{row['pytorch_f32_1_thread_s_per_epoch']:>10.3f} | {row['ratio_1_thread']:>8.2f} | "
                f"{('>= %.1f' % target) if target else '':>6} | {row['ours_all_threads_s_per_epoch']:>13.3f} | "
                f"{row['ratio_all_threads']:>9.2f} |")
        if args.also_float64:
            line += f" {row['pytorch_f64_1_thread_s_per_epoch']:>11.3f} | {row['ratio_1_thread_f64']:>9.2f} |"
        print(line + f" {verdict}")
    load_end = os.getloadavg()[0]
    print()
    print("RATIO 1t = PyTorch seconds per epoch / ours, both on one thread (median of timed epochs, then of "
          f"rounds; the headline); 'ours all' uses {rows[0]['ours_all_threads'] if rows else '?'} threads. "
          f"Load {load_start:.2f} at the start, {load_end:.2f} at the end: on a shared machine single timings "
          "move by tens of percent, compare ratios from one run.")
    if not blas_ok:
        print(blas_line)
    if args.json:
        os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
        doc = {"started": started.isoformat(timespec="seconds"), "label": args.label,
               "dataset": sorted({x.get("dataset", "mnist") for x in runs if "kernels" in x}), "machine": platform.machine(),
               "processors": os.cpu_count(), "load_start": round(load_start, 2), "load_end": round(load_end, 2),
               "java": java_version(args.java), "java_options": args.java_options,
               "pytorch_threads": args.torch_threads, "pytorch_openblas": blas_ok, "pytorch_blas": blas_line,
               "note": "shared machine: single timings are noisy, compare ratios within this file",
               "rows": rows, "runs": runs}
        with open(args.json, "w") as f:
            json.dump(doc, f, indent=1)
            f.write("\n")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
