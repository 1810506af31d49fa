#!/usr/bin/python3
"""Lists the public API of the installed PyTorch, one entry a line, for docs/coverage.md.

Usage (from the repository root; needs Debian's python3-torch, i.e. PyTorch 1.13):

    /usr/bin/python3 tools/coverage/list_pytorch_api.py > tools/coverage/pytorch-api.tsv

Each line is `family<TAB>name<TAB>kind`. Families are the namespaces a beginner meets:
torch, torch.Tensor, torch.nn, torch.nn.functional, torch.nn.init, torch.optim,
torch.optim.lr_scheduler, torch.utils.data, and the device checks every tutorial starts with
(torch.cuda's and torch.backends.mps's functions). Kinds: function, class, method, attribute
(a Tensor property, read as a no-arg method in Java), dtype and constant. Left out: names starting
with `_`, submodules, and what a namespace merely re-exports from the standard library or from
typing (torch.nn.functional's `List`, `Optional`, `math`, ...).
"""
import inspect
import sys
import types

import torch
import torch.backends.mps
import torch.cuda
import torch.nn
import torch.nn.functional
import torch.nn.init
import torch.optim
import torch.optim.lr_scheduler
import torch.utils.data


def kind_of(value):
    if isinstance(value, torch.dtype):
        return "dtype"
    if isinstance(value, type):
        return "class"
    if callable(value):
        return "function"
    return "constant"


def from_torch(value):
    """True when the value is PyTorch's own (not typing's, not the standard library's)."""
    if isinstance(value, (torch.dtype, torch.layout, torch.memory_format, torch.qscheme)):
        return True
    if isinstance(value, (bool, int, float, str, tuple)):
        return False
    module = getattr(value, "__module__", None) or ""
    return module.startswith("torch")


def namespace(family, module, keep=lambda name, value: True):
    rows = []
    for name in sorted(dir(module)):
        if name.startswith("_"):
            continue
        value = getattr(module, name)
        if isinstance(value, types.ModuleType) or not keep(name, value):
            continue
        rows.append((family, name, kind_of(value)))
    return rows


def torch_keep(name, value):
    # torch's float constants e, pi, inf, nan are public API; other plain values are build flags
    return from_torch(value) or name in ("e", "pi", "inf", "nan")


def tensor_rows():
    rows = []
    for name in sorted(dir(torch.Tensor)):
        if name.startswith("_"):
            continue
        raw = inspect.getattr_static(torch.Tensor, name)
        is_method = callable(raw) and not isinstance(raw, (property, types.GetSetDescriptorType))
        rows.append(("torch.Tensor", name, "method" if is_method else "attribute"))
    return rows


def main():
    rows = []
    rows += namespace("torch", torch, torch_keep)
    rows += tensor_rows()
    rows += namespace("torch.nn", torch.nn, lambda n, v: isinstance(v, type))
    rows += namespace("torch.nn.functional", torch.nn.functional,
                      lambda n, v: callable(v) and from_torch(v) and not isinstance(v, type))
    rows += namespace("torch.nn.init", torch.nn.init,
                      lambda n, v: inspect.isfunction(v) and v.__module__ == "torch.nn.init")
    rows += namespace("torch.optim", torch.optim, lambda n, v: isinstance(v, type))
    rows += namespace("torch.optim.lr_scheduler", torch.optim.lr_scheduler,
                      lambda n, v: isinstance(v, type) and v.__module__ == "torch.optim.lr_scheduler")
    rows += namespace("torch.utils.data", torch.utils.data, lambda n, v: callable(v) and from_torch(v))
    functions = lambda n, v: callable(v) and not isinstance(v, type) and from_torch(v)
    rows += namespace("torch.cuda", torch.cuda, functions)
    rows += namespace("torch.backends.mps", torch.backends.mps, functions)
    out = sys.stdout
    out.write("# PyTorch %s public API (tools/coverage/list_pytorch_api.py): family, name, kind\n"
              % torch.__version__)
    for row in rows:
        out.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main()
