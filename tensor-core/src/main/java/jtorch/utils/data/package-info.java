/**
 * {@code torch.utils.data}: datasets ({@link jtorch.utils.data.Dataset},
 * {@link jtorch.utils.data.TensorDataset}) and the {@link jtorch.utils.data.DataLoader} that
 * batches them, with PyTorch's seeded shuffling. {@code from torch.utils.data import DataLoader,
 * TensorDataset} reads {@code import jtorch.utils.data.*;}.
 */
package jtorch.utils.data;
