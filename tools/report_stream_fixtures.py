#!/usr/bin/env python3
"""Write the fixtures that io.github.scratchnet.random's tests compare against.

    /usr/bin/python3 tools/report_stream_fixtures.py

Needs NumPy and PyTorch (on Debian: apt-get install python3-numpy python3-torch; the fixtures
were written with Debian's PyTorch 1.13 and NumPy 1.24). It rewrites, byte for byte the same on
every run with the same library versions,

    lib/src/test/resources/io/github/scratchnet/random/streams.json
        library versions, raw MT19937 outputs, and for each seed the SHA-256 (of the int32
        little-endian bytes), first 5 and last 5 values of NumPy's
        RandomState(seed).permutation(60000) and of torch.randperm(48000) after
        torch.manual_seed(seed), plus whole permutations of a few tiny sizes
    lib/src/test/resources/io/github/scratchnet/random/normals.npz
        float64 arrays: the normals behind every initial weight of the report's layers
        [784, 20, 7, 5, 10] (seed<s>_randn_W<l>, torch.randn(n_l, n_{l-1}) in the report's order,
        before the report divides W_l by n_l), and torch.randn of a few odd counts, fresh after
        manual_seed and in succession on one generator

The tests read only these files, so they do not need PyTorch. The .npz is written here rather
than with np.savez so that its zip entries carry a fixed date and the file does not change when
nothing else does. Every double is in the .npz, none in the JSON. The repository ignores *.npz
(saved models); normals.npz is tracked all the same (it was added with `git add -f`).

The weights are stored before the division by n_l, so that a test can tell the normals (which may
differ from PyTorch's by a unit or two in the last place, through log, sin and cos) from the division
(IEEE, correctly rounded, the same in Java): the report's W_l is exactly this array / n_l in
float64, which the script checks. Storing both would double the file.
"""
import hashlib
import io
import json
import zipfile
from pathlib import Path

import numpy as np
import torch

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "lib/src/test/resources/io/github/scratchnet/random"

SEEDS = [42, 7, 2**32 - 1]
WEIGHT_SEEDS = [42, 7]
LAYERS = [784, 20, 7, 5, 10]
NUMPY_N = 60000
TORCH_N = 48000
TINY = [0, 1, 2, 3, 10]
RAW_COUNT = 20
# Each count on a fresh generator: below 16 PyTorch takes its scalar path, from 16 on the
# 16-block path, with the tail re-drawn when the count is not a multiple of 16.
FRESH_COUNTS = [1, 2, 5, 15, 16, 17, 31, 35, 50]
# The same counts in succession on one generator: the scalar path caches its second normal,
# and the cached value survives the block path in between.
SEQUENCE_COUNTS = [5, 17, 1, 35, 3, 50, 2, 16, 15]


def summary(perm):
    values = np.asarray(perm, dtype="<i4")
    return {
        "n": int(values.size),
        "sha256": hashlib.sha256(values.tobytes()).hexdigest(),
        "first": [int(v) for v in values[:5]],
        "last": [int(v) for v in values[-5:]],
    }


def numpy_permutation(seed, n):
    return np.random.RandomState(seed).permutation(n)


def torch_randperm(seed, n):
    torch.manual_seed(seed)
    return torch.randperm(n).numpy()


def randn(count):
    return torch.randn(count, dtype=torch.float64).numpy()


def weight_normals(seed):
    """The report's draws: manual_seed, then torch.randn(n_l, n_{l-1}) for l = 1..L on one generator."""
    torch.manual_seed(seed)
    normals = []
    for fan_in, width in zip(LAYERS, LAYERS[1:]):
        z = torch.randn(width, fan_in, dtype=torch.float64)
        # what the report keeps is z / width; NumPy's float64 division on the stored array is the same
        assert np.array_equal((z / width).numpy(), z.numpy() / width)
        normals.append(z.numpy())
    return normals


def write_npz(path, arrays):
    # np.savez stamps each entry with the current time; a fixed date keeps the bytes stable.
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, array in arrays.items():
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.ascontiguousarray(array, dtype="<f8"), version=(1, 0))
            info = zipfile.ZipInfo(name + ".npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, buf.getvalue())


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    # random_raw is the bit generator's genrand_int32 itself, with RandomState's init_genrand seeding.
    raw = {str(s): [int(v) for v in np.random.RandomState(s)._bit_generator.random_raw(RAW_COUNT)]
           for s in SEEDS}
    streams = {
        "versions": {"numpy": np.__version__, "torch": torch.__version__},
        "layers": LAYERS,
        "mt19937_raw": raw,
        "numpy_permutation": {str(s): summary(numpy_permutation(s, NUMPY_N)) for s in SEEDS},
        "torch_randperm": {str(s): summary(torch_randperm(s, TORCH_N)) for s in SEEDS},
        "numpy_permutation_tiny": {str(n): [int(v) for v in numpy_permutation(42, n)] for n in TINY},
        "torch_randperm_tiny": {str(n): [int(v) for v in torch_randperm(42, n)] for n in TINY},
        "randn_fresh_seed": 7,
        "randn_fresh_counts": FRESH_COUNTS,
        "randn_sequence_seed": 42,
        "randn_sequence_counts": SEQUENCE_COUNTS,
    }

    arrays = {}
    for seed in WEIGHT_SEEDS:
        for l, z in enumerate(weight_normals(seed), start=1):
            arrays[f"seed{seed}_randn_W{l}"] = z
    for count in FRESH_COUNTS:
        torch.manual_seed(streams["randn_fresh_seed"])
        arrays[f"fresh_{count}"] = randn(count)
    torch.manual_seed(streams["randn_sequence_seed"])
    arrays["sequence"] = np.concatenate([randn(c) for c in SEQUENCE_COUNTS])

    (OUT / "streams.json").write_text(json.dumps(streams, indent=1, sort_keys=True) + "\n")
    write_npz(OUT / "normals.npz", arrays)
    for name in ("streams.json", "normals.npz"):
        print(f"{OUT / name}: {(OUT / name).stat().st_size} bytes")
    print(f"numpy {np.__version__}, torch {torch.__version__}")


if __name__ == "__main__":
    main()
