/**
 * Exchanging tensors with the world outside tensor-core: Java arrays and NIO buffers (shared or
 * copied), Java values ({@code item()}, {@code tolist()}). May call every layer below it,
 * including {@code ops} and {@code format}.
 */
package jtorch.internal.interop;
