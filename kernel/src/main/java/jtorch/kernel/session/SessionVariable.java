package jtorch.kernel.session;

/** A variable declared in the session: its name, declared type as written, and current value. */
public record SessionVariable(String name, String typeName, Object value) {}
