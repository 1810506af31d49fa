"""Runs the differential fuzzer's cases (fuzz_gen.py) in PyTorch and describes each outcome.

The description is the contract with the Java runner (jtorch.fuzz.JavaRunner), which writes the
same form for JTorch:

  tensor  {"kind": "tensor", "dtype": "torch.float32", "shape": [2], "data": [flat values],
           "repr": repr(t), "requires_grad": bool, "grad_fn": "AddBackward0" | None}
  tuple   {"kind": "tuple", "items": [tensor...], "repr": repr(v)}  (return_types, tuples)
  value   {"kind": "value", "repr": repr(v)}  (Python values: item(), tolist(), ints, bools)
  error   {"kind": "error", "type": "RuntimeError", "message": str(e)}

plus, on the outcome, "grads" (per input: the leaf's .grad as a tensor description, or None)
when the result required grad and backward ran, "grad_error" when backward raised, and "after"
(per input: its final values) for in-place ops. Backward uses the gradient
grad_output(shape, dtype): values ((7 i + 3) mod 11 - 5) / 4 in the output's shape and dtype.
"""
import resource
import warnings

import torch

import fuzz_ops

OPS = {op.key: op for op in fuzz_ops.OPS}


def grad_values(count):
    return [((7 * i + 3) % 11 - 5) / 4 for i in range(count)]


def build_input(spec):
    """(leaf, operand): the tensor made from the spec's data, and it after the view steps."""
    base = torch.tensor(spec["data"], dtype=getattr(torch, spec["dtype"])).reshape(spec["shape"])
    if spec["requires_grad"]:
        base.requires_grad_()
    x = base
    for step in spec["view"]:
        kind = step[0]
        if kind == "transpose":
            x = x.transpose(step[1], step[2])
        elif kind == "step":
            x = x[(slice(None),) * step[1] + (slice(None, None, 2),)]
        elif kind == "expand":
            x = x.expand(step[1])
        elif kind == "narrow":
            x = x.narrow(step[1], step[2], step[3])
        elif kind == "clone":
            x = x.clone()
        else:
            raise ValueError(f"unknown view step {step}")
    return base, x


def resolve(arg, operands):
    if "t" in arg:
        return operands[arg["t"]]
    if "tl" in arg:
        return [operands[i] for i in arg["tl"]]
    if "dtype" in arg:
        return getattr(torch, arg["dtype"])
    for key in ("int", "float", "bool", "ints", "str"):
        if key in arg:
            return arg[key]
    raise ValueError(f"unknown argument {arg}")


def describe_tensor(t):
    t_flat = t.detach().reshape(-1)
    return {
        "kind": "tensor", "dtype": str(t.dtype), "shape": list(t.shape), "data": t_flat.tolist(),
        "repr": repr(t), "requires_grad": t.requires_grad,
        "grad_fn": type(t.grad_fn).__name__ if t.grad_fn is not None else None,
    }


def describe(value):
    if isinstance(value, torch.Tensor):
        return describe_tensor(value)
    if isinstance(value, tuple) and all(isinstance(v, torch.Tensor) for v in value):
        return {"kind": "tuple", "items": [describe_tensor(v) for v in value], "repr": repr(value)}
    return {"kind": "value", "repr": repr(value)}


def error(e):
    return {"kind": "error", "type": type(e).__name__, "message": str(e)}


def call(case, operands):
    op = OPS[case["sig"]]
    args, kwargs = [], {}
    for arg in case["args"]:
        value = resolve(arg, operands)
        if "kw" in arg:
            kwargs[arg["kw"]] = value
        else:
            args.append(value)
    if op.py is not None:
        return op.py(*args, **kwargs)
    if case["form"] == "function":
        return getattr(torch, op.name)(*args, **kwargs)
    if case["form"] == "functional":
        return getattr(torch.nn.functional, op.name)(*args, **kwargs)
    return getattr(args[0], op.name)(*args[1:], **kwargs)


def run_case(case):
    try:
        built = [build_input(spec) for spec in case["inputs"]]
    except Exception as e:  # noqa: BLE001 -- a generator slip; Java must fail the same way
        return error(e)
    leaves = [b[0] for b in built]
    operands = [b[1] for b in built]
    torch.manual_seed(0)  # random ops draw the same numbers in JTorch
    with torch.set_grad_enabled(case["grad_mode"]):
        try:
            value = call(case, operands)
        except Exception as e:  # noqa: BLE001 -- every PyTorch error is an outcome to compare
            return error(e)
    out = describe(value)
    if case["op"].endswith("_"):
        out["after"] = [describe_tensor(x)["data"] for x in operands]
    root = value[0] if isinstance(value, tuple) and value else value
    if case["grad_mode"] and isinstance(root, torch.Tensor) and root.requires_grad:
        try:
            gradient = torch.tensor(grad_values(root.numel()), dtype=root.dtype).reshape(root.shape)
            root.backward(gradient)
            out["grads"] = [describe_tensor(leaf.grad) if leaf.grad is not None else None for leaf in leaves]
        except Exception as e:  # noqa: BLE001
            out["grad_error"] = error(e)
    return out


def setup():
    """One thread (a shared machine), no warnings, and at most 4 GiB: a case that would allocate
    more fails with PyTorch's allocation error instead of taking the machine's memory."""
    torch.set_num_threads(1)
    warnings.simplefilter("ignore")
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, resource.getrlimit(resource.RLIMIT_AS)[1]))
