"""Generates the cells of the kernel's cell fuzzer (cell_fuzz.py): valid and invalid Java, compile
errors, runtime exceptions (including every op family of tensor-core, from the differential
fuzzer's case generator), deep recursion, huge strings, unicode, threads, exits through every door,
state that cells should not be able to break, magics and help, and long cells to interrupt.

A Cell is (category, code, expect, interrupt): `expect` is the set of statuses the reply may have
("ok", "error"); `interrupt` says the runner interrupts the cell after a random delay. Everything
comes from one random.Random(seed).
"""
import os
import random
import sys
from dataclasses import dataclass

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "..", "tensor-core", "src", "test", "python"))

import fuzz_gen  # noqa: E402  (tensor-core's differential fuzzer: the op cases)

OK, ERROR, ANY = frozenset({"ok"}), frozenset({"error"}), frozenset({"ok", "error"})
WORDS = ["alpha", "beta", "tensor", "x", "grad", "Σ", "naïve", "😀", "日本", "\u202eabc", "e\u0301"]


@dataclass(frozen=True)
class Cell:
    category: str
    code: str
    expect: frozenset
    interrupt: bool = False


def java_string(text):
    """A Java string literal for `text` (escapes quotes, backslashes and control characters)."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or 0xD800 <= ord(ch) <= 0xDFFF:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def java_double(v):
    if v != v:
        return "Double.NaN"
    if v in (float("inf"), float("-inf")):
        return "Double.POSITIVE_INFINITY" if v > 0 else "Double.NEGATIVE_INFINITY"
    return repr(float(v))


def java_tensor(spec):
    """The Java expression that builds a differential-fuzz input (fuzz_gen.py) in a cell."""
    dtype, data = spec["dtype"], spec["data"]
    if dtype == "bool":
        array = "new boolean[]{" + ", ".join("true" if v else "false" for v in data) + "}"
    elif dtype in fuzz_gen.INTEGRAL:
        array = "new long[]{" + ", ".join(f"{v}L" for v in data) + "}"
    else:
        array = "new double[]{" + ", ".join(java_double(v) for v in data) + "}"
    expr = f"torch.tensor({array}, torch.{dtype}).reshape(new int[]{{{', '.join(map(str, spec['shape']))}}})"
    if spec["requires_grad"]:
        expr += ".requiresGrad_()"
    for step in spec["view"]:
        kind = step[0]
        if kind == "transpose":
            expr += f".transpose({step[1]}, {step[2]})"
        elif kind == "step":
            expr += f'.index("{":, " * step[1]}::2")'
        elif kind == "expand":
            expr += f".expand(new int[]{{{', '.join(map(str, step[1]))}}})"
        elif kind == "narrow":
            expr += f".narrow({step[1]}, {step[2]}, {step[3]})"
        else:
            expr += ".clone()"
    return expr


def java_argument(arg):
    if "t" in arg:
        return f"x{arg['t']}"
    if "tl" in arg:
        return "List.of(" + ", ".join(f"x{i}" for i in arg["tl"]) + ")"
    if "int" in arg:
        v = arg["int"]
        return str(v) if -2**31 <= v < 2**31 else f"{v}L"
    if "float" in arg:
        return java_double(arg["float"])
    if "bool" in arg:
        return "true" if arg["bool"] else "false"
    if "dtype" in arg:
        return f"torch.{arg['dtype']}"
    if "ints" in arg:
        return "new int[]{" + ", ".join(map(str, arg["ints"])) + "}"
    return java_string(arg["str"])


def java_of_case(case):
    """A cell that runs one differential-fuzz case: its inputs as variables, then the call."""
    lines = [f"var x{i} = {java_tensor(spec)};" for i, spec in enumerate(case["inputs"])]
    args = [java_argument(a) for a in case["args"]]
    if case["form"] == "method":
        lines.append(f"{args[0]}.{case['java']}({', '.join(args[1:])})")
    else:
        owner = "nn.functional" if case["form"] == "functional" else "torch"
        lines.append(f"{owner}.{case['java']}({', '.join(args)})")
    return "\n".join(lines)


class CellGenerator:
    def __init__(self, seed, interrupt_odds=0.05):
        self.rng = random.Random(seed)
        self.ops = fuzz_gen.CaseGenerator(seed)
        self.interrupt_odds = interrupt_odds
        self.n = 0
        self.kinds = [
            (self.valid, 20), (self.tensor_valid, 10), (self.op_case, 16), (self.compile_error, 8),
            (self.mutated, 8), (self.runtime_error, 10), (self.recursion, 2), (self.huge, 2),
            (self.unicode, 4), (self.threads, 3), (self.exits, 4), (self.state, 3), (self.magics, 4),
        ]

    def cell(self):
        self.n += 1
        if self.rng.random() < self.interrupt_odds:
            return self.long_running()
        make = self.rng.choices([k for k, _ in self.kinds], [w for _, w in self.kinds])[0]
        return make()

    # ------------------------------------------------------------ generators

    def pick(self, templates):
        r, n = self.rng, self.n
        a, b, k = r.randint(-50, 50), r.randint(1, 9), r.randint(1, 6)
        word = r.choice(WORDS)
        return r.choice(templates).format(a=a, b=b, k=k, n=n, w=java_string(word))

    def valid(self):
        code = self.pick([
            "{a} + {b}", "{w}.length()", "Math.max({a}, {b}) * {k}", "int v{n} = {a};", "var s{n} = {w}.repeat({k});",
            "int f{n}(int x) {{ return x * {a}; }}\nf{n}({b})",
            "class C{n} {{ int v = {a}; public String toString() {{ return \"C\" + v; }} }}\nnew C{n}()",
            "record R{n}(int a, String b) {{}}\nnew R{n}({a}, {w})",
            "enum E{n} {{ A, B }}\nE{n}.valueOf(\"B\")",
            "java.util.function.IntUnaryOperator op{n} = x -> x + {a};\nop{n}.applyAsInt({b})",
            "IntStream.range(0, {k}).map(i -> i * {a}).sum()",
            "List.of({a}, {b}, {k}).stream().map(x -> x * 2).collect(Collectors.toList())",
            "var sb{n} = new StringBuilder();\nfor (int i = 0; i < {k}; i++) sb{n}.append(i);\nsb{n}.toString()",
            "switch ({k} % 3) {{ case 0 -> \"zero\"; case 1 -> \"one\"; default -> \"many\"; }}",
            "String.format(\"%d-%s\", {a}, {w})", "new int[]{{{a}, {b}}}", "Map.of(\"k\", {a})",
            "print({a}, {w});", "System.err.println({w});", "Optional.empty()", "null", "(Object) Integer.valueOf({a})",
            "", "// only a comment", "   \n\t  ", "import java.util.concurrent.*;", "{a};",
        ])
        return Cell("valid", code, OK)

    def tensor_valid(self):
        code = self.pick([
            "torch.ones({k}, {b}).sum()", "torch.arange({k} * 2).reshape(2, {k})",
            "torch.tensor(new double[]{{{a}, {b}, 0.5}}).exp()", "torch.manualSeed({b});\ntorch.rand(2, {k})",
            "var w{n} = torch.ones(new int[]{{{k}}}, true);\nw{n}.mul({b}).sum().backward();\nw{n}.grad()",
            "torch.zeros({k}, {k}).add({a}).mean()", "torch.eye({k}).matmul(torch.ones({k}, 2))",
            "display(torch.ones({k}));", "var id{n} = display({w});\nupdateDisplay(id{n}, \"changed\");",
            "torch.ones(2, {k}).shape()", "torch.randn({k}).softmax(0).sum().item()",
            "new nn.Linear({k}, {b}).forward(torch.ones(1, {k})).shape()",
        ])
        return Cell("tensor", code, OK)

    def op_case(self):
        case = self.ops.case(self.n)
        return Cell("op:" + case["family"], java_of_case(case), ANY)

    def compile_error(self):
        code = self.pick([
            "int x{n} = {w};", "undefinedVariable{n} + 1", "torch.noSuchMethod{n}()", "String s{n} = 1 +;",
            "int f{n}() {{ }}", "Object o{n} = new Object();\no{n}.foo();", "List<int> l{n};",
            "break;", "1 +* 2", "\"unterminated", "}}}}", "int[] a = {{1,;",
            "'ab'", "class {k}X {{}}", "int 9x = 1;", "/exit", "/reset", "torch.ones(2).add(\"s\")",
            "var v{n};", "import no.such.Package;",
        ])
        return Cell("compile-error", code, ERROR)

    def mutated(self):
        code = self.valid().code if self.rng.random() < 0.5 else self.tensor_valid().code
        for _ in range(self.rng.randint(1, 3)):
            if not code:
                break
            i = self.rng.randrange(len(code))
            op = self.rng.random()
            if op < 0.4:
                code = code[:i] + code[i + 1:]
            elif op < 0.8:
                code = code[:i] + self.rng.choice('{}()[];"\'`\\@#<>=+*/%\n') + code[i:]
            else:
                code = code[:i]
        return Cell("mutated", code, ANY)

    def runtime_error(self):
        code = self.pick([
            "1 / 0", "int[] a{n} = new int[2];\na{n}[{k} + 2]", "Object o{n} = {w};\nInteger i{n} = (Integer) o{n};",
            "String s{n} = null;\ns{n}.length()", "Integer.parseInt({w})", "throw new RuntimeException({w});",
            "throw new RuntimeException((String) null);", "throw new Error(\"custom error\");",
            "throw new IllegalStateException(\"x\".repeat(200_000));",
            "var e1 = new RuntimeException(\"a\");\nvar e2 = new RuntimeException(\"b\", e1);\ne1.initCause(e2);\nthrow e1;",
            "throw new RuntimeException() {{ public String getMessage() {{ throw new IllegalStateException(\"nested\"); }} }};",
            "new Object() {{ public String toString() {{ throw new RuntimeException(\"toString threw\"); }} }}",
            "new Object() {{ public String toString() {{ return null; }} }}",
            "Class.forName(\"no.such.Clazz{n}\")", "List.of(1).add(2)", "Thread.sleep(-1);",
            "var l{n} = new ArrayList<>(List.of(1, 2, 3));\nfor (var x : l{n}) l{n}.remove(x);",
            "torch.ones(2, 3).matmul(torch.ones(2, 3))", "torch.ones(2).view(3)", "torch.zeros(200000, 200000)",
            "torch.ones(2, 2).index(\"5\")", "torch.tensor(1.0).backward();\ntorch.tensor(1.0).grad().data()",
            "long[] huge{n} = new long[Integer.MAX_VALUE - 8];", "\"a\".repeat(Integer.MAX_VALUE)",
        ])
        return Cell("runtime-error", code, ERROR if "toString" not in code else ANY)

    def recursion(self):
        code = self.pick([
            "int d{n}(int k) {{ return d{n}(k + 1) + 1; }}\nd{n}(0)",
            "class Rec{n} {{ public String toString() {{ return \"r\" + this; }} }}\nnew Rec{n}()",
            "java.util.function.IntUnaryOperator[] f{n} = new java.util.function.IntUnaryOperator[1];\n"
            "f{n}[0] = x -> f{n}[0].applyAsInt(x + 1);\nf{n}[0].applyAsInt(0)",
            "var l{n} = new ArrayList<Object>();\nvar m{n} = new ArrayList<Object>();\nl{n}.add(m{n});\nm{n}.add(l{n});\nl{n}.hashCode()",
        ])
        return Cell("recursion", code, ANY)

    def huge(self):
        code = self.pick([
            "\"x\".repeat(2_000_000)", "print(\"y\".repeat(1_000_000));",
            "for (int i = 0; i < 20_000; i++) System.out.println(i);", "torch.ones(3000, 3)",
            "new int[100_000]", "String.join(\",\", Collections.nCopies(100_000, \"z\"))",
        ])
        return Cell("huge", code, OK)

    def unicode(self):
        code = self.pick([
            "\"héllo wörld ✓ 😀 \\u0000 \\uFEFF\"", "var ĉapelo{n} = 1;\nĉapelo{n} + 1", "\"\\uD800\"",
            "print(\"\\uDC00x\");", "throw new RuntimeException(\"\\uD800 bad surrogate\");", "{w}",
            "// 🚀 comment\n{a}", "\"tab\\tand\\r\\ncrlf\"", "int \u00e9t\u00e9{n} = 2;\n\u00e9t\u00e9{n}",
            "\"zero\u0000byte\"", "print(\"e\u0301 \u202eRTL\");", "1 +\r\n2", "/* unclosed comment", "{{{{",
        ])
        return Cell("unicode", code, ANY)

    def threads(self):
        code = self.pick([
            "new Thread(() -> print(\"late\")).start();",
            "var t{n} = new Thread(() -> {{ throw new RuntimeException(\"in thread\"); }});\nt{n}.start();\nt{n}.join();",
            "Executors.newFixedThreadPool(2).submit(() -> {k}).get()",
            "Thread.currentThread().interrupt();", "Thread.currentThread().setName(\"renamed{n}\");",
            "IntStream.range(0, 100_000).parallel().sum()",
            "new Thread(() -> {{ long e = System.nanoTime() + 300_000_000L; while (System.nanoTime() < e) {{}} }}).start();",
            "var d{n} = new Thread(() -> {{ try {{ Thread.sleep(600_000); }} catch (InterruptedException e) {{}} }});\n"
            "d{n}.setDaemon(true);\nd{n}.start();",
        ])
        return Cell("threads", code, ANY)

    def exits(self):
        code = self.pick([
            "System.exit({k});", "Runtime.getRuntime().exit({k});", "Runtime.getRuntime().halt({k});",
            "System.class.getMethod(\"exit\", int.class).invoke(null, {k});",
            "Runtime.class.getMethod(\"halt\", int.class).invoke(Runtime.getRuntime(), {k});",
            "Class.forName(\"java.lang.Runtime\").getMethod(\"exit\", int.class).invoke(Runtime.getRuntime(), {k});",
            "java.lang.invoke.MethodHandles.lookup().findStatic(System.class, \"exit\", "
            "java.lang.invoke.MethodType.methodType(void.class, int.class)).invoke({k});",
            "class Boom{n} {{ static {{ System.exit({k}); }} }}\nnew Boom{n}();",
            "new Thread(() -> System.exit({k})).start();",
            "new Thread(() -> {{ try {{ Runtime.class.getMethod(\"halt\", int.class).invoke(Runtime.getRuntime(), {k}); }} "
            "catch (Exception e) {{}} }}).start();",
            "ProcessHandle.current().destroy();", "ProcessHandle.current().destroyForcibly();",
            "Runtime.getRuntime().addShutdownHook(new Thread(() -> {{}}));",
        ])
        return Cell("exit", code, ANY)

    def state(self):
        code = self.pick([
            "System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));",
            "System.setErr(null);", "System.setIn(new java.io.ByteArrayInputStream(new byte[0]));",
            "Locale.setDefault(new Locale(\"tr\", \"TR\"));", "Locale.setDefault(Locale.GERMANY);",
            "TimeZone.setDefault(TimeZone.getTimeZone(\"Asia/Kolkata\"));",
            "System.setProperty(\"line.separator\", \"\\r\\n\");", "torch.setDefaultDtype(torch.float64);",
            "torch.setNumThreads({k});", "torch.setNumThreads(-{k});", "jtorch.Interrupts.request();",
            "Thread.setDefaultUncaughtExceptionHandler((t, e) -> {{}});", "System.gc();",
            "System.setSecurityManager(new SecurityManager());", "Thread.currentThread().setContextClassLoader(null);",
        ])
        return Cell("state", code, ANY)

    def magics(self):
        code = self.pick([
            "%time {a} + {b}", "%whos", "%%time\n{a} * {b}", "%classpath /no/such/dir", "%jars /no/*.jar",
            "%nosuchmagic", "?torch.zeros", "torch.ones?", "??nosuch{n}", "%time System.exit(1);", "%%time\n1 / 0",
            "?", "%", "%%", "%time", "%time while (false) {{}}",
        ])
        return Cell("magic", code, ANY)

    def long_running(self):
        code = self.pick([
            "while (true) {{}}", "long n{n} = 0;\nwhile (true) {{ n{n}++; }}", "Thread.sleep(60_000);",
            "for (;;) torch.ones(200, 200).matmul(torch.ones(200, 200));",
            "new java.util.concurrent.CountDownLatch(1).await();", "java.util.concurrent.locks.LockSupport.park();",
            "Object lock{n} = new Object();\nsynchronized (lock{n}) {{ lock{n}.wait(); }}",
            "var big{n} = torch.ones(1500, 1500);\nbig{n}.matmul(big{n}).sum()",
            "torch.rand(3_000_000).sort()", "int r{n}(int k) {{ return k == 0 ? 0 : r{n}(k - 1) + r{n}(k - 1); }}\nr{n}(40)",
            "{a} + {b}",
        ])
        return Cell("interrupt", code, ANY, interrupt=True)
