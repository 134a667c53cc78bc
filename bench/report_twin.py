#!/usr/bin/env python3
"""Report twin: the course report's MNIST experiments, re-implemented in PyTorch (float64).

The report (GeorgeKanazi/NNfromscratch, notebook Deep_Learning_from_scratch.ipynb) trains a
[784, 20, 7, 5, 10] network with plain SGD and tabulates 24 runs: four questions times six batch
sizes. This script is our own, independent implementation of that procedure, written from the
facts of the report's code; it is the second implementation the Java engine's replica is checked
against, and the speed anchor for it. Run with Debian's PyTorch 1.13 it gives the report's rows.

The procedure, step by step (each step is one function below):
  data        the 60000 MNIST training images in file order, pixels / 255 as float64, one-hot
              labels; the 10000 test images the same way.
  hold-out    numpy RandomState(seed).permutation(60000): the first 12000 are set aside and never
              used; the other 48000, in permutation order, are the working set X.
  split       torch.manual_seed(seed); torch.randperm(48000): the first 38400 train, the last
              9600 validate.
  weights     torch.manual_seed(seed) again; for each layer W = randn(n_l, n_prev) / n_l, b = 0.
  forward     ReLU hidden layers, softmax exp(Z) / sum exp(Z) (no max subtracted); with batchnorm,
              after each hidden ReLU: (A - mean) / (std + 0.001), n-1 std, statistics of the
              batch or set being computed, no gamma/beta.
  backward    dZ = AL - Y; dW = dZ A^T + lambda W, db = sum dZ, dA_prev = W^T dZ, ReLU mask Z > 0;
              batchnorm is passed through as if it were the identity; all gradients / batch size.
  update      W -= 0.009 dW, b -= 0.009 db.
  cost        -mean over samples of sum y log(AL + 0.001), plus lambda / (2 m) times the sum of
              squares of all parameters (biases too), m the number of samples scored.
  checks      the step counter runs from 1 across epochs; at every multiple of 100: the batch's
              cost (its pre-update output, the post-update L2 term) and the validation cost; stop
              when the validation cost moved by less than 1e-4 since the previous check.
  row         0-based epoch and step at the stop (all 100 epochs done: epoch 99, step count + 1),
              the last check's costs, train / validation / test accuracy (argmax).

Questions: q4 (plain), q5 (batchnorm), q6-l2 (lambda 0.05), q6-l2-batchnorm (both).

Run (Debian: apt-get install python3-torch python3-numpy libopenblas0-pthread):
  /usr/bin/python3 bench/report_twin.py --data-dir data/mnist
  /usr/bin/python3 bench/report_twin.py --questions q4 --batch-sizes 32,512
  /usr/bin/python3 bench/report_twin.py --json bench/results/report-twin-seed42.json
The data folder holds the four uncompressed IDX files (train-images-idx3-ubyte, ...).
"Train s" times what the report's "Train Time in sec" timed: split, weights, the training loop
with its checks and the final train / validation accuracy; not loading data, not the test set.
"""
import argparse
import json
import os
import sys
import time

# numpy and torch are imported by load_numeric_libraries(), once the thread count is known.
np = None
torch = None

LAYERS = [784, 20, 7, 5, 10]
LEARNING_RATE = 0.009
MAX_EPOCHS = 100
HELD_OUT = 12000          # first part of the numpy permutation, never used
TRAIN_SHARE = 0.8         # of the remaining 48000: 38400 train, 9600 validation
CHECK_EVERY = 100         # steps between cost checks
STOP_TOLERANCE = 1e-4     # stop when the validation cost moves less than this between checks
LOG_OFFSET = 0.001        # added to the probabilities inside the log
BATCHNORM_EPS = 0.001     # added to the standard deviation

QUESTIONS = {
    # name: (batchnorm, L2 lambda)
    "q4": (False, 0.0),
    "q5": (True, 0.0),
    "q6-l2": (False, 0.05),
    "q6-l2-batchnorm": (True, 0.05),
}
DEFAULT_BATCH_SIZES = [16, 32, 64, 128, 256, 512]


# ---------------------------------------------------------------------------------------------
# Setup
# ---------------------------------------------------------------------------------------------

def parse_args(argv=None):
    p = argparse.ArgumentParser(description="The report's 24 MNIST runs, re-implemented in PyTorch.")
    p.add_argument("--data-dir", default="data/mnist", help="folder of the uncompressed MNIST IDX files")
    p.add_argument("--seed", type=int, default=42,
                   help="seed of all three random streams (hold-out, split, weights); the report's is 42")
    p.add_argument("--questions", default=",".join(QUESTIONS),
                   help="comma-separated subset of " + ", ".join(QUESTIONS))
    p.add_argument("--batch-sizes", default=",".join(map(str, DEFAULT_BATCH_SIZES)),
                   help="comma-separated batch sizes")
    p.add_argument("--threads", type=int, default=1, help="torch and BLAS threads")
    p.add_argument("--json", metavar="FILE", help="write every run (and its checks) here, after each run")
    p.add_argument("--checks-csv", metavar="FILE", help="write every check of every run here as CSV")
    args = p.parse_args(argv)
    args.questions = [q.strip() for q in args.questions.split(",") if q.strip()]
    for q in args.questions:
        if q not in QUESTIONS:
            p.error(f"unknown question {q!r}; choose from {', '.join(QUESTIONS)}")
    args.batch_sizes = [int(b) for b in args.batch_sizes.split(",") if b.strip()]
    return args


def load_numeric_libraries(threads):
    """Import numpy and torch with the thread count fixed.

    The OpenBLAS under Debian's numpy and torch sizes its own thread pool when it is loaded, and
    torch.set_num_threads does not reach that pool, so the environment has to be set first.
    """
    global np, torch
    os.environ["OPENBLAS_NUM_THREADS"] = str(threads)
    os.environ["OMP_NUM_THREADS"] = str(threads)
    import numpy
    import torch as torch_module
    np, torch = numpy, torch_module
    torch.set_num_threads(threads)


# ---------------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------------

def read_idx(path, header_ints):
    """The payload of an IDX file as uint8: a big-endian header of 4-byte ints, then the bytes."""
    return np.fromfile(path, dtype=np.uint8, offset=4 * header_ints)


def load_mnist(data_dir, part):
    """(pixels, labels) of 'train' or 't10k': pixels n x 784 float64 in [0, 1], labels int64."""
    images = read_idx(os.path.join(data_dir, f"{part}-images-idx3-ubyte"), header_ints=4)
    labels = read_idx(os.path.join(data_dir, f"{part}-labels-idx1-ubyte"), header_ints=2)
    pixels = images.reshape(len(labels), 28 * 28) / 255.0   # float64, as the report divides
    return pixels, labels.astype(np.int64)


def as_columns(pixels, labels):
    """One sample per column (784 x n) and one-hot targets (10 x n), the layout the maths uses."""
    x = torch.from_numpy(np.ascontiguousarray(pixels.T))
    y = torch.zeros((LAYERS[-1], len(labels)), dtype=torch.float64)
    y[torch.from_numpy(labels), torch.arange(len(labels))] = 1.0
    return x, y


def hold_out(pixels, labels, seed):
    """Set aside the first 12000 of a numpy permutation; keep the other 48000 in that order.

    This is what sklearn's train_test_split(test_size=0.2, random_state=seed) does with 60000
    samples; the report never looks at the part set aside.
    """
    order = np.random.RandomState(seed).permutation(len(labels))
    keep = order[HELD_OUT:]
    return pixels[keep], labels[keep]


def split_train_validation(x, y, seed):
    """First 80% of torch.randperm (seeded afresh) train, the rest validate."""
    n = x.shape[1]
    n_train = int(n * TRAIN_SHARE)
    torch.manual_seed(seed)
    order = torch.randperm(n)
    train, valid = order[:n_train], order[n_train:]
    return (x[:, train], y[:, train]), (x[:, valid], y[:, valid])


# ---------------------------------------------------------------------------------------------
# The network
# ---------------------------------------------------------------------------------------------

def init_parameters(seed):
    """[(W, b)] per layer: standard normal weights divided by the layer's own width, zero biases.

    The generator is re-seeded here, so the draws do not depend on the split drawn before.
    """
    torch.manual_seed(seed)
    params = []
    for n_in, n_out in zip(LAYERS[:-1], LAYERS[1:]):
        w = torch.randn((n_out, n_in), dtype=torch.float64) / n_out
        b = torch.zeros((n_out, 1), dtype=torch.float64)
        params.append((w, b))
    return params


def normalize(a):
    """Batchnorm without learned scale or shift, over whatever columns it is given."""
    mean = a.mean(dim=1, keepdim=True)
    std = a.std(dim=1, unbiased=True, keepdim=True)
    return (a - mean) / (std + BATCHNORM_EPS)


def softmax(z):
    """exp(Z) / column sums, as the report computes it: no max subtracted, so it can overflow."""
    e = torch.exp(z)
    return e / e.sum(dim=0)


def forward(params, x, batchnorm):
    """Output probabilities, and per layer the (input, pre-activation) pair backward needs."""
    zero = torch.zeros((), dtype=torch.float64)
    saved = []
    a = x
    for w, b in params[:-1]:
        z = w @ a + b
        saved.append((a, z))
        a = torch.maximum(z, zero)          # ReLU
        if batchnorm:
            a = normalize(a)
    w, b = params[-1]
    z = w @ a + b
    saved.append((a, z))
    return softmax(z), saved


def backward(params, saved, out, y, lam):
    """Gradients [(dW, db)] per layer.

    Softmax with cross-entropy gives dZ = AL - Y at the top. Batchnorm is not differentiated:
    the gradient reaching a hidden layer's output goes straight to its ReLU. The L2 term is
    added to dW before the division by the batch size, like every other part of the gradient.
    """
    m = out.shape[1]
    grads = [None] * len(params)
    dz = out - y
    for layer in range(len(params) - 1, -1, -1):
        w, _ = params[layer]
        a_in, _ = saved[layer]
        dw = dz @ a_in.T
        if lam:
            dw = dw + lam * w
        db = dz.sum(dim=1, keepdim=True)
        grads[layer] = (dw / m, db / m)
        if layer > 0:
            _, z_below = saved[layer - 1]
            dz = (w.T @ dz) * (z_below > 0)   # through the ReLU below (and past its batchnorm)
    return grads


def sgd_step(params, grads):
    """W -= lr dW, in place; lr dW is formed first, as a separate product."""
    for (w, b), (dw, db) in zip(params, grads):
        w -= LEARNING_RATE * dw
        b -= LEARNING_RATE * db


def cost(out, y, params, lam):
    """Cross-entropy with the report's 0.001 inside the log, plus its L2 term over m samples."""
    m = out.shape[1]
    value = -torch.mean(torch.sum(y * torch.log(out + LOG_OFFSET), dim=0)).item()
    if lam:
        # One vector of every parameter in the order W1, b1, W2, b2, ...: the sum is taken over
        # that vector, biases included.
        flat = torch.cat([t.reshape(-1) for wb in params for t in wb])
        value = value + (lam / (2 * m)) * torch.sum(torch.square(flat)).item()
    return value


def accuracy(params, x, y, batchnorm):
    """Share of columns whose largest output is the labelled class (batchnorm over all of x)."""
    out, _ = forward(params, x, batchnorm)
    hits = (torch.argmax(out, dim=0) == torch.argmax(y, dim=0)).sum().item()
    return hits / x.shape[1]


# ---------------------------------------------------------------------------------------------
# One run
# ---------------------------------------------------------------------------------------------

def train(working, batch_size, batchnorm, lam, seed):
    """Split, initialise, train until the validation cost settles or 100 epochs pass.

    Returns the parameters, the report's row fields and the list of checks.
    """
    (x_tr, y_tr), (x_va, y_va) = split_train_validation(*working, seed)
    params = init_parameters(seed)
    n = x_tr.shape[1]
    checks = []
    step = 1
    stopped = False
    for epoch in range(MAX_EPOCHS):
        for start in range(0, n, batch_size):
            end = min(start + batch_size, n)
            xb, yb = x_tr[:, start:end], y_tr[:, start:end]
            out, saved = forward(params, xb, batchnorm)
            sgd_step(params, backward(params, saved, out, yb, lam))
            if step % CHECK_EVERY == 0:
                # The batch's cost uses its output from before the update, but the L2 term is
                # taken from the parameters as they are now, after it.
                train_cost = cost(out, yb, params, lam)
                val_out, _ = forward(params, x_va, batchnorm)
                val_cost = cost(val_out, y_va, params, lam)
                checks.append({"step": step, "train_cost": train_cost, "validation_cost": val_cost})
                if len(checks) > 1 and abs(val_cost - checks[-2]["validation_cost"]) < STOP_TOLERANCE:
                    stopped = True
                    break
            step += 1
        if stopped:
            break
    # At the stop the counter names the step just taken; after all epochs it has moved one past.
    row = {
        "epoch": epoch,
        "iteration": step,
        "train_cost": checks[-1]["train_cost"],
        "train_accuracy": accuracy(params, x_tr, y_tr, batchnorm),
        "validation_cost": checks[-1]["validation_cost"],
        "validation_accuracy": accuracy(params, x_va, y_va, batchnorm),
    }
    return params, row, checks


def run(question, batch_size, working, test, seed):
    batchnorm, lam = QUESTIONS[question]
    started = time.perf_counter()
    params, row, checks = train(working, batch_size, batchnorm, lam, seed)
    seconds = time.perf_counter() - started
    test_accuracy = round(accuracy(params, *test, batchnorm), 5)
    return {
        "question": question,
        "batchnorm": batchnorm,
        "lambda": lam,
        "batch_size": batch_size,
        **row,
        "test_accuracy": test_accuracy,
        "train_seconds": round(seconds, 3),
        "checks": checks,
    }


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------

HEADER = (f"{'Question':<16} {'Batch':>5} {'Epoch':>5} {'Iteration':>9} {'Train s':>9} "
          f"{'Train Cost':>14} {'Train Acc':>9} {'Valid Cost':>14} {'Valid Acc':>9} {'Test Acc':>8}")


def fmt_cost(c):
    # Six decimals like the report's tables; its huge Q6 batchnorm costs switch to exponents.
    return f"{c:.6f}" if abs(c) < 1e6 else f"{c:.6e}"


def format_row(r):
    return (f"{r['question']:<16} {r['batch_size']:>5} {r['epoch']:>5} {r['iteration']:>9} "
            f"{r['train_seconds']:>9.3f} {fmt_cost(r['train_cost']):>14} {r['train_accuracy']:>9.6f} "
            f"{fmt_cost(r['validation_cost']):>14} {r['validation_accuracy']:>9.6f} "
            f"{r['test_accuracy']:>8.4f}")


def write_json(path, args, runs, total_seconds):
    """One object per run; each check on a line of its own as [step, train cost, validation cost].

    json writes floats with repr(), so every cost reads back as the identical double.
    """
    head = {
        "what": "bench/report_twin.py: the report's runs in PyTorch float64",
        "command": " ".join(["/usr/bin/python3"] + sys.argv),
        "seed": args.seed,
        "threads": args.threads,
        "torch": torch.__version__,
        "numpy": np.__version__,
        "total_seconds": round(total_seconds, 1),
        "check_fields": ["step", "train_cost", "validation_cost"],
    }
    lines = ["{"] + [f" {json.dumps(k)}: {json.dumps(v)}," for k, v in head.items()] + [' "runs": [']
    for i, r in enumerate(runs):
        fields = [f"  {json.dumps(k)}: {json.dumps(v)}," for k, v in r.items() if k != "checks"]
        checks = [f"   {json.dumps([c['step'], c['train_cost'], c['validation_cost']])}"
                  for c in r["checks"]]
        lines += ["  {"] + [" " + f for f in fields] + ['   "checks": [', ",\n".join(checks), "   ]",
                  "  }" + ("," if i + 1 < len(runs) else "")]
    lines += [" ]", "}"]
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(tmp, path)


def write_checks_csv(path, runs):
    with open(path, "w") as f:
        f.write("question,batch_size,step,train_cost,validation_cost\n")
        for r in runs:
            for c in r["checks"]:
                f.write(f"{r['question']},{r['batch_size']},{c['step']},"
                        f"{c['train_cost']!r},{c['validation_cost']!r}\n")


def main(argv=None):
    args = parse_args(argv)
    load_numeric_libraries(args.threads)
    began = time.perf_counter()
    train_pixels, train_labels = load_mnist(args.data_dir, "train")
    working = as_columns(*hold_out(train_pixels, train_labels, args.seed))
    test = as_columns(*load_mnist(args.data_dir, "t10k"))
    print(f"seed {args.seed}, {args.threads} thread(s), torch {torch.__version__}", flush=True)
    print(HEADER, flush=True)
    runs = []
    for question in args.questions:
        for batch_size in args.batch_sizes:
            r = run(question, batch_size, working, test, args.seed)
            runs.append(r)
            print(format_row(r), flush=True)
            if args.json:
                write_json(args.json, args, runs, time.perf_counter() - began)
            if args.checks_csv:
                write_checks_csv(args.checks_csv, runs)
    print(f"total {time.perf_counter() - began:.1f} s", flush=True)


if __name__ == "__main__":
    main()
