"""The cells the kernel benchmark times: each in Java (jtorch kernel) and in Python (ipykernel +
torch), the same computation, the way a notebook user writes it.

A Cell has an untimed `setup` (run once per kernel, before the warm-up run) and the timed `code`.
`heavy` cells are timed fewer times (see bench_kernel.py --heavy-runs).
"""
from collections import namedtuple

Cell = namedtuple("Cell", "key title java python java_setup python_setup heavy")

# The course's autograd cell (notebooks/pytorch-basics.ipynb, autograd-and-training.ipynb).
AUTOGRAD_JAVA = """var x1 = torch.tensor(1.0, true);
var x2 = torch.tensor(2.0, true);
var y = x1.add(torch.mul(2, x2));
y.backward();
x1.grad()"""
AUTOGRAD_PY = """x1 = torch.tensor(1.0, requires_grad=True)
x2 = torch.tensor(2.0, requires_grad=True)
y = x1 + 2 * x2
y.backward()
x1.grad"""

MLP_SETUP_JAVA = """torch.manualSeed(0);
var model = new nn.Sequential(new nn.Linear(784, 256), new nn.ReLU(), new nn.Linear(256, 10));
var mlpOpt = new optim.SGD(model.parameters(), 0.01);
var images = torch.randn(64, 784);
var labels = torch.randint(0, 10, new int[]{64});"""
MLP_SETUP_PY = """torch.manual_seed(0)
model = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 10))
mlp_opt = torch.optim.SGD(model.parameters(), lr=0.01)
images = torch.randn(64, 784)
labels = torch.randint(0, 10, (64,))"""
MLP_JAVA = """for (int step = 0; step < 100; step++) {
    mlpOpt.zeroGrad();
    var loss = nn.functional.crossEntropy(model.forward(images), labels);
    loss.backward();
    mlpOpt.step();
}"""
MLP_PY = """for step in range(100):
    mlp_opt.zero_grad()
    loss = torch.nn.functional.cross_entropy(model(images), labels)
    loss.backward()
    mlp_opt.step()"""

MATMUL_SETUP_JAVA = "var ma = torch.rand(1024, 1024);\nvar mb = torch.rand(1024, 1024);"
MATMUL_SETUP_PY = "ma = torch.rand(1024, 1024)\nmb = torch.rand(1024, 1024)"
MATMUL1_JAVA = "ma.matmul(mb);"
MATMUL1_PY = "ma.matmul(mb);"

# 5 var declarations, the shape of the course's cells; re-running it re-declares them all.
VARS_JAVA = """var k = torch.rand(2, 3);
var l = torch.ones(2, 3);
var m = torch.zeros(2, 3);
var n = torch.arange(0, 10, 2);
var o = torch.add(k, l);"""
VARS_PY = """k = torch.rand(2, 3)
l = torch.ones(2, 3)
m = torch.zeros(2, 3)
n = torch.arange(0, 10, 2)
o = torch.add(k, l)"""

METHOD_RECORD_JAVA = """record Point(double x, double y) {}
double norm(Point p) {
    return Math.sqrt(p.x() * p.x() + p.y() * p.y());
}
norm(new Point(3, 4))"""
METHOD_RECORD_PY = """from dataclasses import dataclass
import math
@dataclass
class Point:
    x: float
    y: float
def norm(p):
    return math.sqrt(p.x * p.x + p.y * p.y)
norm(Point(3, 4))"""

# The course's linear regression (notebooks/autograd-and-training.ipynb) without its SVG chart.
LINREG_SETUP_JAVA = """torch.manualSeed(0);
var X = torch.linspace(-1, 1, 20).view(-1, 1);
var Y = X.mul(3).add(2).add(torch.randn(20, 1).mul(0.1));
var w = torch.zeros(new int[]{1}, true);
var b = torch.zeros(new int[]{1}, true);
var optimizer = new optim.SGD(List.of(w, b), 0.1);"""
LINREG_SETUP_PY = """torch.manual_seed(0)
X = torch.linspace(-1, 1, 20).view(-1, 1)
Y = X * 3 + 2 + torch.randn(20, 1) * 0.1
w = torch.zeros(1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
optimizer = torch.optim.SGD([w, b], lr=0.1)"""
LINREG_JAVA = """int epochs = 100;
var losses = new ArrayList<Double>();
for (int epoch = 1; epoch <= epochs; epoch++) {
    optimizer.zeroGrad();
    var loss = X.mul(w).add(b).sub(Y).pow(2).mean();
    loss.backward();
    optimizer.step();
    losses.add(loss.doubleValue());
    if (epoch % 25 == 0) {
        print("epoch", epoch, "loss", String.format(Locale.ROOT, "%.4f", loss.doubleValue()));
    }
}
print(w, b);"""
LINREG_PY = """epochs = 100
losses = []
for epoch in range(1, epochs + 1):
    optimizer.zero_grad()
    loss = (X * w + b - Y).pow(2).mean()
    loss.backward()
    optimizer.step()
    losses.append(loss.item())
    if epoch % 25 == 0:
        print("epoch", epoch, "loss", "%.4f" % loss.item())
print(w, b)"""

CELLS = [
    Cell("one_plus_one", "`1 + 1`", "1 + 1", "1 + 1", None, None, False),
    Cell("autograd", "course autograd cell (declare x1, x2, y; backward; x1.grad)",
         AUTOGRAD_JAVA, AUTOGRAD_PY, None, None, False),
    Cell("redeclare_vars", "re-run of a cell declaring 5 `var`s", VARS_JAVA, VARS_PY, None, None, False),
    Cell("method_record", "cell declaring a method and a record", METHOD_RECORD_JAVA, METHOD_RECORD_PY,
         None, None, False),
    Cell("print_30x30", "print a 30x30 tensor", "print(t30);", "print(t30)",
         "torch.manualSeed(0);\nvar t30 = torch.rand(30, 30);", "torch.manual_seed(0)\nt30 = torch.rand(30, 30)",
         False),
    Cell("linreg", "course linear regression, 100 epochs", LINREG_JAVA, LINREG_PY,
         LINREG_SETUP_JAVA, LINREG_SETUP_PY, False),
    Cell("mlp", "100 SGD steps, MLP 784-256-10, batch 64, cross-entropy", MLP_JAVA, MLP_PY,
         MLP_SETUP_JAVA, MLP_SETUP_PY, True),
    Cell("matmul1", "1 x matmul 1024x1024 float32 (steady)", MATMUL1_JAVA, MATMUL1_PY,
         MATMUL_SETUP_JAVA, MATMUL_SETUP_PY, True),
    Cell("matmul5", "5 x matmul 1024x1024 float32",
         "for (int i = 0; i < 5; i++) {\n    ma.matmul(mb);\n}", "for i in range(5):\n    ma.matmul(mb)",
         MATMUL_SETUP_JAVA, MATMUL_SETUP_PY, True),
    Cell("exp_sum", "5 x big.exp().sum(), 4096x4096 float32",
         "for (int i = 0; i < 5; i++) {\n    big.exp().sum();\n}", "for i in range(5):\n    big.exp().sum()",
         "var big = torch.rand(4096, 4096);", "big = torch.rand(4096, 4096)", True),
]

# Fresh-kernel cells: the first tensor result (jtorch imports jtorch.* in every session; the
# ipykernel cell includes `import torch`, as a notebook's first cell does).
FIRST_RESULT_JAVA = "torch.ones(3, 3).add(1)"
FIRST_RESULT_PY = "import torch\ntorch.ones(3, 3).add(1)"
FIRST_MATMUL_SETUP_PY = "import torch\n" + MATMUL_SETUP_PY
FIRST_MLP_SETUP_PY = "import torch\n" + MLP_SETUP_PY
