package org.chorus.shared.web;

import java.util.function.IntSupplier;

/** The number of open tasks shown in the page header, asked for only when a page renders it, and then once. */
public final class TaskCount {

    public static final TaskCount NONE = new TaskCount(() -> 0);

    private final IntSupplier source;
    private Integer value;

    private TaskCount(IntSupplier source) {
        this.source = source;
    }

    public static TaskCount of(IntSupplier source) {
        return new TaskCount(source);
    }

    public int value() {
        if (value == null) {
            value = source.getAsInt();
        }
        return value;
    }
}
