#!/usr/bin/env python3
"""Shows how PyTorch's own memory-bound rate moves over time on this machine: an in-place add of
two 16M float32 tensors, back to back for a few seconds, printed as the median time per call of
each 200 ms stretch. On the project's AMD EPYC VM the 2-thread rate switched between two levels
every few seconds (tensor-core/BENCHMARKS.md, "Two rates of memory bandwidth"), which is why
compare.py has --rounds.

Usage: /usr/bin/python3 benchmarks/bandwidth_modes.py [--threads 2] [--seconds 6]
"""
import argparse
import statistics
import time

import torch


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seconds", type=float, default=6.0)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    x = torch.ones(16 << 20)
    y = torch.full((16 << 20,), 1e-9)
    times, stretch, start = [], [], time.perf_counter()
    stretch_start = start
    while time.perf_counter() - start < a.seconds:
        t0 = time.perf_counter()
        x.add_(y)
        t1 = time.perf_counter()
        stretch.append((t1 - t0) * 1e3)
        if t1 - stretch_start >= 0.2:
            times.append(statistics.median(stretch))
            stretch, stretch_start = [], t1
    print(f"add_ of 16M float32 on {a.threads} thread(s), ms per call, median of each 200 ms:")
    print(" ".join(f"{t:.2f}" for t in times))


if __name__ == "__main__":
    main()
