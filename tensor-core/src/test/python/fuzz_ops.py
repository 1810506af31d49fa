"""The differential fuzzer's op table: which calls it generates, and how each reads in Python and Java.

One entry per call signature (`op(...)` below). A new op is one line when its Java name follows
docs/java-api.md (snake_case -> camelCase, trailing `_` kept) and its arguments are among the kinds
that fuzz_gen.py knows:

  t       the primary tensor (random shape, dtype by the entry's `dt` policy, maybe a strided view)
  tb      a tensor broadcastable with the primary (sometimes not: the error is compared too)
  tmm     the right operand of a matrix product of the primary (inner sizes mostly agree)
  tidx    an int64 index tensor into the dim drawn by the preceding `dim` (index_select)
  tgat    an int64 index tensor for gather along the preceding `dim`
  tmask   a bool tensor broadcastable with the primary
  tl      a list of tensors joinable with the primary (cat, stack)
  s si sf sb  a scalar: any of int/float/bool, or only an int, a float, a bool
  sa      a small int or float for arange (ends and steps that make at most ~100 values)
  dim     a dim of the primary (sometimes out of range); `dim+` one of the primary unsqueezed
  dims    a list of distinct dims of the primary
  b       a bool (keepdim, descending, unbiased, ...)
  dtype   one of the ten dtypes
  shape   a shape with the primary's numel (maybe with -1; sometimes wrong)
  perm    a permutation of the primary's dims
  esize   a size the primary expands to
  reps    repeat counts
  n       a small positive int (chunks, split size)
  k       a k for topk along the preceding `dim` (or the last dim)
  start   a start index along the preceding `dim`, `len` a length from there
  spec    a Python subscript (`1:, None, ::2`); Java's x.index(String) takes the same text
  mode    a rounding mode: "floor" or "trunc"
  p       a norm order (float)
  steps   a linspace step count;  size  a creation size (list of ints)

  lit:J   the literal J (JSON), as the op catalog's rows give it
  t@S tb@S  the primary / a partner of shape S (`4,3`) most of the time, else as `t` / `tb`
  tfix:J  an input with fixed values and dtype (JSON {"values": nested list, "dtype": d})

`name=kind` passes the argument by keyword in Python (positionally in Java, as the overloads do).
`forms`: "m" method `x.op(...)`, "f" function `torch.op(x, ...)`, "F" torch.nn.functional's
`F.op(x, ...)` (Java: `nn.functional.op(x, ...)`). `dt` is the primary's dtype
policy, honoured most of the time (the rest draw any dtype, so unsupported dtypes meet their
errors): any, float, int (integral or bool), num (not bool); `dtypes` lists the dtypes instead.
`grad=False` keeps inputs from requiring grad (ops whose Java or Python form has no autograd).

The explicit entries below come first; every other row of the op catalog that breadth keeps
(tensor-core/src/test/resources/ops/ops.jsonl, format in tools/opcatalog/record_ops.py) adds its
variants through `catalog_ops`, so an op added there is fuzzed too.
"""
import json
import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Op:
    name: str
    family: str
    args: tuple
    forms: str = "m"
    dt: str = "any"
    java: str = ""
    py: object = field(default=None, compare=False)
    grad: bool = True
    dtypes: tuple = ()

    @property
    def java_name(self):
        return self.java or camel(self.name)

    @property
    def key(self):
        """The signature's name in reports: `add(t, alpha=s)`."""
        return f"{self.name}({', '.join(self.args)})"


def camel(name):
    """PyTorch's snake_case name in Java: `index_select` -> `indexSelect`, `add_` stays `add_`."""
    trailing = "_" if name.endswith("_") and not name.endswith("__") else ""
    parts = name.rstrip("_").split("_")
    return parts[0] + "".join(p[:1].upper() + p[1:] for p in parts[1:]) + trailing


OPS = []


def op(name, family, args="", **kw):
    OPS.append(Op(name, family, tuple(args.split()), **kw))


def _index(x, spec):
    return eval(f"x[{spec}]", {"x": x, "None": None})  # noqa: S307 -- spec is generated, never user text


def _index_put(x, spec, value):
    exec(f"x[{spec}] = value", {"x": x, "value": value, "None": None})  # noqa: S102
    return x


# ---------------------------------------------------------------- arithmetic (tensor, scalar)
for _name in ("add", "sub", "mul", "div", "floor_divide", "remainder", "pow"):
    op(_name, "arith", "t tb", forms="mf")
    op(_name, "arith", "t s", forms="mf")
op("add", "arith", "t tb alpha=s", forms="mf")
op("sub", "arith", "t tb alpha=s", forms="mf")
op("div", "arith", "t tb rounding_mode=mode", forms="mf")
op("div", "arith", "t s rounding_mode=mode", forms="mf")
op("rsub", "arith", "t s", py=lambda x, s: torch_rsub(x, s))
op("rsub", "arith", "t tb", py=lambda x, y: torch_rsub(x, y))
# torch.add(1, a) is Java for Python's `1 + a` (docs/java-api.md, "Python operators")
op("add", "arith", "s t", forms="f", py=lambda s, x: s + x)
op("sub", "arith", "s t", forms="f", py=lambda s, x: s - x)
op("mul", "arith", "s t", forms="f", py=lambda s, x: s * x)
op("div", "arith", "s t", forms="f", py=lambda s, x: s / x)
op("pow", "arith", "s t", forms="f", py=lambda s, x: s ** x)

# ---------------------------------------------------------------- in place
for _name in ("add_", "sub_", "mul_", "div_"):
    op(_name, "inplace", "t tb")
    op(_name, "inplace", "t s")
op("fill_", "inplace", "t s")
op("zero_", "inplace", "t")
op("copy_", "inplace", "t tb")
op("masked_fill_", "inplace", "t tmask s")
op("index_put_", "inplace", "t spec s", py=_index_put, java="indexPut_")

# ---------------------------------------------------------------- comparison and logic
for _name in ("gt", "ge", "lt", "le", "eq", "ne"):
    op(_name, "compare", "t tb")
    op(_name, "compare", "t s")
for _name in ("logical_and", "logical_or", "logical_xor", "bitwise_and", "bitwise_or", "bitwise_xor"):
    op(_name, "logic", "t tb", dt="int")
op("logical_not", "logic", "t")
op("bitwise_not", "logic", "t", dt="int")

# ---------------------------------------------------------------- pointwise
for _name in ("neg", "abs", "sign"):
    op(_name, "unary", "t", forms="m" + ("f" if _name in ("neg", "abs") else ""))
for _name in ("exp", "log", "sqrt", "reciprocal", "sigmoid", "tanh", "relu"):
    op(_name, "unary", "t", forms="m" if _name == "reciprocal" else "mf", dt="float")
op("clamp", "unary", "t s s", forms="mf")
op("clamp_min", "unary", "t s")
op("clamp_max", "unary", "t s")

# ---------------------------------------------------------------- reductions
for _name in ("sum", "mean"):
    op(_name, "reduce", "t", forms="mf", dt="float" if _name == "mean" else "any")
    op(_name, "reduce", "t dim", forms="mf", dt="float" if _name == "mean" else "any")
    op(_name, "reduce", "t dim b", forms="mf", dt="float" if _name == "mean" else "any")
    op(_name, "reduce", "t dims b", dt="float" if _name == "mean" else "any")
    op(_name, "reduce", "t dtype=dtype")
op("prod", "reduce", "t", forms="mf")
op("prod", "reduce", "t dim", forms="mf")
op("prod", "reduce", "t dim b")
for _name in ("std", "var"):
    op(_name, "reduce", "t", forms="mf", dt="float")
    op(_name, "reduce", "t dim", forms="mf", dt="float")
    op(_name, "reduce", "t b", dt="float")
    op(_name, "reduce", "t dim b b", dt="float")
op("norm", "reduce", "t", forms="mf", dt="float")
op("norm", "reduce", "t p", dt="float")
op("norm", "reduce", "t p dim b", dt="float")
op("cumsum", "reduce", "t dim", forms="mf")
for _name in ("all", "any"):
    op(_name, "reduce", "t")
    op(_name, "reduce", "t dim b")
for _name in ("max", "min"):
    op(_name, "extrema", "t", forms="mf")
    op(_name, "extrema", "t dim", forms="mf")
    op(_name, "extrema", "t dim b")
for _name in ("amax", "amin"):
    op(_name, "extrema", "t dim b")
    op(_name, "extrema", "t dims b")
for _name in ("argmax", "argmin"):
    op(_name, "extrema", "t", forms="mf", grad=False)
    op(_name, "extrema", "t dim b", forms="mf", grad=False)
op("median", "extrema", "t", forms="mf")
op("median", "extrema", "t dim b")

# ---------------------------------------------------------------- sorting
op("sort", "sort", "t")
op("sort", "sort", "t dim b")
op("argsort", "sort", "t dim b", grad=False)
op("topk", "sort", "t k")
op("topk", "sort", "t k dim b b")

# ---------------------------------------------------------------- shapes and views
op("view", "shape", "t shape")
op("reshape", "shape", "t shape")
op("squeeze", "shape", "t")
op("squeeze", "shape", "t dim")
op("unsqueeze", "shape", "t dim+")
op("transpose", "shape", "t dim dim")
op("t", "shape", "t")
op("T", "shape", "t", py=lambda x: x.T)
op("permute", "shape", "t perm")
op("expand", "shape", "t esize")
op("flatten", "shape", "t")
op("flatten", "shape", "t dim dim")
op("narrow", "shape", "t dim start len")
op("select", "shape", "t dim start")
op("repeat", "shape", "t reps")
op("contiguous", "shape", "t")
op("clone", "shape", "t")
op("chunk", "shape", "t n dim")
op("split", "shape", "t n dim")
op("unbind", "shape", "t dim")
op("index", "shape", "t spec", py=_index)

# ---------------------------------------------------------------- joining, indexing
op("cat", "join", "tl dim", forms="f")
op("stack", "join", "tl dim", forms="f")
op("index_select", "gather", "t dim tidx", forms="mf")
op("gather", "gather", "t dim tgat", forms="mf")
op("masked_fill", "gather", "t tmask s", forms="mf")
op("where", "gather", "tmask t tb", forms="f")
op("nonzero", "gather", "t", forms="mf", grad=False)

# ---------------------------------------------------------------- matrix products
op("matmul", "linalg", "t tmm", forms="mf", dt="num")
op("mm", "linalg", "t tmm", forms="mf", dt="num")
op("bmm", "linalg", "t tmm", forms="mf", dt="num")
op("dot", "linalg", "t tmm", forms="mf", dt="num")

# ---------------------------------------------------------------- activations
op("softmax", "nn", "t dim", forms="mf", dt="float")
op("log_softmax", "nn", "t dim", forms="mf", dt="float")

# ---------------------------------------------------------------- conversion and scalars
op("to", "convert", "t dtype")
op("item", "convert", "t", grad=False)
op("tolist", "convert", "t", grad=False)
op("is_contiguous", "convert", "t", grad=False)
op("numel", "convert", "t", grad=False)

# ---------------------------------------------------------------- creation
op("zeros", "create", "size dtype=dtype", forms="f", grad=False)
op("ones", "create", "size dtype=dtype", forms="f", grad=False)
op("full", "create", "size s", forms="f", grad=False)
op("arange", "create", "sa", forms="f", grad=False)
op("arange", "create", "sa sa", forms="f", grad=False)
op("arange", "create", "sa sa sa", forms="f", grad=False)
op("linspace", "create", "sf sf steps", forms="f", grad=False)
op("eye", "create", "n n", forms="f", grad=False)


def torch_rsub(x, other):
    import torch
    return torch.rsub(x, other)


CATALOG = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "ops", "ops.jsonl")
CATALOG_FAMILIES = {"unary": "unary", "binary": "arith", "reduction": "reduce", "shape": "shape",
                    "creation": "create", "other": "other"}


def catalog_ops(path=CATALOG, known=None):
    """Op entries for the catalog rows whose op has no explicit entry (`known`: names to skip)."""
    known = {o.name for o in OPS} if known is None else known
    ops = []
    if not os.path.exists(path):
        return ops
    with open(path, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip() and not line.startswith("//")]
    for row in rows:
        if row["op"] in known or "covered_by" in row or "family" not in row:
            continue
        family = CATALOG_FAMILIES.get(row["family"], row["family"])
        for variant in (row.get("variants") or [{"inputs": [[2, 3]]}]) + row.get("extra", []):
            # a method whose self is not the first input (x.where(cond, y)) and literals without a case
            # form (None, tensors) have none here: those variants are left to the catalog test
            forms = "".join({"torch": "f", "method": "m", "F": "F"}[form] for form in variant.get("forms", row["forms"])
                            if form != "method" or row.get("method_self", 0) == 0)
            literals = variant.get("args", []) + list(variant.get("kwargs", {}).values())
            if not forms or not all(_expressible(v) for v in literals):
                continue
            ops.append(Op(row["op"], family, tuple(_catalog_args(row["family"], variant)), forms=forms,
                          java=row.get("java", ""), grad=row.get("grad", False), dtypes=tuple(row.get("dtypes", ()))))
    return ops


def _catalog_args(family, variant):
    """A catalog variant as argument kinds: its input shapes are used most of the time, its fixed
    inputs and literals as they are, except a reduction's dims and flags, which are drawn."""
    inputs = variant.get("inputs", [])
    if variant.get("list_inputs"):
        kinds = ["tl"]
    else:
        kinds = [("tfix:" + json.dumps(i, separators=(",", ":"))) if isinstance(i, dict)
                 else ("t@" if n == 0 else "tb@") + ",".join(map(str, i)) for n, i in enumerate(inputs)]
    for value in variant.get("args", []):
        kinds.append(_catalog_kind(family, value))
    for name, value in variant.get("kwargs", {}).items():
        kinds.append(f"{name}={_catalog_kind(family, value)}")
    return kinds


def _expressible(value):
    """Whether a catalog literal has a case argument form (fuzz_gen.literal)."""
    if isinstance(value, list):
        return all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    if isinstance(value, dict):
        return set(value) == {"dtype"}
    return isinstance(value, (bool, int, float, str))


def _catalog_kind(family, value):
    if family == "reduction" and isinstance(value, bool):
        return "b"
    if family == "reduction" and isinstance(value, int):
        return "dim"
    if isinstance(value, dict) and set(value) == {"dtype"}:
        return "dtype"
    return "lit:" + json.dumps(value, separators=(",", ":"))


OPS.extend(catalog_ops())
FAMILIES = sorted({o.family for o in OPS})
