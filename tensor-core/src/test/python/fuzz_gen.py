"""Generates the differential fuzzer's cases: random calls of fuzz_ops.OPS with random tensors.

A case is one JSON object; the Python runner (fuzz_torch.py) and the Java runner
(jtorch.fuzz.JavaRunner) both execute it and describe what came out in the same JSON form:

  {"id": 7, "family": "arith", "op": "add", "sig": "add(t, tb)", "java": "add",
   "form": "method" | "function" | "functional", "grad_mode": true,
   "inputs": [{"dtype": "float32", "shape": [3, 2], "data": [...], "requires_grad": false,
               "view": [["transpose", 0, 1]]}],
   "args": [{"t": 0}, {"float": 2.5, "kw": "alpha"}]}

An input is built as `torch.tensor(data, dtype=dtype).reshape(shape)`, marked requires_grad (it
is then the leaf whose .grad is compared), then passed through its `view` steps, each one of
  ["transpose", d0, d1]  ["step", dim] (x[..., ::2] along dim)  ["expand", sizes]
  ["narrow", dim, start, length]  ["clone"]
so non-contiguous, expanded and non-leaf operands occur. Arguments are {"t": i} (input i),
{"tl": [i, ...]} (a list of inputs), {"int": v}, {"float": v}, {"bool": v}, {"dtype": name},
{"ints": [...]}, {"str": s}; "kw" names a Python keyword argument. Floats may be NaN/Infinity
(JSON extension that both json.loads and Jackson read).

Everything is drawn from one random.Random(seed): the same seed gives the same cases.
"""
import json
import math
import random

import fuzz_ops

DTYPES = ["float32", "float64", "float16", "bfloat16", "int8", "uint8", "int16", "int32", "int64", "bool"]
FLOATING = DTYPES[:4]
INTEGRAL = DTYPES[4:9]
INT_LIMITS = {"int8": 127, "uint8": 255, "int16": 32767, "int32": 2**31 - 1, "int64": 2**40}
FLOAT_SPECIALS = [0.0, -0.0, math.inf, -math.inf, math.nan, 1e5, 1e-5, 65504.0, 3.4e38]
INT_SCALARS = [0, 1, 2, 3, 5, 7, -1, -2, -3]
FLOAT_SCALARS = [0.5, 1.5, -0.25, 2.0, 0.0, -1.0, 3.7, 1e-3, 1e5, -2.5]
ARANGE_VALUES = [-3, -1, 0, 1, 2, 5, 0.5, 2.5, -1.5, 4.25, 0.3]
# the primary's rank where an op needs one (honoured most of the time, like the dtype policy)
PRIMARY_RANK = {"mm": 2, "bmm": 3, "dot": 1}
POLICY_ODDS = 0.85


class Context:
    """What one case has drawn so far: its inputs and the dim later arguments refer to."""

    def __init__(self, op):
        self.op = op
        self.inputs = []
        self.primary = None  # final shape of input 0
        self.pending_dim = None  # a dim drawn for k/start/tl that the next `dim` argument passes
        self.last_dim = None  # the dim the latest `dim` argument passed

    @property
    def ndim(self):
        return len(self.primary) if self.primary is not None else 0


class CaseGenerator:
    def __init__(self, seed):
        self.rng = random.Random(seed)

    # ------------------------------------------------------------ cases

    def case(self, case_id, op=None):
        rng = self.rng
        op = op or rng.choice(fuzz_ops.OPS)
        ctx = Context(op)
        autograd = op.grad and rng.random() < 0.45
        ctx.autograd = autograd
        forms = [{"m": "method", "f": "function", "F": "functional"}[f] for f in op.forms]
        args = [None] * len(op.args)
        kinds = [a.rpartition("=")[2] for a in op.args]
        order = sorted(range(len(kinds)), key=lambda i: not (kinds[i] == "t" or kinds[i].startswith("t@")))
        for i in order:  # the primary first: the other kinds refer to its shape
            name, _, kind = op.args[i].rpartition("=")
            arg = self.arg(kind, ctx)
            if name:
                arg["kw"] = name
            args[i] = arg
        return {
            "id": case_id, "family": op.family, "op": op.name, "sig": op.key, "java": op.java_name,
            "form": rng.choice(forms), "grad_mode": not (autograd and rng.random() < 0.15),
            "inputs": ctx.inputs, "args": args,
        }

    def arg(self, kind, ctx):
        rng = self.rng
        if kind == "t":
            return {"t": self.add_input(ctx, self.primary_shape(ctx), self.primary_dtype(ctx))}
        if kind.startswith(("t@", "tb@")):
            given = [int(v) for v in kind.split("@")[1].split(",") if v]
            primary = kind.startswith("t@")
            if rng.random() < POLICY_ODDS:
                shape = given
            else:
                shape = self.primary_shape(ctx) if primary else self.broadcast_partner(ctx)
            return {"t": self.add_input(ctx, shape, self.primary_dtype(ctx) if primary else self.partner_dtype(ctx))}
        if kind.startswith("tfix:"):
            return {"t": self.fixed_input(ctx, json.loads(kind[5:]))}
        if kind in ("tb", "tmm"):
            shape = self.broadcast_partner(ctx) if kind == "tb" else self.matmul_partner(ctx)
            return {"t": self.add_input(ctx, shape, self.partner_dtype(ctx))}
        if kind == "tmask":
            return {"t": self.add_input(ctx, self.broadcast_partner(ctx, onto=True), "bool", view=False)}
        if kind == "tidx":
            return {"t": self.index_tensor(ctx)}
        if kind == "tgat":
            return {"t": self.gather_tensor(ctx)}
        if kind == "tl":
            return {"tl": self.tensor_list(ctx)}
        if kind in ("s", "si", "sf", "sb"):
            return self.scalar(kind)
        if kind.startswith("lit:"):
            return literal(json.loads(kind[4:]))
        if kind == "sa":
            value = rng.choice(ARANGE_VALUES)
            return {"float" if isinstance(value, float) else "int": value}
        if kind == "dim":
            return {"int": self.dim(ctx)}
        if kind == "dim+":
            return {"int": self.dim(ctx, extra=1)}
        if kind == "dims":
            return {"ints": self.dims(ctx)}
        if kind == "b":
            return {"bool": rng.random() < 0.5}
        if kind == "dtype":
            return {"dtype": rng.choice(DTYPES)}
        if kind == "shape":
            return {"ints": self.view_shape(ctx)}
        if kind == "perm":
            return {"ints": self.permutation(ctx)}
        if kind == "esize":
            return {"ints": self.expand_size(ctx)}
        if kind == "reps":
            return {"ints": self.repeats(ctx)}
        if kind == "n":
            return {"int": rng.choice([0]) if rng.random() < 0.05 else rng.randint(1, 4)}
        if kind == "k":
            size = self.pending(ctx)[1]
            return {"int": rng.randint(0, size + (rng.random() < 0.05))}
        if kind == "start":
            size = self.pending(ctx)[1]
            return {"int": rng.randint(-size, size) if size else rng.randint(-1, 1)}
        if kind == "len":
            return {"int": rng.randint(0, 3)}
        if kind == "spec":
            return {"str": self.subscript(ctx)}
        if kind == "mode":
            return {"str": rng.choice(["floor", "trunc", "floor", "trunc", "round"])}
        if kind == "p":
            return {"float": rng.choice([1.0, 2.0, 3.0, 0.5, 0.0, math.inf])}
        if kind == "steps":
            return {"int": rng.randint(0, 6) if rng.random() < 0.95 else -1}
        if kind == "size":
            return {"ints": self.random_shape(max_rank=3)}
        raise ValueError(f"unknown argument kind {kind!r} in {ctx.op.key}")

    # ------------------------------------------------------------ tensors

    def add_input(self, ctx, shape, dtype, view=True):
        rng = self.rng
        spec = {"dtype": dtype, "shape": list(shape), "view": [], "requires_grad": False}
        if view and rng.random() < 0.35:
            self.make_view(spec, shape)
        if ctx.autograd and dtype in FLOATING and rng.random() < 0.8:
            spec["requires_grad"] = True
            if rng.random() < 0.2:
                spec["view"].append(["clone"])
        spec["data"] = self.values(math.prod(spec["shape"]), dtype)
        ctx.inputs.append(spec)
        if ctx.primary is None:
            ctx.primary = list(shape)
        return len(ctx.inputs) - 1

    def make_view(self, spec, shape):
        """Turns spec into a base tensor plus one view step whose result has `shape`."""
        rng = self.rng
        n = len(shape)
        choices = ["narrow", "expand"] + (["step"] if n else []) + (["transpose"] * 2 if n >= 2 else [])
        kind = rng.choice(choices) if n else "expand"
        base = list(shape)
        if kind == "transpose":
            d0, d1 = sorted(rng.sample(range(n), 2))
            base[d0], base[d1] = base[d1], base[d0]
            step = ["transpose", d0, d1]
        elif kind == "step":
            d = rng.randrange(n)
            base[d] = max(2 * shape[d] - rng.randint(0, 1), 0) if shape[d] else 0
            step = ["step", d]
        elif kind == "narrow" and n:
            d = rng.randrange(n)
            extra = rng.randint(1, 2)
            base[d] = shape[d] + extra
            step = ["narrow", d, rng.randint(0, extra), shape[d]]
        else:
            lead = rng.randint(0, min(n, 1)) if n else 0
            base = [1 if (s != 1 and rng.random() < 0.6) else s for s in shape[lead:]]
            step = ["expand", list(shape)]
        spec["shape"] = base
        spec["view"].append(step)

    def values(self, count, dtype):
        rng = self.rng
        if dtype == "bool":
            return [rng.random() < 0.5 for _ in range(count)]
        if dtype in INTEGRAL:
            low = 0 if dtype == "uint8" else -6
            top = INT_LIMITS[dtype]
            return [rng.choice([top, 0 if dtype == "uint8" else -top]) if rng.random() < 0.03
                    else rng.randint(low, 12 if dtype == "uint8" else 6) for _ in range(count)]
        out = []
        for _ in range(count):
            r = rng.random()
            if r < 0.04:
                out.append(rng.choice(FLOAT_SPECIALS))
            elif r < 0.45:
                out.append(float(rng.randint(-4, 4)) / rng.choice([1, 1, 2, 4]))
            else:
                out.append(round(rng.gauss(0, 2), 4))
        return out

    def primary_dtype(self, ctx):
        if self.rng.random() >= POLICY_ODDS:
            return self.rng.choice(DTYPES)
        if ctx.op.dtypes:
            return self.rng.choice(ctx.op.dtypes)
        return self.rng.choice({"any": DTYPES, "float": FLOATING, "int": INTEGRAL + ["bool"], "num": DTYPES[:9]}[ctx.op.dt])

    def fixed_input(self, ctx, spec):
        """An input with the catalog's exact values (nested list) and dtype."""
        values, shape = spec["values"], []
        level = values
        while isinstance(level, list):
            shape.append(len(level))
            level = level[0] if level else None
        flat = values
        for _ in range(len(shape) - 1):
            flat = [v for row in flat for v in row]
        ctx.inputs.append({"dtype": spec["dtype"], "shape": shape, "data": flat, "view": [], "requires_grad": False})
        if ctx.primary is None:
            ctx.primary = shape
        return len(ctx.inputs) - 1

    def partner_dtype(self, ctx):
        return ctx.inputs[0]["dtype"] if self.rng.random() < 0.6 else self.rng.choice(DTYPES)

    def random_shape(self, max_rank=4):
        rng = self.rng
        rank = rng.choice([0, 1, 1, 2, 2, 2, 3, 3, 4][: {0: 1, 1: 3, 2: 6, 3: 8, 4: 9}[max_rank]])
        return [0 if rng.random() < 0.06 else rng.randint(1, 4) for _ in range(rank)]

    def primary_shape(self, ctx):
        rank = PRIMARY_RANK.get(ctx.op.name)
        if rank is not None and self.rng.random() < POLICY_ODDS:
            return [self.rng.randint(0 if self.rng.random() < 0.06 else 1, 4) for _ in range(rank)]
        return self.random_shape()

    def broadcast_partner(self, ctx, onto=False):
        """A shape that broadcasts with the primary (onto it when `onto`), sometimes a random one."""
        rng = self.rng
        if rng.random() < 0.1:
            return self.random_shape()
        shape = ctx.primary[rng.randint(0, ctx.ndim):] if rng.random() < 0.4 else list(ctx.primary)
        shape = [1 if rng.random() < 0.25 else s for s in shape]
        if not onto and rng.random() < 0.15:
            shape = [rng.randint(1, 3)] + shape
        return shape

    def matmul_partner(self, ctx):
        rng = self.rng
        a = ctx.primary
        k = a[-1] if a else 1
        if rng.random() < 0.1:
            k += 1
        m = rng.randint(1, 4)
        name = ctx.op.name
        if name == "dot" or (name == "matmul" and rng.random() < 0.25):
            return [k]
        if name == "mm":
            return [k, m]
        if name == "bmm":
            return [a[0] if len(a) == 3 and rng.random() < 0.9 else rng.randint(1, 3), k, m]
        batch = [1 if rng.random() < 0.3 else s for s in a[:-2]] if rng.random() < 0.7 else []
        return batch + [k, m]

    def index_tensor(self, ctx):
        rng = self.rng
        _, size = self.pending(ctx)
        shape = [rng.randint(0, 4)] if rng.random() < 0.95 else []
        values = [self.index_value(size) for _ in range(math.prod(shape))]
        return self.add_index(ctx, shape, values, "int64" if rng.random() < 0.9 else rng.choice(["int32", "float32"]))

    def gather_tensor(self, ctx):
        rng = self.rng
        dim, size = self.pending(ctx)
        shape = [rng.randint(0, 3) if i == dim else rng.randint(min(s, 1), s) for i, s in enumerate(ctx.primary)]
        values = [self.index_value(size) for _ in range(math.prod(shape))]
        return self.add_index(ctx, shape, values, "int64" if rng.random() < 0.95 else "int32")

    def index_value(self, size):
        return self.rng.randint(0, size - 1) if size and self.rng.random() < 0.95 else size

    def add_index(self, ctx, shape, values, dtype):
        data = [float(v) for v in values] if dtype == "float32" else values
        ctx.inputs.append({"dtype": dtype, "shape": list(shape), "data": data, "view": [], "requires_grad": False})
        return len(ctx.inputs) - 1

    def tensor_list(self, ctx):
        rng = self.rng
        first = self.add_input(ctx, self.primary_shape(ctx), self.primary_dtype(ctx))
        stacking = ctx.op.name == "stack"
        dim = self.dim(ctx, extra=1 if stacking else 0)
        ctx.pending_dim = dim
        refs = [first]
        for _ in range(rng.randint(0, 2)):
            shape = list(ctx.primary)
            if rng.random() < 0.1:
                shape = self.random_shape()
            elif not stacking and ctx.ndim and -ctx.ndim <= dim < ctx.ndim:
                shape[dim] = rng.randint(0, 3)
            dtype = ctx.inputs[first]["dtype"] if rng.random() < 0.8 else rng.choice(DTYPES)
            refs.append(self.add_input(ctx, shape, dtype))
        return refs

    # ------------------------------------------------------------ ints

    def dim(self, ctx, extra=0):
        if ctx.pending_dim is not None:
            dim, ctx.pending_dim = ctx.pending_dim, None
            return dim
        rng = self.rng
        n = ctx.ndim + extra
        if rng.random() < 0.08:
            dim = rng.choice([n, -n - 1, n + 1]) if n else rng.choice([1, -2])
        else:
            span = max(n, 1)
            dim = rng.randint(-span, span - 1)
        ctx.last_dim = dim
        return dim

    def pending(self, ctx):
        """(dim, its size): the dim the latest `dim` argument passed, else one drawn now that the
        next `dim` argument passes."""
        rng = self.rng
        n = ctx.ndim
        if ctx.last_dim is not None:
            inside = -n <= ctx.last_dim < n
            return (ctx.last_dim % n, ctx.primary[ctx.last_dim]) if inside else (0, 1)
        dim = rng.randrange(n) if n else 0
        ctx.pending_dim = dim - n if n and rng.random() < 0.5 else dim
        return dim, ctx.primary[dim] if n else 1

    def dims(self, ctx):
        rng = self.rng
        n = ctx.ndim
        if n == 0 or rng.random() < 0.05:
            return [] if rng.random() < 0.5 else [0]
        dims = rng.sample(range(n), rng.randint(1, n))
        dims = [d - n if rng.random() < 0.3 else d for d in dims]
        if rng.random() < 0.05:
            dims.append(dims[0])
        return dims

    def view_shape(self, ctx):
        rng = self.rng
        total = math.prod(ctx.primary)
        if total == 0:
            shape = [0] + [rng.randint(1, 3) for _ in range(rng.randint(0, 2))]
            rng.shuffle(shape)
        else:
            shape, rest = [], total
            for _ in range(rng.randint(0, 3)):
                d = rng.choice([d for d in range(1, rest + 1) if rest % d == 0])
                shape.append(d)
                rest //= d
            shape.append(rest)
            rng.shuffle(shape)
            if rng.random() < 0.3:
                shape[rng.randrange(len(shape))] = -1
        if rng.random() < 0.07:
            shape[rng.randrange(len(shape))] += 1
        return shape

    def permutation(self, ctx):
        perm = list(range(ctx.ndim))
        self.rng.shuffle(perm)
        if perm and self.rng.random() < 0.05:
            perm[0] = perm[-1]
        return perm

    def expand_size(self, ctx):
        rng = self.rng
        sizes = [rng.randint(1, 3) if s == 1 else (-1 if rng.random() < 0.2 else s) for s in ctx.primary]
        if rng.random() < 0.3:
            sizes = [2] + sizes
        if rng.random() < 0.05 and sizes:
            sizes[-1] += 2
        return sizes

    def repeats(self, ctx):
        rng = self.rng
        reps = [rng.randint(0 if rng.random() < 0.05 else 1, 3) for _ in range(ctx.ndim)]
        if rng.random() < 0.3:
            reps = [2] + reps
        if rng.random() < 0.05 and reps:
            reps = reps[1:]
        return reps

    def subscript(self, ctx):
        rng = self.rng
        parts = []
        dims = list(ctx.primary)
        for s in dims[: rng.randint(0, len(dims))]:
            r = rng.random()
            if r < 0.35 and s:
                parts.append(str(rng.randint(-s, s - 1)))
            elif r < 0.4:
                parts.append(str(s))  # out of range
            elif r < 0.6:
                parts.append(":")
            elif r < 0.8:
                a, b = rng.randint(-3, 3), rng.randint(-3, 4)
                parts.append(f"{a}:{b}")
            else:
                parts.append(f"{rng.choice(['', '1'])}::{rng.choice([1, 2, 3])}")
        if rng.random() < 0.2:
            parts.insert(rng.randint(0, len(parts)), "None")
        if rng.random() < 0.15:
            parts.insert(rng.randint(0, len(parts)), "...")
        if not parts:
            parts = [rng.choice([":", "...", "None"])]
        return ", ".join(parts)

    # ------------------------------------------------------------ scalars

    def scalar(self, kind):
        rng = self.rng
        if kind == "s":
            r = rng.random()
            kind = "si" if r < 0.45 else "sf" if r < 0.96 else "sb"
        if kind == "sb":
            return {"bool": rng.random() < 0.5}
        if kind == "si":
            if rng.random() < 0.04:
                return {"int": rng.choice([300, -129, 2**31, 2**40])}
            return {"int": rng.choice(INT_SCALARS)}
        if rng.random() < 0.04:
            return {"float": rng.choice([math.inf, -math.inf, math.nan, -0.0, 1e-30])}
        return {"float": rng.choice(FLOAT_SCALARS)}


def literal(value):
    """A catalog literal as a case argument."""
    if isinstance(value, dict) and set(value) == {"dtype"}:
        return {"dtype": value["dtype"]}
    if isinstance(value, bool):
        return {"bool": value}
    if isinstance(value, int):
        return {"int": value}
    if isinstance(value, float):
        return {"float": value}
    if isinstance(value, str):
        return {"str": value}
    if isinstance(value, list) and all(isinstance(v, int) and not isinstance(v, bool) for v in value):
        return {"ints": value}
    raise ValueError(f"catalog literal {value!r} has no case argument form")


def generate(seed, count, ops=None):
    """`count` cases from `seed`, each drawing its op uniformly from `ops` (default: all)."""
    gen = CaseGenerator(seed)
    pool = ops or fuzz_ops.OPS
    for i in range(count):
        yield gen.case(i, gen.rng.choice(pool))
