#!/usr/bin/env python3
"""Records the shortest float texts tensor-core must reproduce, from this machine's Python and numpy.

Writes tensor-core/src/test/resources/format/float-repr.tsv (run from the repository root):
    /usr/bin/python3 tools/format/record_float_repr.py

Each row is `dtype<TAB>bits<TAB>expected`: bits are the value's IEEE pattern in hex; expected is
Python's repr(float) for float64 and numpy's shortest unique digits
(np.format_float_scientific(unique=True)) for float32 and float16. The sample is fixed (seeded):
edge values (1e23, 5e-324, powers of two, the largest finite values) and random bit patterns.
"""
import os
import random
import struct

import numpy as np

OUT = os.path.join("tensor-core", "src", "test", "resources", "format", "float-repr.tsv")
EDGE64 = [1e23, 5e-324, 1.7976931348623157e308, 2.2250738585072014e-308, 2.225073858507201e-308, 0.1, 1 / 3,
          2 / 3, 1e16, 1e15, 9999999999999998.0, 123456789012345680.0, 1e-4, 1e-5, 0.0001234, 2.0 ** -1074 * 3,
          2.0 ** 60, 2.0 ** -20, 5e-310, 1.5, 100.0, 1e22, 8.41e21, 5.0e-324 * 7, 4.35e-311, 9.5e-5, 123.456,
          0.30000000000000004, 1.0000000000000002, 0.9999999999999999, 4.940656458412465e-324]
EDGE32 = [0.1, 1 / 3, 16777216.0, 3.4028234663852886e38, 1.401298464324817e-45, 1.1754943508222875e-38, 1e-4,
          12345.678, 0.2, 2.0 ** -24, 7.0e-45, 1e10, 3.14159265]
EDGE16 = [0.1, 65504.0, 6e-08, 6.104e-05, 1 / 3, 2.0 ** -24, 1000.0, 0.0999, 2049.0]


def bits64(v):
    return struct.unpack("<Q", struct.pack("<d", v))[0]


def rows():
    rnd = random.Random(20261203)
    doubles = EDGE64 + [-v for v in EDGE64[:8]]
    while len(doubles) < 1500:
        v = struct.unpack("<d", struct.pack("<Q", rnd.getrandbits(64)))[0]
        if v == v and abs(v) != float("inf") and v != 0:
            doubles.append(v)
    doubles += [round(rnd.uniform(-1000, 1000), rnd.randint(0, 6)) for _ in range(300)]
    for v in doubles:
        yield "float64", f"{bits64(v):016x}", repr(v)
    floats = [np.float32(v) for v in EDGE32]
    while len(floats) < 800:
        f = np.frombuffer(struct.pack("<I", rnd.getrandbits(32)), dtype=np.float32)[0]
        if np.isfinite(f) and f != 0:
            floats.append(f)
    floats += [np.float32(round(rnd.uniform(-10, 10), rnd.randint(0, 5))) for _ in range(200)]
    for f in floats:
        if f != 0:
            yield "float32", f"{int(np.float32(f).view(np.uint32)):08x}", np.format_float_scientific(f, unique=True)
    halves = [np.float16(v) for v in EDGE16] + [np.uint16(b).view(np.float16) for b in range(1, 0x7C00, 23)]
    for h in halves:
        if np.isfinite(h) and h != 0:
            yield "float16", f"{int(np.float16(h).view(np.uint16)):04x}", np.format_float_scientific(h, unique=True)


def main():
    with open(OUT, "w") as f:
        for r in rows():
            f.write("\t".join(r) + "\n")


if __name__ == "__main__":
    main()
