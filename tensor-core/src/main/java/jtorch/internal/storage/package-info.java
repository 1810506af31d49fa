/**
 * Typed flat storages that a tensor and all of its views share: one class per Java primitive
 * representation, plus storages over a caller's NIO buffers. Invariants: a storage's backing
 * array or buffer never changes identity or length; element {@code i} is array element
 * {@code base + i}; every in-place write through any view bumps the storage's version counter.
 * Integral and bool storages read and write through {@code long}, floating ones through
 * {@code double}, converting with {@link jtorch.internal.dtype.Casts}. May call: {@code dtype}.
 */
package jtorch.internal.storage;
