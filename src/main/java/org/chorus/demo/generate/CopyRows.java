package org.chorus.demo.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Rows in PostgreSQL's COPY text format: columns separated by tabs, rows by newlines, null as {@code \N}, and a
 * backslash, tab, newline or carriage return inside a value escaped with a backslash.
 */
final class CopyRows {

    private final StringBuilder out;
    private boolean rowStarted;

    CopyRows(int capacity) {
        this.out = new StringBuilder(capacity);
    }

    CopyRows text(String value) {
        separate();
        if (value == null) {
            out.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return this;
    }

    CopyRows uuid(UUID value) {
        return raw(value == null ? null : value.toString());
    }

    CopyRows instant(Instant value) {
        return raw(value == null ? null : value.toString());
    }

    CopyRows date(LocalDate value) {
        return raw(value == null ? null : value.toString());
    }

    CopyRows number(long value) {
        return raw(Long.toString(value));
    }

    CopyRows decimal(double value) {
        return raw(Double.toString(value));
    }

    CopyRows bool(boolean value) {
        return raw(value ? "t" : "f");
    }

    /** A text[] of values that need no quoting (slugs, language tags). */
    CopyRows array(Collection<String> values) {
        return raw("{" + String.join(",", values) + "}");
    }

    /** bytea in hex form; its backslash escaped for COPY. */
    CopyRows bytes(byte[] value) {
        return raw(value == null ? null : "\\\\x" + HexFormat.of().formatHex(value));
    }

    CopyRows end() {
        out.append('\n');
        rowStarted = false;
        return this;
    }

    int length() {
        return out.length();
    }

    boolean isEmpty() {
        return out.isEmpty();
    }

    /** The rows so far, and starts again empty. */
    String take() {
        var rows = out.toString();
        out.setLength(0);
        return rows;
    }

    /** A value written as is (a literal PostgreSQL reads in that column's type), or null. */
    CopyRows raw(String value) {
        separate();
        out.append(value == null ? "\\N" : value);
        return this;
    }

    private void separate() {
        if (rowStarted) {
            out.append('\t');
        }
        rowStarted = true;
    }
}
