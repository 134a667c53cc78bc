#!/usr/bin/env python3
"""Ours against PyTorch on the reference workload, side by side in one run.

For every batch size: `java --add-modules jdk.incubator.vector -jar lib/target/scratchnet.jar bench ... --json` and
`bench/torch_reference.py` (float32, 1 thread: PyTorch's fastest configuration here), alternating
which goes first from round to round; each reports the median seconds per timed epoch (after one
warm-up epoch). The table shows ratio = PyTorch s/epoch / ours (above 1: we are faster).

  /usr/bin/python3 bench/compare.py                      # B = 16, 128, 512
  /usr/bin/python3 bench/compare.py --rounds 3 --also-float64
  /usr/bin/python3 bench/compare.py --batch-sizes 128 --json results.json

Only the standard library here; torch is imported by torch_reference.py (run with --python).
"""
import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TARGETS = {16: 2.0, 128: 1.0, 512: 1.0}          # the targets, in double precision
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


def ours(args, b, epochs):
    cmd = [args.java, *args.java_options.split(), "-jar", args.jar, "bench", "--data-dir", args.data_dir, "--batch-size", str(b),
           "--epochs", str(epochs), "--warmup", "1", "--json"]
    if args.threads:
        cmd += ["--threads", str(args.threads)]
    return run(cmd, f"ours (B={b})")


def torch(args, b, epochs, dtype):
    cmd = [args.python, os.path.join(HERE, "torch_reference.py"), "--data-dir", args.data_dir,
           "--batch-size", str(b), "--epochs", str(epochs), "--warmup", "1", "--threads",
           str(args.torch_threads), "--dtype", dtype]
    return run(cmd, f"PyTorch {dtype} (B={b})")


def java_version(java):
    p = subprocess.run([java, "-version"], capture_output=True, text=True)
    return (p.stderr or p.stdout).splitlines()[0] if (p.stderr or p.stdout) else "?"


def main():
    ap = argparse.ArgumentParser(description="ours vs PyTorch on the reference workload")
    ap.add_argument("--batch-sizes", default="16,128,512")
    ap.add_argument("--rounds", type=int, default=3, help="runs of each side per batch size, alternating who goes first (median taken)")
    ap.add_argument("--epochs", type=int, default=0, help="timed epochs per run (default: 3 / 5 / 8 by batch size)")
    ap.add_argument("--java", default=os.environ.get("JAVA", "java"))
    ap.add_argument("--jar", default="lib/target/scratchnet.jar")
    ap.add_argument("--java-options", default="--add-modules jdk.incubator.vector",
                    help="JVM options for ours (default: the one that turns the vector kernels on; '' for the plain Java kernels)")
    ap.add_argument("--python", default="/usr/bin/python3", help="the Python that has torch")
    ap.add_argument("--data-dir", default="data/mnist")
    ap.add_argument("--threads", type=int, default=0, help="our threads (default: available processors)")
    ap.add_argument("--torch-threads", type=int, default=1)
    ap.add_argument("--also-float64", action="store_true", help="also time PyTorch in float64")
    ap.add_argument("--json", metavar="FILE", help="write every run's JSON line here")
    args = ap.parse_args()

    sizes = [int(b) for b in args.batch_sizes.split(",")]
    if "jdk.incubator.vector" in args.java_options:
        modules = subprocess.run([args.java, "--list-modules"], capture_output=True, text=True).stdout
        if not any(m.split("@")[0] == "jdk.incubator.vector" for m in modules.splitlines()):
            print(f"compare: {args.java} has no jdk.incubator.vector; timing the plain Java kernels", flush=True)
            args.java_options = " ".join(args.java_options.replace("--add-modules jdk.incubator.vector", "").split())
    if not os.path.exists(os.path.join(ROOT, args.jar)):
        raise SystemExit(f"compare: {args.jar} is missing; build it with `mvn -q -B -pl lib package -DskipTests`")
    print(f"ours: {java_version(args.java)}, {os.cpu_count()} processors | PyTorch: {args.python}, "
          f"{args.torch_threads} thread(s) | {platform.machine()} | load {os.getloadavg()[0]:.2f}", flush=True)
    runs = []
    rows = []
    for b in sizes:
        epochs = args.epochs or EPOCHS.get(b, 3)
        mine, theirs, theirs64 = [], [], []
        for r in range(args.rounds):
            pair = [lambda: mine.append(ours(args, b, epochs)), lambda: theirs.append(torch(args, b, epochs, "float32"))]
            if r % 2 == 1:
                pair.reverse()
            for f in pair:
                f()
            if args.also_float64:
                theirs64.append(torch(args, b, epochs, "float64"))
        runs += mine + theirs + theirs64
        o = statistics.median(x["seconds_per_epoch"] for x in mine)
        t = statistics.median(x["seconds_per_epoch"] for x in theirs)
        t64 = statistics.median(x["seconds_per_epoch"] for x in theirs64) if theirs64 else None
        rows.append((b, o, statistics.median(x["validation_seconds_per_epoch"] for x in mine),
                     mine[-1]["val_accuracy"], t, theirs[-1]["val_accuracy"], t64))
        print(f"  B={b}: ours ({mine[-1].get('kernels', '?')} kernels) {o:.3f} s/epoch, PyTorch {t:.3f} s/epoch (median of {epochs} timed epochs, {args.rounds} round(s))", flush=True)

    print()
    head = f"{'B':>5} | {'ours s/epoch':>12} | {'(validation)':>12} | {'PyTorch f32 1t':>14} | {'ratio':>6} | {'target':>6} |"
    if args.also_float64:
        head += f" {'PyTorch f64':>11} | {'ratio f64':>9} |"
    print(head)
    print("-" * len(head))
    for b, o, ov, oacc, t, tacc, t64 in rows:
        ratio = t / o
        target = TARGETS.get(b)
        verdict = "" if target is None else ("ok" if ratio >= target else "MISSED")
        line = (f"{b:>5} | {o:>12.3f} | {ov:>12.3f} | {t:>14.3f} | {ratio:>6.2f} | "
                f"{('>= %.1f' % target) if target else '':>6} |")
        if args.also_float64:
            line += f" {t64:>11.3f} | {t64 / o:>9.2f} |"
        print(line + f" {verdict}")
    print()
    print("ratio = PyTorch seconds per epoch / ours (median of timed epochs, then of rounds); "
          f"ours in float64 on {rows and runs[0].get('threads')} thread(s); load at the end {os.getloadavg()[0]:.2f}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(runs, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
