#!/usr/bin/python3
"""One-off generator of cases.jsonl (kept as the record of how each Python line became Java).

How it was used: run once from the repository root,

    /usr/bin/python3 tools/golden/translate_golden.py ../shared/reference/pytorch-golden.jsonl \
        > tensor-core/src/test/resources/golden/cases.jsonl

then every generated `java` line was read by hand against its `python` line. It is not part of the
build and nothing runs it; edit cases.jsonl directly if a translation needs to change, or change
the rules/OVERRIDES below and regenerate.

Rules (docs/java-api.md): PyTorch names camelCased, attributes become no-arg methods, operators
become methods (`a + b` -> `a.add(b)`, scalar first -> `torch.add(1, a)`), Python list literals
become Java arrays (`[1, 2]` -> `new long[]{1, 2}`, floats -> `double[]`, bools -> `boolean[]`,
mixed -> `Object[]`), tuples of sizes -> `new int[]{...}` where a vararg list cannot be used,
subscripts made of ints/slices/None/... -> `x.index("<python subscript text>")`, assignments ->
`x.indexPut_(spec, value)`, keyword arguments -> positional arguments in PyTorch's order.
Statements end in `;`, the last line stays an expression, `x = ...` first declares `var x`.
"""
import ast
import json
import sys

DTYPE_ALIASES = {"float": "float_", "double": "double_", "long": "long_", "int": "int_",
                 "short": "short_"}
CONVERSIONS = {"float": "toFloat", "double": "toDouble", "half": "toHalf", "long": "toLong",
               "int": "toInt", "bool": "toBool"}
ATTRIBUTES = {"shape": "shape", "dtype": "dtype", "T": "T", "grad": "grad", "data": "data",
              "is_leaf": "isLeaf", "requires_grad": "requiresGrad", "grad_fn": "gradFn",
              "ndim": "ndim", "values": "values", "indices": "indices",
              "next_functions": "nextFunctions"}
SIZE_FACTORIES = {"zeros", "ones", "rand", "randn", "empty", "FloatTensor", "IntTensor",
                  "LongTensor"}
LEGACY_ELEMENT = {"IntTensor": "int", "LongTensor": "long", "ByteTensor": "int",
                  "DoubleTensor": "double", "Tensor": "double", "FloatTensor": "double"}
BINOPS = {ast.Add: "add", ast.Sub: "sub", ast.Mult: "mul", ast.Div: "div", ast.Pow: "pow",
          ast.FloorDiv: "floorDivide", ast.Mod: "remainder", ast.MatMult: "matmul",
          ast.BitAnd: "bitwiseAnd", ast.BitOr: "bitwiseOr"}
INPLACE = {ast.Add: "add_", ast.Sub: "sub_", ast.Mult: "mul_", ast.Div: "div_"}
COMPARES = {ast.Gt: "gt", ast.GtE: "ge", ast.Lt: "lt", ast.LtE: "le", ast.Eq: "eq",
            ast.NotEq: "ne"}
PRINT_OPTIONS = {"precision": "precision", "sci_mode": "sciMode", "linewidth": "linewidth",
                 "threshold": "threshold", "edgeitems": "edgeitems"}
MULTI_RESULT = {"max", "min", "sort", "topk"}

# Cases the rules above cannot express (Python-only syntax: with, def, print, integer
# arithmetic on literals). Each was written by hand.
NO_GRAD_Y = ("Tensor y;\ntry (var noGrad = torch.noGrad()) {\n    y = x.mul(2);\n}\n")
OVERRIDES = {
    "creation/infer_dtype_big_int": "torch.tensor(1L << 40).dtype()",
    "printing/scalar_third": "torch.tensor(1.0 / 3)",
    "printing/scalar_two_thirds": "torch.tensor(2.0 / 3)",
    "printing/scalar_float64_third": "torch.tensor(1.0 / 3, torch.float64)",
    "printing/scalar_int_max": "torch.tensor(Long.MAX_VALUE)",
    "printing/scalar_int_min": "torch.tensor(Long.MIN_VALUE)",
    "printing/int_big": "torch.tensor(new long[]{1L << 62, -1})",
    "printing/opt_profile_short": "torch.setPrintoptions(PrintOptions.profile(\"short\"));\n"
                                  "torch.tensor(new double[]{1.0 / 3, 1000.5})",
    "numpy/from_numpy_list": "torch.fromNumpy(new long[]{1, 2})",
    "autograd/seed_grad_data_before": (
        "var x1 = torch.tensor(1.0, true);\nvar x2 = torch.tensor(2.0, true);\n"
        "var y = x1.add(torch.mul(2, x2));\nprint(x1.grad().data());\n"
        "print(x2.grad().data());\nprint(y.grad().data())"),
    "autograd/no_grad_result": "var x = torch.tensor(new double[]{1., 2., 3.}, true);\n"
                               + NO_GRAD_Y + "y",
    "autograd/no_grad_then_enable": (
        "var x = torch.tensor(new double[]{1., 2., 3.}, true);\nTensor y;\n"
        "try (var noGrad = torch.noGrad()) {\n    try (var enableGrad = torch.enableGrad()) {\n"
        "        y = x.mul(2);\n    }\n}\ny"),
    "autograd/leaf_inplace_no_grad": (
        "var x = torch.tensor(new double[]{1., 2., 3.}, true);\n"
        "try (var noGrad = torch.noGrad()) {\n    x.add_(1);\n}\nx"),
    "autograd/no_grad_requires_grad": "var x = torch.tensor(new double[]{1., 2., 3.}, true);\n"
                                      + NO_GRAD_Y + "y.requiresGrad()",
    "autograd/no_grad_is_grad_enabled": (
        "boolean flag;\ntry (var noGrad = torch.noGrad()) {\n    flag = torch.isGradEnabled();\n}\n"
        "flag"),
    "autograd/no_grad_decorator": (
        "var x = torch.tensor(new double[]{1., 2., 3.}, true);\n"
        "Tensor f(Tensor t) {\n    try (var noGrad = torch.noGrad()) {\n        return t.mul(2);\n"
        "    }\n}\nf(x).requiresGrad()"),
    "autograd/backward_after_no_grad": (
        "var x = torch.tensor(new double[]{1., 2., 3.}, true);\nTensor y;\n"
        "try (var noGrad = torch.noGrad()) {\n    y = x.mul(2).sum();\n}\ny.backward()"),
}
NOTES = {
    "autograd/seed_grad_data_before": "Java: the NullPointerException's helpful message names "
                                      "grad(); it stands for Python's AttributeError on None",
    "autograd/grad_data_none": "Java: the NullPointerException's helpful message names grad(); "
                               "it stands for Python's AttributeError on None",
    "autograd/seed_backward_returns_none": "Java: backward() is void; a void last line is None",
    "autograd/no_grad_decorator": "Java: @torch.no_grad() on a def becomes try-with-resources "
                                  "in the method body",
    "numpy/np_scalar_in_list": "Java: a float literal (1.5f) stands for np.float32(1.5)",
    "numpy/as_tensor_same_ptr": "Java: g.ctypes.data is g.dataPtr()",
    "numpy/tensor_other_ptr": "Java: g.ctypes.data is g.dataPtr()",
}
# Python raises TypeError for a call no signature accepts; Java rejects it at compile time.
COMPILE_ERRORS = {
    "creation/linspace_missing_steps": "linspace",
    "numpy/from_numpy_list": "fromNumpy",
}


def camel(name):
    trailing = "_" if name.endswith("_") else ""
    parts = name.rstrip("_").split("_")
    return parts[0] + "".join(p[:1].upper() + p[1:] for p in parts[1:]) + trailing


class Translator:
    def __init__(self, source):
        self.src = source
        self.declared = set()
        self.ndarrays = set()

    def seg(self, node):
        return ast.get_source_segment(self.src, node)

    # ---- literals -------------------------------------------------------------------------
    def is_scalar(self, n):
        if isinstance(n, ast.Constant) and isinstance(n.value, (int, float)):
            return True
        if isinstance(n, ast.UnaryOp) and isinstance(n.op, ast.USub):
            return self.is_scalar(n.operand)
        return False

    def number(self, n, suffix=""):
        if isinstance(n, ast.Constant):
            if isinstance(n.value, bool):
                return "true" if n.value else "false"
            if isinstance(n.value, str):
                return json.dumps(n.value)
            text = self.seg(n)
            if isinstance(n.value, int) and not -2**31 <= n.value < 2**31:
                raise ValueError("int literal outside int range: " + text)
            return text + (suffix if isinstance(n.value, float) else "")
        if isinstance(n, ast.UnaryOp) and isinstance(n.op, ast.USub):
            return "-" + self.number(n.operand, suffix)
        return self.expr(n)

    def leaf_kind(self, n):
        if isinstance(n, ast.Constant):
            v = n.value
            return {bool: "boolean", int: "long", float: "double", str: "str"}[type(v)]
        if isinstance(n, ast.UnaryOp):
            return self.leaf_kind(n.operand)
        if isinstance(n, ast.Call) and self.seg(n.func) == "float":
            return "double"
        if isinstance(n, ast.Call) and self.seg(n.func) == "np.float32":
            return "float"
        raise ValueError("unsupported list element " + self.seg(n))

    def leaves(self, n):
        if isinstance(n, (ast.List, ast.Tuple)):
            for e in n.elts:
                yield from self.leaves(e)
        else:
            yield n

    def depth(self, n):
        if isinstance(n, (ast.List, ast.Tuple)):
            return 1 + (self.depth(n.elts[0]) if n.elts else 0)
        return 0

    def array(self, n, element=None):
        """A Python (nested) list literal as a Java array creation expression."""
        kinds = {self.leaf_kind(x) for x in self.leaves(n)}
        if element is None:
            if not kinds:
                element = "double"
            elif len(kinds) == 1 and kinds != {"str"} and kinds != {"float"}:
                element = kinds.pop()
            elif kinds <= {"long", "double"}:
                element = "double"
            else:
                element = "Object"
        depth = self.depth(n)
        if depth == 1 and not n.elts:
            return "new %s[0]" % element
        suffix = "f" if element == "float" else ""
        return "new %s%s%s" % (element, "[]" * depth, self.array_body(n, element, suffix))

    def array_body(self, n, element, suffix):
        if isinstance(n, (ast.List, ast.Tuple)):
            return "{" + ", ".join(self.array_body(e, element, suffix) for e in n.elts) + "}"
        if isinstance(n, ast.Call) and self.seg(n.func) == "np.float32":
            return self.number(n.args[0], "f")
        if isinstance(n, ast.Call) and self.seg(n.func) == "float":
            return self.expr(n)
        return self.number(n, suffix)

    def ints(self, n):
        """A tuple/list of ints as `new int[]{...}`."""
        return "new int[]{" + ", ".join(self.number(e) for e in n.elts) + "}"

    # ---- expressions ----------------------------------------------------------------------
    def kwargs(self, call, order):
        kw = {k.arg: k.value for k in call.keywords}
        unknown = set(kw) - set(order)
        if unknown:
            raise ValueError("unhandled keywords %s in %s" % (unknown, self.seg(call)))
        return [kw[k] for k in order if k in kw]

    def arg(self, n):
        if isinstance(n, ast.Constant) or self.is_scalar(n):
            return self.number(n)
        return self.expr(n)

    def sizes(self, args):
        if len(args) == 1 and isinstance(args[0], (ast.Tuple, ast.List)):
            return [self.ints(args[0])] if args[0].elts else []
        return [self.arg(a) for a in args]

    def torch_call(self, name, call):
        args = call.args
        kw = {k.arg: k.value for k in call.keywords}
        if name == "tensor":
            data = args[0]
            out = [self.array(data) if isinstance(data, (ast.List, ast.Tuple)) else self.arg(data)]
            out += [self.expr(v) if k == "dtype" else self.arg(v)
                    for v, k in zip(self.kwargs(call, ["dtype", "requires_grad"]),
                                    [k for k in ["dtype", "requires_grad"] if k in kw])]
            return "torch.tensor(%s)" % ", ".join(out)
        if name in SIZE_FACTORIES and not (name in LEGACY_ELEMENT and args
                                           and isinstance(args[0], ast.List)):
            size = self.sizes(args)
            extra = [self.arg(v) for v in self.kwargs(call, ["dtype", "requires_grad"])]
            if "requires_grad" in kw and not (len(args) == 1 and isinstance(args[0], ast.Tuple)):
                size = ["new int[]{" + ", ".join(size) + "}"]
            return "torch.%s(%s)" % (camel(name), ", ".join(size + extra))
        if name in LEGACY_ELEMENT:
            return "torch.%s(%s)" % (name, self.legacy_data(name, args[0]))
        if name == "full":
            rest = [self.arg(a) for a in args[1:]] + [self.arg(v) for v in self.kwargs(call, ["dtype"])]
            return "torch.full(%s)" % ", ".join([self.ints(args[0])] + rest)
        if name == "randint":
            return "torch.randint(%s, %s, %s)" % (self.arg(args[0]), self.arg(args[1]), self.ints(args[2]))
        if name in ("cat", "stack"):
            seq = args[0]
            if isinstance(seq, ast.BinOp) and isinstance(seq.op, ast.Mult):
                items = "Collections.nCopies(%s, %s)" % (self.arg(seq.right), self.expr(seq.left.elts[0]))
            else:
                items = "List.of(%s)" % ", ".join(self.expr(e) for e in seq.elts)
            rest = [self.arg(a) for a in args[1:]] + [self.arg(v) for v in self.kwargs(call, ["dim"])]
            return "torch.%s(%s)" % (name, ", ".join([items] + rest))
        if name == "Size":
            return "torch.Size(%s)" % ", ".join(self.number(e) for e in args[0].elts)
        if name == "broadcast_shapes":
            return "torch.broadcastShapes(%s)" % ", ".join(
                "Size.of(%s)" % ", ".join(self.number(e) for e in a.elts) for a in args)
        if name == "set_printoptions":
            (k,) = call.keywords
            if k.arg == "profile":
                return "torch.setPrintoptions(PrintOptions.profile(%s))" % self.arg(k.value)
            return "torch.setPrintoptions(PrintOptions.defaults().%s(%s))" % (
                PRINT_OPTIONS[k.arg], self.arg(k.value))
        order = {"linspace": ["steps", "dtype"], "arange": ["dtype"], "empty": ["dtype"],
                 "div": ["rounding_mode"], "add": ["alpha"]}.get(name, [])
        out = [self.arg(a) for a in args] + [self.arg(v) for v in self.kwargs(call, order)]
        return "torch.%s(%s)" % (camel(name), ", ".join(out))

    def legacy_data(self, name, data):
        kinds = {self.leaf_kind(x) for x in self.leaves(data)}
        element = LEGACY_ELEMENT[name] if kinds <= {"long"} else "double"
        return self.array(data, element)

    def np_call(self, name, call):
        args = call.args
        if name == "array":
            kw = self.kwargs(call, ["dtype"])
            data = args[0]
            if isinstance(data, ast.List):
                element = None
                if kw and self.seg(kw[0]) == "np.float32":
                    element = "float"
                text = self.array(data, element)
            else:
                text = self.arg(data)
            return "np.array(%s)" % ", ".join([text] + [self.expr(k) for k in kw])
        if name == "zeros":
            return "np.zeros(%s)" % ", ".join(self.number(e) for e in args[0].elts)
        return "np.%s(%s)" % (camel(name), ", ".join(self.arg(a) for a in args))

    def method_call(self, call):
        recv_node = call.func.value
        name = call.func.attr
        recv = self.expr(recv_node)
        args = call.args
        if name in CONVERSIONS and not args:
            return "%s.%s()" % (recv, CONVERSIONS[name])
        if name in ("view", "reshape") and len(args) == 1 and isinstance(args[0], ast.List):
            return "%s.%s(%s)" % (recv, name, self.ints(args[0]))
        if name == "backward":
            out = [self.arg(a) for a in args] + [self.arg(v) for v in self.kwargs(call, ["retain_graph"])]
            return "%s.backward(%s)" % (recv, ", ".join(out))
        if name == "amax":
            (dims,) = self.kwargs(call, ["dim"])
            return "%s.amax(%s)" % (recv, ", ".join(self.number(e) for e in dims.elts))
        out = [self.arg(a) for a in args]
        for v in self.kwargs(call, ["dim", "keepdim", "dtype", "unbiased"]):
            out.append(self.ints(v) if isinstance(v, ast.Tuple) else self.arg(v))
        return "%s.%s(%s)" % (recv, camel(name), ", ".join(out))

    def call(self, n):
        f = n.func
        if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id == "torch":
            return self.torch_call(f.attr, n)
        if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id == "np":
            return self.np_call(f.attr, n)
        if self.seg(f) == "torch.autograd.grad":
            return "torch.autograd.grad(%s)" % ", ".join(self.expr(a) for a in n.args)
        if isinstance(f, ast.Attribute):
            return self.method_call(n)
        if isinstance(f, ast.Name):
            (a,) = n.args
            if f.id == "len":
                if isinstance(a, ast.Attribute) and a.attr == "next_functions":
                    return self.expr(a) + ".size()"
                return self.expr(a) + ".len()"
            if f.id == "bool":
                return self.expr(a) + ".boolValue()"
            if f.id == "int":
                return self.expr(a) + ".longValue()"
            if f.id == "float":
                return {"nan": "Double.NaN", "inf": "Double.POSITIVE_INFINITY",
                        "-inf": "Double.NEGATIVE_INFINITY"}[a.value]
        raise ValueError("unsupported call " + self.seg(n))

    def index_spec(self, s):
        """The subscript of x[...] as the argument of index()/indexPut_()."""
        if isinstance(s, ast.List):
            return self.ints(s)
        plain = (ast.Slice, ast.Constant, ast.UnaryOp, ast.Tuple)
        if isinstance(s, plain) and all(isinstance(e, plain) for e in
                                        (s.elts if isinstance(s, ast.Tuple) else [s])):
            return json.dumps(self.seg(s))
        return self.expr(s)

    def expr(self, n):
        if isinstance(n, ast.Constant):
            if n.value is None:
                return "null"
            return self.number(n)
        if isinstance(n, ast.Name):
            return n.id
        if isinstance(n, ast.Attribute):
            base = n.value
            if isinstance(base, ast.Name) and base.id == "torch":
                return "torch." + DTYPE_ALIASES.get(n.attr, n.attr)
            if isinstance(base, ast.Name) and base.id == "np":
                return "np." + n.attr
            if n.attr == "data" and isinstance(base, ast.Attribute) and base.attr == "ctypes":
                return self.expr(base.value) + ".dataPtr()"
            return "%s.%s()" % (self.expr(base), ATTRIBUTES[n.attr])
        if isinstance(n, ast.Call):
            return self.call(n)
        if isinstance(n, ast.UnaryOp):
            if self.is_scalar(n):
                return self.number(n)
            if isinstance(n.op, ast.USub):
                return self.expr(n.operand) + ".neg()"
            raise ValueError("unsupported unary " + self.seg(n))
        if isinstance(n, ast.BinOp):
            operands = (n.left, n.right)
            if (any(map(self.is_numeric, operands))
                    and all(self.is_numeric(o) or self.is_scalar(o) for o in operands)):
                return "%s %s %s" % (self.expr(n.left), {ast.Add: "+", ast.Mult: "*"}[type(n.op)],
                                     self.expr(n.right))
            op = BINOPS[type(n.op)]
            if self.is_scalar(n.left):
                if self.is_scalar(n.right):
                    raise ValueError("scalar arithmetic needs an override: " + self.seg(n))
                return "torch.%s(%s, %s)" % (op, self.number(n.left), self.expr(n.right))
            return "%s.%s(%s)" % (self.expr(n.left), op, self.arg(n.right))
        if isinstance(n, ast.Compare):
            (op,) = n.ops
            (right,) = n.comparators
            if self.is_numeric(n.left) or self.is_numeric(right):
                return "%s == %s" % (self.expr(n.left), self.expr(right))
            return "%s.%s(%s)" % (self.expr(n.left), COMPARES[type(op)], self.arg(right))
        if isinstance(n, ast.Subscript):
            value = n.value
            if (isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute)
                    and value.func.attr in MULTI_RESULT):
                return "%s.get(%s)" % (self.expr(value), self.number(n.slice))
            return "%s.index(%s)" % (self.expr(value), self.index_spec(n.slice))
        if isinstance(n, ast.Tuple):
            return "TensorList.of(%s)" % ", ".join(self.expr(e) for e in n.elts)
        raise ValueError("unsupported expression " + self.seg(n))

    def is_numeric(self, n):
        """Plain Java numbers (addresses, sizes), compared with Java operators."""
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute):
            return n.func.attr in ("data_ptr", "element_size")
        if isinstance(n, ast.Attribute):
            return n.attr == "data" and isinstance(n.value, ast.Attribute) and n.value.attr == "ctypes"
        if isinstance(n, ast.BinOp):
            return self.is_numeric(n.left) or self.is_numeric(n.right)
        return False

    def is_ndarray(self, n):
        if isinstance(n, ast.Name):
            return n.id in self.ndarrays
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute):
            f = n.func
            return (isinstance(f.value, ast.Name) and f.value.id == "np") or f.attr == "numpy"
        return False

    # ---- statements -----------------------------------------------------------------------
    def stmt(self, s, last):
        if isinstance(s, ast.Expr):
            return self.expr(s.value) + ("" if last else ";")
        if isinstance(s, ast.Assign):
            (target,) = s.targets
            if isinstance(target, ast.Name):
                value = self.expr(s.value)
                if self.is_ndarray(s.value):
                    self.ndarrays.add(target.id)
                if target.id in self.declared:
                    return "%s = %s;" % (target.id, value)
                self.declared.add(target.id)
                return "var %s = %s;" % (target.id, value)
            if isinstance(target, ast.Subscript) and self.is_ndarray(target.value):
                index = ", ".join(self.number(e) for e in target.slice.elts)
                return "%s.set(%s, %s);" % (self.expr(target.value), self.arg(s.value), index)
            if isinstance(target, ast.Subscript):
                return "%s.indexPut_(%s, %s)%s" % (self.expr(target.value), self.index_spec(target.slice),
                                                 self.arg(s.value), "" if last else ";")
            if isinstance(target, ast.Attribute) and target.attr == "grad":
                return "%s.setGrad(%s);" % (self.expr(target.value), self.expr(s.value))
        if isinstance(s, ast.AugAssign):
            return "%s.%s(%s)%s" % (self.expr(s.target), INPLACE[type(s.op)], self.arg(s.value),
                                    "" if last else ";")
        raise ValueError("unsupported statement " + self.seg(s))

    def translate(self):
        body = ast.parse(self.src).body
        return "\n".join(self.stmt(s, i == len(body) - 1) for i, s in enumerate(body))


def main(path):
    for line in open(path, encoding="utf-8"):
        case = json.loads(line)
        cid = case["id"]
        java = OVERRIDES.get(cid) or Translator(case["python"]).translate()
        out = {"id": cid, "group": case["group"], "kind": case["kind"], "java": java,
               "expected": case["expected"]}
        if cid in COMPILE_ERRORS:
            out["expected_java"] = "CompileError: " + COMPILE_ERRORS[cid]
        out["python"] = case["python"]
        notes = [n for n in (case.get("note"), NOTES.get(cid)) if n]
        if cid in COMPILE_ERRORS:
            notes.append("Java: no overload takes these arguments, so the compiler rejects the "
                         "call (Python's TypeError at run time)")
        if notes:
            out["note"] = "; ".join(notes)
        print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
