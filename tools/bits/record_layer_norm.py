#!/usr/bin/python3
"""Records layer-norm-bits.jsonl: layer norm's output and gradients from real PyTorch, to the bit.

The op catalog (tools/opcatalog) compares gradients within a tolerance; this file holds every
value exactly, so LayerNormBitsTest can check that JTorch's float32 and float64 layer norm,
forward and backward, give PyTorch 1.13's bits (its AVX2 CPU kernels: vector-lane sums, fused
multiply-adds where GCC contracts them). Recorded with torch.set_num_threads(1): PyTorch adds the
weight's and bias's gradients per thread's block of rows, so with more threads its last bits
depend on the thread count; JTorch's follow its one-thread order at any thread count.

Usage (from the repository root; needs Debian's python3-torch):

    /usr/bin/python3 tools/bits/record_layer_norm.py > tensor-core/src/test/resources/ops/layer-norm-bits.jsonl

Each line: {"dtype", "shape", "normalized_shape", "x", "dy", "weight", "bias", "y", "dx",
"dweight", "dbias"} with the tensors flattened (null where the case has no weight or bias), each value
the string of its shortest decimal for its dtype (numpy's repr), which parses back to its bits.
"""
import json

import torch

# (shape, normalized_shape, weight, bias): rows under one 8-lane vector, ragged tails, rows of
# several vectors, more rows than lanes for the weight's and bias's sums, weight without bias
CASES = [
    ((5, 37), (37,), True, True),
    ((4, 6), (6,), True, True),
    ((3, 3), (3,), False, False),
    ((3, 150), (150,), False, False),
    ((2, 2, 20), (2, 20), True, True),
    ((33, 24), (24,), True, False),
    ((20, 16), (16,), True, True),
    ((3, 130), (130,), True, True),
]


def flat(t):
    """The values of t as strings of their shortest decimal, which reads back as the same value."""
    if t is None:
        return None
    return [repr(v) for v in t.detach().flatten().numpy()]


def record(dtype, shape, normalized, has_weight, has_bias):
    x = torch.randn(*shape, dtype=dtype) * 3 + 1
    x[0] = 0.5  # a constant row: zero variance
    x.requires_grad_()
    n = 1
    for s in normalized:
        n *= s
    weight = torch.randn(*normalized, dtype=dtype).requires_grad_() if has_weight else None
    bias = torch.randn(*normalized, dtype=dtype).requires_grad_() if has_bias else None
    dy = torch.randn(*shape, dtype=dtype)
    y = torch.nn.functional.layer_norm(x, normalized, weight, bias)
    y.backward(dy)
    return {
        "dtype": str(dtype).replace("torch.", ""), "shape": list(shape), "normalized_shape": list(normalized),
        "x": flat(x), "dy": flat(dy), "weight": flat(weight), "bias": flat(bias), "y": flat(y),
        "dx": flat(x.grad), "dweight": flat(weight.grad if has_weight else None),
        "dbias": flat(bias.grad if has_bias else None),
    }


def main():
    torch.set_num_threads(1)
    torch.manual_seed(0)
    for dtype in (torch.float32, torch.float64):
        for shape, normalized, has_weight, has_bias in CASES:
            print(json.dumps(record(dtype, shape, normalized, has_weight, has_bias)))


if __name__ == "__main__":
    main()
