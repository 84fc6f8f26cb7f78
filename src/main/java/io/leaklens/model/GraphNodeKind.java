package io.leaklens.model;

/** What a reference-graph node stands for. */
public enum GraphNodeKind {
    /** A GC root: a class's static fields, a thread's stack, a JNI handle, ... */
    ROOT("root"),
    /** One object, or several of one class reached the same way. */
    OBJECT("object");

    private final String contractName;

    GraphNodeKind(String contractName) {
        this.contractName = contractName;
    }

    /** The word the CLI contract uses: {@code root} or {@code object}. */
    public String contractName() {
        return contractName;
    }
}
