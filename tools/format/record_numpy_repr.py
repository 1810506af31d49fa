#!/usr/bin/env python3
"""Records numpy's str() and repr() of arrays that tensor-core's np/NDArray must print alike.

Writes tensor-core/src/test/resources/format/numpy-repr.jsonl (run from the repository root):
    /usr/bin/python3 tools/format/record_numpy_repr.py

One JSON object a line: dtype (numpy's name), shape, values (the elements in row-major order:
floats as Python repr strings, 'nan'/'inf'/'-inf' included, exact in their dtype; ints; bools),
and numpy's str and repr of that array. The sample is fixed (seeded): 0-d scalars around the
positional/scientific boundaries (1e-4, 1e16) in float16/32/64, small and wide value ranges
(scientific notation), non-finite values, negative zero, integer widths, bools, empty arrays,
1-d to 3-d shapes, rows that wrap at 75 characters and arrays summarised past 1000 elements.
"""
import json
import os
import random

import numpy as np

OUT = os.path.join("tensor-core", "src", "test", "resources", "format", "numpy-repr.jsonl")
FLOATS = ["float16", "float32", "float64"]
INTS = ["int8", "uint8", "int16", "int32", "int64"]


def encode(a):
    flat = a.reshape(-1).tolist()
    if a.dtype.kind == "f":
        return [repr(float(v)) for v in flat]
    return flat


def case(a):
    return {"dtype": a.dtype.name, "shape": list(a.shape), "values": encode(a), "str": str(a), "repr": repr(a)}


def scalars():
    for name in FLOATS:
        t = np.dtype(name).type
        for v in [1e-4, 9.999e-5, 1.0001e-4, 1e-5, 1e16, 9.99e15, 1.5e16, 0.1, 1 / 3, 100.0, -0.0, 0.0, 2.5,
                  123456.789, -1e-4, float("nan"), float("inf"), float("-inf"), 65504.0, 6e-8]:
            x = t(v)
            yield np.array(x)
    yield np.array(7)
    yield np.array(-3, dtype=np.int8)
    yield np.array(True)


def arrays(rnd):
    for name in FLOATS:
        t = np.dtype(name).type
        yield np.array([0.1, 0.2, 1 / 3], dtype=t)
        yield np.array([1.0, 2.0, -3.0], dtype=t)
        yield np.array([1.5, float("nan"), float("-inf"), float("inf")], dtype=t)
        yield np.array([-0.0, 1.0], dtype=t)
        yield np.array([1e-5, 1.0], dtype=t)
        yield np.array([1.5e-5, 1234.5], dtype=t)
        yield np.array([123456.789, 0.001], dtype=t)
        yield np.array([0.1, 1e-5, 1.23456789], dtype=t)
        yield np.array([1e8, 1.0], dtype=t)
        yield np.array([0.0, 0.0], dtype=t)
        yield np.array([1e-9, float("nan")], dtype=t)
        for shape in [(7,), (3, 4), (2, 3, 2), (30,), (4, 25)]:
            n = int(np.prod(shape))
            for scale in [1.0, 1e-3, 1e5]:
                vals = [rnd.gauss(0, 1) * scale for _ in range(n)]
                yield np.array(vals, dtype=t).reshape(shape)
    for name in INTS:
        info = np.iinfo(name)
        vals = [rnd.randint(max(info.min, -100000), min(info.max, 100000)) for _ in range(24)]
        yield np.array(vals, dtype=name).reshape(4, 6)
        yield np.array([info.min, 0, info.max], dtype=name)
    yield np.array([True, False, True])
    yield np.array([[True], [False]])
    yield np.arange(40)
    yield np.arange(1001)
    yield np.arange(2000).reshape(2, 1000)
    yield np.arange(1200, dtype=np.float32).reshape(3, 10, 40) / 7
    yield np.zeros((0,))
    yield np.zeros((0, 2))
    yield np.zeros((0,), dtype=np.int32)
    yield np.ones((2, 0), dtype=np.float32)


def main():
    rnd = random.Random(20261203)
    np.seterr(over="ignore")
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    seen = set()
    with open(OUT, "w") as f:
        for a in list(scalars()) + list(arrays(rnd)):
            line = json.dumps(case(a))
            if line not in seen:
                seen.add(line)
                f.write(line + "\n")


if __name__ == "__main__":
    main()
