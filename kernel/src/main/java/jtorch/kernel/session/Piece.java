package jtorch.kernel.session;

/**
 * One JShell snippet of a cell: its source as JShell takes it, its offset {@code start} in the cell
 * text, and whether a trailing {@code ;} suppresses its value (as in IPython).
 */
record Piece(String source, int start, boolean suppressed) {}
