#!/usr/bin/env python3
"""PyTorch side of the JMH cases that ../shared/reference/perf/pytorch_ref.py does not have:
tensor-with-scalar ops beside tensor-with-tensor ops, the matrix shapes of a 784-256-10 MLP, and
the MLP step with Adam. Same timing method and output lines as pytorch_ref.py (it imports them).

    python3 pytorch_cases.py --threads N [--only scalar,matmul_extra,mlp_extra]
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.environ.get("JTORCH_SHARED", os.path.join(
    os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "shared")), "reference", "perf"))
from pytorch_ref import bench, emit  # noqa: E402

MM_SHAPES = ("64x784_784x256T", "64x256_256x784", "256x64T_64x784", "64x256_256x10T")


def operand(torch, dims):
    """"RxC": row-major R x C; "RxCT": the transpose of a row-major C x R matrix (as MatmulBench)."""
    rows, cols = (int(v) for v in dims.rstrip("T").split("x"))
    return torch.rand(cols, rows).t() if dims.endswith("T") else torch.rand(rows, cols)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--only", default="")
    a = ap.parse_args()
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    only = set(filter(None, a.only.split(",")))
    want = lambda g: not only or g in only
    out = []
    E = lambda case, r, **d: emit(out, case, a.threads, "default", r, **d)

    if want("scalar"):
        n = 4_000_000
        x = torch.rand(n) + 0.5
        y = torch.rand(n) + 0.5
        for name, fn in (("add_scalar", lambda: x.add(1)), ("add_tensor", lambda: x.add(y)),
                         ("sub_scalar", lambda: x.sub(1)), ("sub_tensor", lambda: x.sub(y)),
                         ("mul_scalar", lambda: x.mul(2)), ("mul_scalar_float", lambda: x.mul(0.5)),
                         ("rmul_scalar", lambda: 2 * x), ("mul_tensor", lambda: x.mul(y)),
                         ("div_scalar", lambda: x.div(2)), ("div_tensor", lambda: x.div(y)),
                         ("pow_scalar", lambda: x.pow(2)), ("pow_tensor", lambda: x.pow(y))):
            E(f"{name}_4M", bench(fn), bytes=(8 if "scalar" in name else 12) * n)

    if want("matmul_extra"):
        for dims in MM_SHAPES:
            l, r = dims.split("_")
            m, k = (int(v) for v in l.rstrip("T").split("x"))
            n = int(r.rstrip("T").split("x")[1])
            A, B = operand(torch, l), operand(torch, r)
            E(f"matmul_f32_{dims}", bench(lambda: A @ B, min_repeat_s=0.1), flops=2 * m * n * k)

    if want("mlp_extra"):
        X = torch.randn(64, 784)
        Y = torch.randint(0, 10, (64,))
        model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10))
        opt = torch.optim.Adam(model.parameters(), lr=1e-3)

        def step():
            opt.zero_grad()
            loss = F.cross_entropy(model(X), Y)
            loss.backward()
            opt.step()
        E("mlp_step_nn_784_256_10_b64_xent_adam", bench(step, min_repeat_s=0.2),
          flops=3 * 2 * 64 * (784 * 256 + 256 * 10))


if __name__ == "__main__":
    main()
