#!/usr/bin/python3
"""Records PyTorch's results for every row of the op catalog (tensor-core/src/test/resources/ops/).

Usage (from the repository root; needs Debian's python3-torch, i.e. PyTorch 1.13):

    /usr/bin/python3 tools/opcatalog/record_ops.py

reads ops.jsonl and writes recorded.jsonl beside it. A catalog row names one public op:

    {"op": "sin", "family": "unary", "forms": ["torch", "method"], "grad": true}

- op: PyTorch's name; java: the Java name where it is not the camelCased op (docs/java-api.md).
- forms: where the op is reachable, `torch` (torch.op(x, ...)), `method` (x.op(...)) and/or `F`
  (torch.nn.functional.op(x, ...); Java nn.functional.op).
- family: unary, binary, reduction, shape, creation, other; it gives the default variants.
- variants: replaces the family's; each is {"inputs": [input, ...], "args": [literal, ...]}
  with optional "kwargs" (Python keywords; Java takes their values after args, in order),
  "dtypes" (one per input, a fixed combination instead of the sweep), "domain" ([lo, hi] of the
  input values, default the row's or [-2, 2]), "list_inputs" (the inputs go as one list, as
  torch.cat([a, b])), "forms" (the forms that take this variant, when not all do; recorded with
  the row's first form) and "tag". An input is a shape (values drawn per case and dtype) or
  {"values": nested list, "dtype": d} (fixed values, not swept).
- extra: variants added after the family's.
- dtypes: the sweep of the first variant (default: the ten real dtypes); every other variant
  runs in float32, and in float64 too when the row has grad.
- grad: the op is differentiable: float64 gradients of sum(w * out) are recorded for every
  float64 case (w_i = 0.5 + i / numel, the same formula in Java); an in-place op (name ending in
  `_`) is differentiated through a clone of its first input.
- out: the op has an out= form (Java: torch.<java>Out(out, ...)), checked in Java.
- tol: relative tolerance for float32 results (default 1e-6; float64 1e-12; half types 1e-2).
- covered_by: the op is not an elementwise/shape/creation op but API (item, backward, ...):
  the named test classes cover it; nothing is recorded.
- known: {"<case key>": "why"}: a recorded case JTorch deliberately does not match.
- method_self: which input is `self` of the method form (default 0); the others keep their order,
  so x.where(cond, y) is the row of torch.where(cond, x, y) with method_self 1.

Argument literals: JSON numbers, booleans, strings, lists, null; {"dtype": "float64"} is a dtype,
{"tensor": nested list, "dtype": d} a tensor.
Inputs are made from a seeded generator per case (uniform in the domain, rounded for integer
dtypes, > midpoint for bool) and cast to the case's dtype; the recording stores the exact values,
so Java rebuilds the same tensors. Each case runs after torch.manual_seed(0).

Each recorded line: {"op", "variant", "dtype", "tag", "form", "inputs": [{"dtype", "shape",
"values"}], "args", then "out" ({"tensor": {dtype, shape, values, repr}} | {"tuple": [...]} |
{"scalar": v} | {"size": [...]} | {"none": true}) or "error" ({"type", "message"}), and for
differentiable float64 cases "grads" (one entry per input: values, or null)}.
"""
import json
import math
import os
import sys
import warnings
import zlib

import torch
import torch.nn.functional

HERE = os.path.dirname(os.path.abspath(__file__))
OPS_DIR = os.path.join(HERE, "..", "..", "tensor-core", "src", "test", "resources", "ops")
DTYPES = ["float32", "float64", "float16", "bfloat16", "int64", "int32", "int16", "int8", "uint8", "bool"]
FAMILY_VARIANTS = {
    "unary": [{"inputs": [[2, 3]]}, {"inputs": [[]], "tag": "0-d"}],
    "binary": [{"inputs": [[2, 3], [2, 3]]}, {"inputs": [[2, 1, 3], [4, 1]], "tag": "broadcast"}],
    "reduction": [{"inputs": [[3, 4]]}],
    "shape": [{"inputs": [[2, 3]]}],
    "creation": [{"inputs": []}],
    "other": [{"inputs": [[2, 3]]}],
}


def literal(value):
    if isinstance(value, dict) and "tensor" in value:
        return torch.tensor(value["tensor"], dtype=getattr(torch, value["dtype"]))
    if isinstance(value, dict) and "dtype" in value:
        return getattr(torch, value["dtype"])
    if isinstance(value, list):
        return [literal(v) for v in value]
    return value


def make_input(key, shape, dtype, domain):
    """Deterministic values for one input: the seed comes from the case key."""
    g = torch.Generator().manual_seed(zlib.crc32(key.encode()))
    lo, hi = domain
    x = torch.rand(shape, dtype=torch.float64, generator=g) * (hi - lo) + lo
    target = getattr(torch, dtype)
    if target == torch.bool:
        return x > (lo + hi) / 2
    if not target.is_floating_point:
        x = x.round()
        if target == torch.uint8:
            x = x.abs()
    return x.to(target)


def encode_values(t):
    return t.detach().reshape(-1).tolist()


def encode_tensor(t):
    return {"dtype": str(t.dtype).replace("torch.", ""), "shape": list(t.shape), "values": encode_values(t),
            "repr": repr(t)}


def encode(value):
    if isinstance(value, torch.Tensor):
        return {"tensor": encode_tensor(value)}
    if isinstance(value, torch.Size):
        return {"size": list(value)}
    if isinstance(value, (tuple, list)):
        return {"tuple": [encode(v) for v in value]}
    if value is None:
        return {"none": True}
    if isinstance(value, (bool, int, float, str)):
        return {"scalar": value}
    return {"repr": repr(value)}


def weights(n):
    return torch.tensor([0.5 + i / max(n, 1) for i in range(n)], dtype=torch.float64)


def call(row, form, inputs, args, kwargs, list_inputs=False):
    name = row["op"]
    if list_inputs:
        return getattr(torch, name)(list(inputs), *args, **kwargs)
    if form == "torch":
        return getattr(torch, name)(*inputs, *args, **kwargs)
    if form == "F":
        return getattr(torch.nn.functional, name)(*inputs, *args, **kwargs)
    me = row.get("method_self", 0)
    return getattr(inputs[me], name)(*inputs[:me], *inputs[me + 1:], *args, **kwargs)


def first_tensor(value):
    if isinstance(value, torch.Tensor):
        return value
    if isinstance(value, (tuple, list)) and value and isinstance(value[0], torch.Tensor):
        return value[0]
    return None


def gradients(row, form, inputs, args, kwargs, list_inputs):
    leaves = [x.detach().clone().requires_grad_(x.is_floating_point()) for x in inputs]
    used = list(leaves)
    if row["op"].endswith("_") and used:
        used[0] = used[0].clone()
    out = first_tensor(call(row, form, used, args, kwargs, list_inputs))
    if out is None or not out.requires_grad:
        return None
    (out * weights(out.numel()).reshape(out.shape)).sum().backward()
    return [encode_values(x.grad) if x.grad is not None else None for x in leaves]


def cases(row):
    variants = row.get("variants", FAMILY_VARIANTS[row.get("family", "other")]) + row.get("extra", [])
    form = row["forms"][0]
    for index, variant in enumerate(variants):
        shapes = variant["inputs"]
        fixed = [s.get("dtype") if isinstance(s, dict) else None for s in shapes]
        if "dtypes" in variant:
            sweeps = [("+".join(variant["dtypes"]), variant["dtypes"])]
        else:
            names = row.get("dtypes", DTYPES) if index == 0 else ["float32"] + (["float64"] if row.get("grad") else [])
            sweeps = [(d, [f or d for f in fixed]) for d in names] if shapes else [("none", [])]
        for label, dtypes in sweeps:
            yield index, variant, label, dtypes, form


def is_float64_case(dtypes):
    """Every floating input is float64 (and there is one): the case whose gradients are recorded."""
    floating = [d for d in dtypes if getattr(torch, d).is_floating_point]
    return bool(floating) and all(d == "float64" for d in floating)


def record(row):
    out = []
    for index, variant, label, dtypes, form in cases(row):
        key = "%s/%d/%s" % (row["op"], index, label)
        domain = variant.get("domain", row.get("domain", [-2, 2]))
        inputs = [torch.tensor(s["values"], dtype=getattr(torch, d)) if isinstance(s, dict)
                  else make_input(key + "/" + str(k), s, d, domain)
                  for k, (s, d) in enumerate(zip(variant["inputs"], dtypes))]
        args = [literal(a) for a in variant.get("args", [])]
        kwargs = {k: literal(v) for k, v in variant.get("kwargs", {}).items()}
        list_inputs = variant.get("list_inputs", False)
        case = {"op": row["op"], "variant": index, "dtype": label, "form": form,
                "inputs": [{"dtype": d, "shape": list(x.shape), "values": encode_values(x)}
                           for x, d in zip(inputs, dtypes)],
                "args": variant.get("args", [])}
        for optional in ("kwargs", "tag", "list_inputs", "forms"):
            if optional in variant:
                case[optional] = variant[optional]
        torch.manual_seed(0)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                case["out"] = encode(call(row, form, [x.clone() for x in inputs], args, kwargs, list_inputs))
        except Exception as e:  # noqa: BLE001 - PyTorch's error is the recorded result
            case["error"] = {"type": type(e).__name__, "message": str(e)}
        if row.get("grad") and "out" in case and is_float64_case(dtypes):
            torch.manual_seed(0)
            try:
                case["grads"] = gradients(row, form, inputs, args, kwargs, list_inputs)
            except Exception as e:  # noqa: BLE001 - PyTorch has no derivative for this form (acosh_)
                case["grads_error"] = "%s: %s" % (type(e).__name__, e)
        out.append(case)
    return out


def main():
    rows = []
    with open(os.path.join(OPS_DIR, "ops.jsonl")) as f:
        for number, line in enumerate(f, 1):
            if line.strip() and not line.startswith("//"):
                try:
                    rows.append(json.loads(line))
                except ValueError as e:
                    sys.exit("ops.jsonl:%d: %s" % (number, e))
    with open(os.path.join(OPS_DIR, "recorded.jsonl"), "w") as f:
        count = 0
        for row in rows:
            if "covered_by" in row:
                continue
            for case in record(row):
                f.write(json.dumps(case, allow_nan=True) + "\n")
                count += 1
    print("recorded %d cases of %d ops (PyTorch %s)" % (count, len(rows), torch.__version__), file=sys.stderr)


if __name__ == "__main__":
    main()
