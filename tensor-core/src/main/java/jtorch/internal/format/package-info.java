/**
 * Python's texts of numbers: {@code repr(float)} with the shortest round-trip digits (exact on
 * every JDK, not relying on {@code Double.toString}), and {@code '{:.Nf}'} / {@code '{:.Ne}'}
 * rounding of the exact binary value. The only implementation in the project: tensor printing,
 * numpy printing, optimizer reprs, the kernel's rendering and the golden harness all call it.
 * May call: {@code dtype}.
 */
package jtorch.internal.format;
