package jtorch.kernel.session;

/**
 * Where a stack frame of snippet code lies: the cell (its execution count) and the 1-based line in
 * that cell's source.
 */
public record CellLocation(int cell, int line) {}
