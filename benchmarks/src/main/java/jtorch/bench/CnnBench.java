package jtorch.bench;

import jtorch.GradMode;
import jtorch.Tensor;
import jtorch.nn;
import jtorch.optim;
import jtorch.torch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * The layers of a small MNIST CNN on a batch of 64 (1x28x28): conv 1->32 3x3, ReLU, max-pool 2,
 * conv 32->64 3x3, ReLU, max-pool 2, linear 1600->10. Cases: the first and second convolution's
 * forward, the second's forward and backward, batch norm of its output in training mode (forward,
 * and forward and backward), and a whole SGD training step. Beside them, layer norm over the last
 * dimension of a 32x128x512 block (a transformer's activations), forward, and forward and backward.
 */
public class CnnBench extends BenchBase {
    Tensor images;
    Tensor labels;
    Tensor hidden;
    Tensor features;
    nn.Conv2d conv1;
    nn.Conv2d conv2;
    nn.BatchNorm2d norm;
    Tensor tokens;
    nn.LayerNorm layerNorm;
    nn.Sequential model;
    optim.SGD sgd;

    @Setup
    public void data() {
        images = torch.randn(64, 1, 28, 28);
        labels = torch.randint(0, 10, new int[] {64});
        hidden = torch.randn(64, 32, 13, 13);
        features = torch.randn(64, 64, 11, 11);
        conv1 = new nn.Conv2d(1, 32, 3);
        conv2 = new nn.Conv2d(32, 64, 3);
        norm = new nn.BatchNorm2d(64);
        model = new nn.Sequential(new nn.Conv2d(1, 32, 3), new nn.ReLU(), new nn.MaxPool2d(2),
                new nn.Conv2d(32, 64, 3), new nn.ReLU(), new nn.MaxPool2d(2), new nn.Flatten(),
                new nn.Linear(1600, 10));
        sgd = new optim.SGD(model.parameters(), 0.01, 0.9);
        tokens = torch.randn(32, 128, 512);
        layerNorm = new nn.LayerNorm(512);
    }

    @Benchmark
    public Tensor conv2d_f32_b64_1x28x28_k3_32() {
        try (GradMode ignored = torch.noGrad()) {
            return conv1.forward(images);
        }
    }

    @Benchmark
    public Tensor conv2d_f32_b64_32x13x13_k3_64() {
        try (GradMode ignored = torch.noGrad()) {
            return conv2.forward(hidden);
        }
    }

    @Benchmark
    public Tensor conv2d_fwd_bwd_f32_b64_32x13x13_k3_64() {
        conv2.zeroGrad(true);
        Tensor x = hidden.detach().requiresGrad_();
        Tensor y = conv2.forward(x);
        y.sum().backward();
        return x.grad();
    }

    @Benchmark
    public Tensor batch_norm2d_train_f32_b64_64x11x11() {
        try (GradMode ignored = torch.noGrad()) {
            return norm.forward(features);
        }
    }

    @Benchmark
    public Tensor batch_norm2d_fwd_bwd_f32_b64_64x11x11() {
        norm.zeroGrad(true);
        Tensor x = features.detach().requiresGrad_();
        norm.forward(x).sum().backward();
        return x.grad();
    }

    @Benchmark
    public Tensor layer_norm_f32_32x128x512() {
        try (GradMode ignored = torch.noGrad()) {
            return layerNorm.forward(tokens);
        }
    }

    @Benchmark
    public Tensor layer_norm_fwd_bwd_f32_32x128x512() {
        layerNorm.zeroGrad(true);
        Tensor x = tokens.detach().requiresGrad_();
        layerNorm.forward(x).sum().backward();
        return x.grad();
    }

    @Benchmark
    public Tensor cnn_step_mnist_b64_sgd() {
        sgd.zeroGrad();
        Tensor loss = nn.functional.crossEntropy(model.forward(images), labels);
        loss.backward();
        sgd.step();
        return loss;
    }
}
