#!/usr/bin/env python3
"""Draws the JTorch kernel logos (logo-32x32.png, logo-64x64.png) with the standard library only.

The mark: an orange disc (PyTorch's flame colour) carrying a white "J" whose hook ends in a dot.
Shapes are signed-distance tests sampled 4x4 per pixel for smooth edges. Run it from anywhere;
it writes the PNGs next to itself.
"""
import math
import pathlib
import struct
import zlib

ORANGE = (238, 76, 44)
WHITE = (255, 255, 255)
SAMPLES = 4


def segment_distance(px, py, ax, ay, bx, by):
    """Distance from point p to the segment a-b."""
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def in_letter(x, y):
    """The white J on a unit square (0..1, y down): a stem, a hook arc and a round tip."""
    stroke = 0.075
    if segment_distance(x, y, 0.60, 0.24, 0.60, 0.58) <= stroke:
        return True
    cx, cy, radius = 0.45, 0.58, 0.15
    angle = math.atan2(y - cy, x - cx)
    if 0.0 <= angle <= math.pi and abs(math.hypot(x - cx, y - cy) - radius) <= stroke:
        return True
    return math.hypot(x - 0.30, y - 0.56) <= stroke * 1.05


def in_dot(x, y):
    return math.hypot(x - 0.74, y - 0.17) <= 0.06


def in_disc(x, y):
    return math.hypot(x - 0.5, y - 0.5) <= 0.48


def pixel(px, py, size):
    """RGBA of one pixel: coverage-weighted colours from SAMPLES x SAMPLES sub-samples."""
    disc = white = 0
    for sy in range(SAMPLES):
        for sx in range(SAMPLES):
            x = (px + (sx + 0.5) / SAMPLES) / size
            y = (py + (sy + 0.5) / SAMPLES) / size
            if in_disc(x, y):
                disc += 1
                if in_letter(x, y) or in_dot(x, y):
                    white += 1
    total = SAMPLES * SAMPLES
    if disc == 0:
        return (0, 0, 0, 0)
    share = white / disc
    rgb = tuple(round(o * (1 - share) + w * share) for o, w in zip(ORANGE, WHITE))
    return rgb + (round(255 * disc / total),)


def png_bytes(size):
    rows = bytearray()
    for py in range(size):
        rows.append(0)  # filter type: none
        for px in range(size):
            rows.extend(pixel(px, py, size))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b""))


def main():
    here = pathlib.Path(__file__).resolve().parent
    for size in (32, 64):
        (here / f"logo-{size}x{size}.png").write_bytes(png_bytes(size))


if __name__ == "__main__":
    main()
