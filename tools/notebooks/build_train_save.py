#!/usr/bin/python3
"""Writes the third course notebook and its PyTorch twin from one list of cells.

Usage (from the repository root):

    /usr/bin/python3 tools/notebooks/build_train_save.py

writes notebooks/build-train-save.ipynb (Java, jtorch kernel) and
notebooks/pytorch/build-train-save.ipynb (the same lesson in PyTorch, python3 kernel), both
without outputs; execute them with `jupyter nbconvert --to notebook --execute --inplace` (see
notebooks/README.md). Each lesson step is one (markdown, PyTorch, Java) triple, so the two
notebooks have the same cells in the same order and notebooks/tests compares their outputs.
The lesson follows PyTorch's beginner "Build the Neural Network", "Optimizing Model
Parameters" and "Save and Load the Model" pages, with a small synthetic dataset made in the
notebook instead of downloading FashionMNIST.
"""
import os

import nbformat

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
NAME = "build-train-save.ipynb"

STEPS = [
    ("# Build, train and save a model\n\n"
     "PyTorch's beginner lessons *Build the Neural Network*, *Optimizing Model Parameters* and "
     "*Save and Load the Model*, line for line in Java. Instead of downloading FashionMNIST, the "
     "notebook makes a small dataset of 28x28 \"images\" of ten classes (`torch.manualSeed` makes "
     "every number here PyTorch's own; the PyTorch twin of this notebook is "
     "`pytorch/build-train-save.ipynb`).",
     "import torch\nfrom torch import nn\nfrom torch.utils.data import DataLoader, TensorDataset",
     "import jtorch.utils.data.*;"),
    ("## Get a device for training\n\nJTorch runs on the CPU; the check reads as in PyTorch.",
     'device = "cuda" if torch.cuda.is_available() else "mps" if torch.backends.mps.is_available() else "cpu"\n'
     'print(f"Using {device} device")',
     'var device = torch.cuda.isAvailable() ? "cuda" : torch.backends.mps.isAvailable() ? "mps" : "cpu";\n'
     'print("Using " + device + " device");'),
    ("## Define the class\n\nA model is a subclass of `nn.Module`: its layers are fields, `forward` says "
     "how data flows through them.",
     "class NeuralNetwork(nn.Module):\n"
     "    def __init__(self):\n"
     "        super().__init__()\n"
     "        self.flatten = nn.Flatten()\n"
     "        self.linear_relu_stack = nn.Sequential(\n"
     "            nn.Linear(28*28, 512),\n"
     "            nn.ReLU(),\n"
     "            nn.Linear(512, 512),\n"
     "            nn.ReLU(),\n"
     "            nn.Linear(512, 10),\n"
     "        )\n\n"
     "    def forward(self, x):\n"
     "        x = self.flatten(x)\n"
     "        logits = self.linear_relu_stack(x)\n"
     "        return logits",
     "class NeuralNetwork extends nn.Module {\n"
     "    nn.Flatten flatten = new nn.Flatten();\n"
     "    nn.Sequential linear_relu_stack = new nn.Sequential(\n"
     "        new nn.Linear(28*28, 512),\n"
     "        new nn.ReLU(),\n"
     "        new nn.Linear(512, 512),\n"
     "        new nn.ReLU(),\n"
     "        new nn.Linear(512, 10)\n"
     "    );\n\n"
     "    public Tensor forward(Tensor x) {\n"
     "        x = flatten.forward(x);\n"
     "        var logits = linear_relu_stack.forward(x);\n"
     "        return logits;\n"
     "    }\n"
     "}"),
    ("An instance, moved to the device, prints its structure:",
     "torch.manual_seed(0)\nmodel = NeuralNetwork().to(device)\nprint(model)",
     "torch.manualSeed(0);\nNeuralNetwork model = new NeuralNetwork().to(device);\nprint(model);"),
    ("Calling the model on data returns 10 raw scores per sample; `nn.Softmax` turns them into "
     "probabilities.",
     "X = torch.rand(1, 28, 28, device=device)\nlogits = model(X)\npred_probab = nn.Softmax(dim=1)(logits)\n"
     "y_pred = pred_probab.argmax(1)\nprint(f\"Predicted class: {y_pred}\")",
     "var X = torch.rand(new int[]{1, 28, 28}, device);\nvar logits = model.forward(X);\n"
     "var pred_probab = new nn.Softmax(1).forward(logits);\nvar y_pred = pred_probab.argmax(1);\n"
     "print(\"Predicted class: \" + y_pred);"),
    ("## Model layers\n\nA minibatch of 3 images of 28x28:",
     "input_image = torch.rand(3,28,28)\nprint(input_image.size())",
     "var input_image = torch.rand(3, 28, 28);\nprint(input_image.size());"),
    ("`nn.Flatten` turns each 28x28 image into 784 values (the batch dimension stays):",
     "flatten = nn.Flatten()\nflat_image = flatten(input_image)\nprint(flat_image.size())",
     "var flatten = new nn.Flatten();\nvar flat_image = flatten.forward(input_image);\nprint(flat_image.size());"),
    ("`nn.Linear` applies a linear transformation with its stored weights and biases:",
     "layer1 = nn.Linear(in_features=28*28, out_features=20)\nhidden1 = layer1(flat_image)\nprint(hidden1.size())",
     "var layer1 = new nn.Linear(28*28, 20);\nvar hidden1 = layer1.forward(flat_image);\nprint(hidden1.size());"),
    ("`nn.ReLU` is the non-linearity between the linear layers:",
     "print(f\"Before ReLU: {hidden1}\\n\\n\")\nhidden1 = nn.ReLU()(hidden1)\nprint(f\"After ReLU: {hidden1}\")",
     "print(\"Before ReLU: \" + hidden1 + \"\\n\\n\");\nhidden1 = new nn.ReLU().forward(hidden1);\n"
     "print(\"After ReLU: \" + hidden1);"),
    ("`nn.Sequential` chains modules; `nn.Softmax(dim=1)` scales the last layer's logits to [0, 1]:",
     "seq_modules = nn.Sequential(\n    flatten,\n    layer1,\n    nn.ReLU(),\n    nn.Linear(20, 10)\n)\n"
     "input_image = torch.rand(3,28,28)\nlogits = seq_modules(input_image)\nsoftmax = nn.Softmax(dim=1)\n"
     "pred_probab = softmax(logits)\nprint(pred_probab.sum(1))",
     "var seq_modules = new nn.Sequential(\n    flatten,\n    layer1,\n    new nn.ReLU(),\n    new nn.Linear(20, 10)\n);\n"
     "input_image = torch.rand(3, 28, 28);\nlogits = seq_modules.forward(input_image);\nvar softmax = new nn.Softmax(1);\n"
     "pred_probab = softmax.forward(logits);\nprint(pred_probab.sum(1));"),
    ("## Model parameters\n\nEvery layer's weights and biases, by name:",
     "print(f\"Model structure: {model}\\n\\n\")\n\nfor name, param in model.named_parameters():\n"
     "    print(f\"Layer: {name} | Size: {param.size()} | Values : {param[:2]} \\n\")",
     "print(\"Model structure: \" + model + \"\\n\\n\");\n\nfor (var e : model.namedParameters().entrySet()) {\n"
     "    var name = e.getKey();\n    var param = e.getValue();\n"
     "    print(\"Layer: \" + name + \" | Size: \" + param.size() + \" | Values : \" + param.index(\":2\") + \" \\n\");\n}"),
    ("# Optimizing the model parameters\n\nThe data: 600 samples of 10 classes, each class a cloud of "
     "points around its own random center, shaped as 28x28 images; 500 for training, 100 for testing.",
     "torch.manual_seed(0)\ncenters = torch.randn(10, 28, 28)\nlabels = torch.randint(0, 10, (600,))\n"
     "images = centers[labels] + 2 * torch.randn(600, 28, 28)\n"
     "training_data = TensorDataset(images[:500], labels[:500])\ntest_data = TensorDataset(images[500:], labels[500:])\n"
     "print(len(training_data), len(test_data), training_data[0][0].shape, training_data[0][1])",
     "torch.manualSeed(0);\nvar centers = torch.randn(10, 28, 28);\nvar labels = torch.randint(0, 10, new int[]{600});\n"
     "var images = centers.index(labels).add(torch.randn(600, 28, 28).mul(2));\n"
     "var training_data = new TensorDataset(images.index(\":500\"), labels.index(\":500\"));\n"
     "var test_data = new TensorDataset(images.index(\"500:\"), labels.index(\"500:\"));\n"
     "print(training_data.len(), test_data.len(), training_data.get(0).get(0).shape(), training_data.get(0).get(1));"),
    ("Hyperparameters, the data loaders (shuffled batches of 64 for training) and a fresh model:",
     "learning_rate = 1e-2\nbatch_size = 64\nepochs = 3\n\n"
     "train_dataloader = DataLoader(training_data, batch_size=batch_size, shuffle=True)\n"
     "test_dataloader = DataLoader(test_data, batch_size=batch_size)\n"
     "torch.manual_seed(0)\nmodel = NeuralNetwork()",
     "var learning_rate = 1e-2;\nvar batch_size = 64;\nvar epochs = 3;\n\n"
     "var train_dataloader = new DataLoader<>(training_data, batch_size, true);\n"
     "var test_dataloader = new DataLoader<>(test_data, batch_size);\n"
     "torch.manualSeed(0);\nmodel = new NeuralNetwork();"),
    ("The loss function and the optimizer:",
     "loss_fn = nn.CrossEntropyLoss()\noptimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)",
     "var loss_fn = new nn.CrossEntropyLoss();\nvar optimizer = new optim.SGD(model.parameters(), learning_rate);"),
    ("The training loop optimizes on each batch; the test loop measures the model on the test data:",
     "def train_loop(dataloader, model, loss_fn, optimizer):\n"
     "    size = len(dataloader.dataset)\n"
     "    model.train()\n"
     "    for batch, (X, y) in enumerate(dataloader):\n"
     "        pred = model(X)\n"
     "        loss = loss_fn(pred, y)\n\n"
     "        loss.backward()\n"
     "        optimizer.step()\n"
     "        optimizer.zero_grad()\n\n"
     "        if batch % 4 == 0:\n"
     "            loss, current = loss.item(), batch * batch_size + len(X)\n"
     "            print(f\"loss: {loss:>7f}  [{current:>5d}/{size:>5d}]\")\n\n\n"
     "def test_loop(dataloader, model, loss_fn):\n"
     "    model.eval()\n"
     "    size = len(dataloader.dataset)\n"
     "    num_batches = len(dataloader)\n"
     "    test_loss, correct = 0, 0\n\n"
     "    with torch.no_grad():\n"
     "        for X, y in dataloader:\n"
     "            pred = model(X)\n"
     "            test_loss += loss_fn(pred, y).item()\n"
     "            correct += (pred.argmax(1) == y).type(torch.float).sum().item()\n\n"
     "    test_loss /= num_batches\n"
     "    correct /= size\n"
     "    print(f\"Test Error: \\n Accuracy: {(100*correct):>0.1f}%, Avg loss: {test_loss:>8f} \\n\")",
     "void train_loop(DataLoader<TensorList> dataloader, nn.Module model, nn.CrossEntropyLoss loss_fn, optim.Optimizer optimizer) {\n"
     "    var size = dataloader.dataset().len();\n"
     "    model.train();\n"
     "    var batch = 0;\n"
     "    for (var Xy : dataloader) {\n"
     "        var X = Xy.get(0);\n"
     "        var y = Xy.get(1);\n"
     "        var pred = model.forward(X);\n"
     "        var loss = loss_fn.forward(pred, y);\n\n"
     "        loss.backward();\n"
     "        optimizer.step();\n"
     "        optimizer.zeroGrad();\n\n"
     "        if (batch % 4 == 0) {\n"
     "            var current = batch * batch_size + X.len();\n"
     "            print(String.format(\"loss: %7f  [%5d/%5d]\", loss.doubleValue(), current, size));\n"
     "        }\n"
     "        batch++;\n"
     "    }\n"
     "}\n\n"
     "void test_loop(DataLoader<TensorList> dataloader, nn.Module model, nn.CrossEntropyLoss loss_fn) {\n"
     "    model.eval();\n"
     "    var size = dataloader.dataset().len();\n"
     "    var num_batches = dataloader.len();\n"
     "    double test_loss = 0, correct = 0;\n\n"
     "    try (var ignored = torch.noGrad()) {\n"
     "        for (var Xy : dataloader) {\n"
     "            var pred = model.forward(Xy.get(0));\n"
     "            test_loss += loss_fn.forward(pred, Xy.get(1)).doubleValue();\n"
     "            correct += pred.argmax(1).eq(Xy.get(1)).to(torch.float_).sum().doubleValue();\n"
     "        }\n"
     "    }\n\n"
     "    test_loss /= num_batches;\n"
     "    correct /= size;\n"
     "    print(String.format(\"Test Error: %n Accuracy: %.1f%%, Avg loss: %8f %n\", 100 * correct, test_loss));\n"
     "}"),
    ("Train for a few epochs:",
     "for t in range(epochs):\n"
     "    print(f\"Epoch {t+1}\\n-------------------------------\")\n"
     "    train_loop(train_dataloader, model, loss_fn, optimizer)\n"
     "    test_loop(test_dataloader, model, loss_fn)\n"
     "print(\"Done!\")",
     "for (var t = 0; t < epochs; t++) {\n"
     "    print(\"Epoch \" + (t + 1) + \"\\n-------------------------------\");\n"
     "    train_loop(train_dataloader, model, loss_fn, optimizer);\n"
     "    test_loop(test_dataloader, model, loss_fn);\n"
     "}\n"
     "print(\"Done!\");"),
    ("# Save and load the model\n\nThe learned parameters live in the model's state dict; `torch.save` "
     "writes it in PyTorch's own file format (a PyTorch program can load this file, and the other way "
     "round):",
     "torch.save(model.state_dict(), 'model_weights.pth')",
     "torch.save(model.stateDict(), \"model_weights.pth\");"),
    ("A new instance of the same class loads the weights; `eval()` sets layers such as dropout and "
     "batch normalization to evaluation mode:",
     "model2 = NeuralNetwork()\nprint(model2.load_state_dict(torch.load('model_weights.pth')))\nmodel2.eval()",
     "var model2 = new NeuralNetwork();\nprint(model2.loadStateDict(torch.load(\"model_weights.pth\")));\nmodel2.eval()"),
    ("The loaded model predicts exactly what the trained one does:",
     "X = test_data[0:5][0]\nprint(torch.equal(model(X), model2(X)), model2(X).argmax(1), test_data[0:5][1])",
     "var X5 = images.index(\"500:505\");\n"
     "print(torch.equal(model.forward(X5), model2.forward(X5)), model2.forward(X5).argmax(1), labels.index(\"500:505\"));"),
    ("Its class scores for the first test sample, as probabilities:",
     "nn.Softmax(dim=1)(model2(X[:1]))",
     "new nn.Softmax(1).forward(model2.forward(X5.index(\":1\")))"),
]


def notebook(code_index, kernel):
    cells = []
    for markdown, python, java in STEPS:
        cells.append(nbformat.v4.new_markdown_cell(markdown))
        cells.append(nbformat.v4.new_code_cell((python, java)[code_index]))
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = kernel
    return nb


def main():
    java = notebook(1, {"name": "jtorch", "display_name": "Java (JTorch)", "language": "java"})
    python = notebook(0, {"name": "python3", "display_name": "Python 3", "language": "python"})
    os.makedirs(os.path.join(ROOT, "notebooks", "pytorch"), exist_ok=True)
    nbformat.write(java, os.path.join(ROOT, "notebooks", NAME))
    nbformat.write(python, os.path.join(ROOT, "notebooks", "pytorch", NAME))


if __name__ == "__main__":
    main()
