package jtorch.kernel.session;

import java.util.List;

/** A completion answer: replace {@code [start, end)} of the code with one of {@code matches}. */
public record Completion(int start, int end, List<String> matches) {}
