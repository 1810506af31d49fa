#!/usr/bin/env python3
"""PyTorch side of the JMH cases that ../shared/reference/perf/pytorch_ref.py does not have:
tensor-with-scalar ops beside tensor-with-tensor ops, the matrix shapes of a 784-256-10 MLP, the
MLP step with Adam, the layers and training step of a small MNIST CNN (CnnBench), and pointwise
functions, reductions and scans (PointwiseBench). Same timing method and output lines as pytorch_ref.py (it imports them).

    python3 pytorch_cases.py --threads N [--only scalar,matmul_extra,mlp_extra,cnn_extra,pointwise]
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
        for name, fn in (("pow_cube", lambda: x.pow(3)), ("pow_sqrt", lambda: x.pow(0.5)),
                         ("pow_reciprocal", lambda: x.pow(-1)), ("log", lambda: x.log())):
            E(f"{name}_4M", bench(fn), bytes=8 * n)

    if want("pointwise"):
        n = 4_000_000
        x = torch.randn(n)
        p = torch.rand(n) + 0.1
        m = torch.randn(4096, 1024)
        for name, fn in (("sin", lambda: x.sin()), ("cos", lambda: x.cos()), ("atan", lambda: x.atan()),
                         ("expm1", lambda: x.expm1()), ("log1p", lambda: p.log1p()), ("floor", lambda: x.floor()),
                         ("sign", lambda: x.sign()), ("cumsum", lambda: x.cumsum(0))):
            E(f"{name}_4M", bench(fn), bytes=8 * n)
        E("norm_4M", bench(lambda: x.norm()), bytes=4 * n)
        E("softmax_4096x1024", bench(lambda: m.softmax(1)), bytes=8 * m.numel())
        E("log_softmax_4096x1024", bench(lambda: m.log_softmax(1)), bytes=8 * m.numel())

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


    if want("cnn_extra"):
        images = torch.randn(64, 1, 28, 28)
        labels = torch.randint(0, 10, (64,))
        hidden = torch.randn(64, 32, 13, 13)
        features = torch.randn(64, 64, 11, 11)
        conv1, conv2, norm = nn.Conv2d(1, 32, 3), nn.Conv2d(32, 64, 3), nn.BatchNorm2d(64)
        model = nn.Sequential(nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 64, 3), nn.ReLU(),
                              nn.MaxPool2d(2), nn.Flatten(), nn.Linear(1600, 10))
        sgd = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
        tokens = torch.randn(32, 128, 512)
        layer_norm = nn.LayerNorm(512)

        def no_grad(fn):
            def run():
                with torch.no_grad():
                    return fn()
            return run

        def conv_fwd_bwd():
            conv2.zero_grad(set_to_none=True)
            x = hidden.detach().requires_grad_()
            conv2(x).sum().backward()
            return x.grad

        def norm_fwd_bwd():
            norm.zero_grad(set_to_none=True)
            x = features.detach().requires_grad_()
            norm(x).sum().backward()
            return x.grad

        def layer_norm_fwd_bwd():
            layer_norm.zero_grad(set_to_none=True)
            x = tokens.detach().requires_grad_()
            layer_norm(x).sum().backward()
            return x.grad

        def cnn_step():
            sgd.zero_grad()
            loss = F.cross_entropy(model(images), labels)
            loss.backward()
            sgd.step()
        E("conv2d_f32_b64_1x28x28_k3_32", bench(no_grad(lambda: conv1(images)), min_repeat_s=0.1),
          flops=2 * 64 * 32 * 26 * 26 * 9)
        E("conv2d_f32_b64_32x13x13_k3_64", bench(no_grad(lambda: conv2(hidden)), min_repeat_s=0.1),
          flops=2 * 64 * 64 * 11 * 11 * 32 * 9)
        E("conv2d_fwd_bwd_f32_b64_32x13x13_k3_64", bench(conv_fwd_bwd, min_repeat_s=0.2),
          flops=3 * 2 * 64 * 64 * 11 * 11 * 32 * 9)
        E("batch_norm2d_train_f32_b64_64x11x11", bench(no_grad(lambda: norm(features)), min_repeat_s=0.1))
        E("batch_norm2d_fwd_bwd_f32_b64_64x11x11", bench(norm_fwd_bwd, min_repeat_s=0.1))
        E("layer_norm_f32_32x128x512", bench(no_grad(lambda: layer_norm(tokens)), min_repeat_s=0.1))
        E("layer_norm_fwd_bwd_f32_32x128x512", bench(layer_norm_fwd_bwd, min_repeat_s=0.1))
        E("cnn_step_mnist_b64_sgd", bench(cnn_step, min_repeat_s=0.3))


if __name__ == "__main__":
    main()
