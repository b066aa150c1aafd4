package org.chorus.shared.web;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Rows of a CSV download (RFC 4180) that a spreadsheet opens as text: a cell that starts with {@code = + - @}, a tab or
 * a carriage return would be read as a formula (CSV injection), so it gets a leading apostrophe; a cell with a comma,
 * a quote or a line break is quoted. Lines end with CRLF.
 */
public final class Csv {

    /** Lets spreadsheets read the file as UTF-8 (Excel assumes a local code page without it). */
    public static final String BYTE_ORDER_MARK = "\uFEFF";

    private Csv() {}

    /** One line: the cells, escaped, separated by commas, ended by CRLF. */
    public static String row(List<String> cells) {
        return cells.stream().map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    /** One cell as it goes into a line: null is empty. */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        var safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
