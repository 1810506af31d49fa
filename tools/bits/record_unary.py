#!/usr/bin/python3
"""Records unary-bits.jsonl: pointwise results from real PyTorch, to the bit, where JTorch follows its arithmetic.

ATen's pow kernel runs x * x, x * x * x and 1 / (x * x) for the exponents 2, 3 and -2 of
float32 and float64 tensors, and sqrt, rsqrt and reciprocal for 0.5, -0.5 and -1, each rounded
in the dtype at every step: x ** 3 in float32 differs in the last bit from the exact cube
rounded once for about a quarter of inputs. float32 log is SLEEF's (Sleef_logf8_u10), which
differs from the correctly rounded logarithm for about 0.5 % of inputs. UnaryBitsTest checks
JTorch's results against these (float64 log, SLEEF's double one, is not recorded: JTorch's is
the JDK's).

Usage (from the repository root; needs Debian's python3-torch):

    /usr/bin/python3 tools/bits/record_unary.py > tensor-core/src/test/resources/ops/unary-bits.jsonl

Each line, one per dtype: {"dtype", "x", "results": {"pow 2": [...], ..., "rsqrt": [...],
"reciprocal": [...], "neg": [...], "log": [...] (float32)}}, the values as strings of their shortest decimal for the dtype (numpy's
repr: "nan", "inf", "-inf" included).
"""
import json

import torch

EXPONENTS = [2, 3, -2, 0.5, -0.5, -1]


def values(dtype):
    """Random magnitudes over many binades, both signs, and the special values."""
    torch.manual_seed(0)
    x = torch.exp(torch.randn(491, dtype=torch.float64) * 8).to(dtype)
    x = x * torch.where(torch.rand(491) < 0.3, -1, 1).to(dtype)
    special = torch.tensor([0.0, -0.0, 1.0, -1.0, float("inf"), float("-inf"), float("nan"), 1e-30, 3e38, 1e-40, 1e-45,
                            0.75, 1.5], dtype=dtype)
    return torch.cat([x, special])


def flat(t):
    return [repr(v) for v in t.flatten().numpy()]


def main():
    for dtype in (torch.float32, torch.float64):
        x = values(dtype)
        name = str(dtype).replace("torch.", "")
        results = {"pow %s" % p: flat(x.pow(p)) for p in EXPONENTS}
        results["rsqrt"] = flat(x.rsqrt())
        results["reciprocal"] = flat(x.reciprocal())
        results["neg"] = flat(x.neg())
        if dtype == torch.float32:
            results["log"] = flat(x.log())
        print(json.dumps({"dtype": name, "x": flat(x), "results": results}))


if __name__ == "__main__":
    main()
