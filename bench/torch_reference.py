#!/usr/bin/env python3
"""The reference workload in PyTorch, to put our timings next to (see lib/PERFORMANCE.md).

Workload: MNIST (uncompressed IDX files), pixels / 255; the 60000 training images shuffled once
with the seed and cut into 48000 train / 12000 validation; layers [784, 20, 7, 5, 10], ReLU, softmax
+ cross-entropy, He-normal weights (std sqrt(2 / fan_in)), zero biases; SGD with learning rate
0.009 on batches of B, the training set reshuffled every epoch; cost and accuracy on the whole
validation set every 100 steps, inside the timed epoch; no early stopping, batchnorm or L2.
One untimed warm-up epoch, then E timed epochs. The last stdout line is one JSON object.

Two implementations:
  manual  (default) forward and backward written out with torch.addmm / torch.mm under no_grad,
          one sample per row, the updates fused into the products (W.addmm_(..., alpha=-lr)):
          the fastest we found.
  module  idiomatic nn.Sequential + nn.CrossEntropyLoss + optim.SGD with autograd.

Run with Debian's torch (`apt-get install python3-torch python3-numpy libopenblas0-pthread`) and
/usr/bin/python3:
  /usr/bin/python3 bench/torch_reference.py --data-dir data/mnist --batch-size 16 --epochs 3
"""
import argparse
import json
import os
import sys
import time


def _threads_from_argv(default="1"):
    for i, a in enumerate(sys.argv):
        if a == "--threads" and i + 1 < len(sys.argv):
            return sys.argv[i + 1]
        if a.startswith("--threads="):
            return a.split("=", 1)[1]
    return default


# The BLAS under Debian's torch keeps a thread pool of its own that torch.set_num_threads does not
# reach; it must be sized before the library loads.
os.environ["OPENBLAS_NUM_THREADS"] = _threads_from_argv()
os.environ["OMP_NUM_THREADS"] = _threads_from_argv()

import numpy as np  # noqa: E402
import torch  # noqa: E402

LAYERS = [784, 20, 7, 5, 10]
TRAIN = 48000


def read_idx(path):
    with open(path, "rb") as f:
        raw = f.read()
    dims = raw[3]
    shape = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load(data_dir, seed, dtype):
    """(train x, train y), (validation x, validation y): x is samples x 784 in [0, 1]."""
    x = read_idx(os.path.join(data_dir, "train-images-idx3-ubyte")).reshape(-1, 784)
    y = read_idx(os.path.join(data_dir, "train-labels-idx1-ubyte")).astype(np.int64)
    order = np.random.RandomState(seed).permutation(len(y))
    x, y = x[order], y[order]
    to_x = lambda a: torch.from_numpy(np.ascontiguousarray(a)).to(dtype).div_(255.0)  # noqa: E731
    return (to_x(x[:TRAIN]), torch.from_numpy(y[:TRAIN])), (to_x(x[TRAIN:]), torch.from_numpy(y[TRAIN:]))


def he_init(gen, dtype):
    """Weights stored input-major (fan_in x fan_out) so a batch multiplies them directly."""
    params = []
    for l in range(1, len(LAYERS)):
        std = (2.0 / LAYERS[l - 1]) ** 0.5
        wt = torch.randn(LAYERS[l - 1], LAYERS[l], generator=gen, dtype=torch.float64) * std
        params.append((wt.to(dtype).contiguous(), torch.zeros(LAYERS[l], dtype=dtype)))
    return params


class Manual:
    """Hand-written forward/backward; work tensors are allocated by torch per call, as usual."""

    def __init__(self, params, lr):
        self.params = params
        self.lr = lr

    def logits(self, x):
        a = x
        last = len(self.params) - 1
        for l, (wt, b) in enumerate(self.params):
            a = torch.addmm(b, a, wt)
            if l < last:
                a.clamp_(min=0)
        return a

    def step(self, x, y):
        # forward, keeping what backward needs
        acts = [x]
        a = x
        last = len(self.params) - 1
        for l, (wt, b) in enumerate(self.params):
            z = torch.addmm(b, a, wt)
            if l < last:
                z.clamp_(min=0)  # A = relu(Z); A > 0 is the mask of Z > 0
            acts.append(z)
            a = z
        m = x.shape[0]
        # dZ_L = (softmax(Z_L) - Y) / m
        dz = torch.softmax(a, dim=1)
        dz[torch.arange(m), y] -= 1.0
        dz.div_(m)
        for l in range(last, -1, -1):
            wt, b = self.params[l]
            prev = acts[l]
            da = torch.mm(dz, wt.t()) if l > 0 else None  # with the weights before the update
            wt.addmm_(prev.t(), dz, alpha=-self.lr)      # Wt -= lr * A_prevᵀ·dZ
            b.sub_(dz.sum(0), alpha=self.lr)             # b -= lr * Σ dZ
            if l > 0:
                dz = da.mul_(prev > 0)                    # dZ_prev = dA ⊙ [Z_prev > 0]


class Module:
    """Idiomatic PyTorch: nn.Sequential, CrossEntropyLoss, optim.SGD, autograd."""

    def __init__(self, params, lr):
        mods = []
        for l, (wt, b) in enumerate(params):
            lin = torch.nn.Linear(wt.shape[0], wt.shape[1]).to(wt.dtype)
            with torch.no_grad():
                lin.weight.copy_(wt.t())
                lin.bias.copy_(b)
            mods.append(lin)
            if l < len(params) - 1:
                mods.append(torch.nn.ReLU())
        self.model = torch.nn.Sequential(*mods)
        self.loss = torch.nn.CrossEntropyLoss()
        self.opt = torch.optim.SGD(self.model.parameters(), lr=lr)

    def logits(self, x):
        return self.model(x)

    def step(self, x, y):
        with torch.enable_grad():
            self.opt.zero_grad(set_to_none=True)
            self.loss(self.model(x), y).backward()
            self.opt.step()


def validate(net, x, y):
    """Mean cross-entropy (through log-sum-exp) and accuracy on the whole set."""
    z = net.logits(x)
    cost = (torch.logsumexp(z, dim=1) - z.gather(1, y.view(-1, 1)).view(-1)).mean()
    return float(cost), float((z.argmax(1) == y).double().mean())


def blas():
    """The BLAS libraries this process has loaded, by full path (Debian's libblas.so.3 is an
    alternative: only its folder, e.g. openblas-pthread/, says which BLAS it is)."""
    try:
        with open("/proc/self/maps") as f:
            return sorted({l.split()[-1] for l in f if "blas" in l.lower() and ".so" in l})
    except OSError:
        return []


def blas_build_info():
    """What torch was built against (torch.__config__.show()), e.g. "BLAS_INFO=open"."""
    try:
        return [l.split(": ")[-1].strip(" ,") for l in torch.__config__.show().replace(",", "\n").splitlines()
                if "BLAS" in l or "LAPACK_INFO" in l]
    except Exception:  # an old or unusual build: the loaded libraries above still tell
        return []


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data-dir", default=os.environ.get("MNIST_DIR", "data/mnist"))
    ap.add_argument("--batch-size", type=int, default=128)
    ap.add_argument("--epochs", type=int, default=3, help="timed epochs")
    ap.add_argument("--warmup", type=int, default=1, help="untimed warm-up epochs (they train too)")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--dtype", choices=["float32", "float64"], default="float32")
    ap.add_argument("--impl", choices=["manual", "module"], default="manual")
    ap.add_argument("--lr", type=float, default=0.009)
    ap.add_argument("--eval-every", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    dtype = getattr(torch, args.dtype)
    (xtr, ytr), (xva, yva) = load(args.data_dir, args.seed, dtype)
    gen = torch.Generator().manual_seed(args.seed)
    params = he_init(gen, dtype)
    net = Manual(params, args.lr) if args.impl == "manual" else Module(params, args.lr)
    B = args.batch_size
    n = xtr.shape[0]
    step = 0
    epochs, val_seconds = [], []
    val = (float("nan"), float("nan"))
    with torch.no_grad():
        for epoch in range(args.warmup + args.epochs):
            t0 = time.perf_counter()
            tv = 0.0
            order = torch.randperm(n, generator=gen)  # reshuffled every epoch
            for k in range(0, n, B):
                idx = order[k:k + B]
                net.step(xtr.index_select(0, idx), ytr.index_select(0, idx))
                step += 1
                if step % args.eval_every == 0:
                    v0 = time.perf_counter()
                    val = validate(net, xva, yva)
                    tv += time.perf_counter() - v0
            dt = time.perf_counter() - t0
            if epoch >= args.warmup:
                epochs.append(dt)
                val_seconds.append(tv)
        val = validate(net, xva, yva)
    print(json.dumps({
        "implementation": "pytorch-" + args.impl,
        "batch_size": B,
        "epochs": args.epochs,
        "seconds_per_epoch": round(float(np.median(epochs)), 5),
        "validation_seconds_per_epoch": round(float(np.median(val_seconds)), 5),
        "val_accuracy": round(val[1], 5),
        "val_cost": round(val[0], 5),
        "dtype": args.dtype,
        "threads": args.threads,
        "epoch_seconds": [round(t, 5) for t in epochs],
        "torch": torch.__version__,
        "blas": blas(),
        "openblas": any("openblas" in p.lower() for p in blas()),
        "blas_build": blas_build_info(),
    }))


if __name__ == "__main__":
    main()
