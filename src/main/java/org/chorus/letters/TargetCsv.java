package org.chorus.letters;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the organizers' CSV file of officials (RFC 4180, UTF-8 with or without a byte order mark, a header row naming
 * the columns in any order: {@code country, office, name, email, web_form, note}). It only splits the file: a cell that
 * a spreadsheet would run as a formula ({@code = + - @}, a tab or a carriage return first) is refused with its line,
 * and the fields are checked afterwards as a form's are. Lines are counted as a text editor shows them, header = 1.
 */
public final class TargetCsv {

    public static final int MAX_ROWS = 5_000;
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    static final List<String> COLUMNS = List.of("country", "office", "name", "email", "web_form", "note");
    private static final List<String> REQUIRED = List.of("country", "office", "name");

    private TargetCsv() {}

    /** One line of officials, by column name (missing columns are empty). */
    public record Row(int line, Map<String, String> cells) {
        public String get(String column) {
            return cells.getOrDefault(column, "");
        }
    }

    /** A problem with one line (0: the whole file) and one column (or none), as a message key and its arguments. */
    public record LineError(int line, String column, String messageKey, List<Object> arguments) {
        LineError(int line, String messageKey, List<Object> arguments) {
            this(line, null, messageKey, arguments);
        }
    }

    /** The rows read, or the errors that stop the import. */
    public record Parsed(List<Row> rows, List<LineError> errors) {}

    public static Parsed parse(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            return failed(new LineError(0, "letter.import.too-large", List.of(MAX_BYTES / 1024 / 1024)));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return failed(new LineError(0, "letter.import.not-utf8", List.of()));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        var records = records(text);
        if (records.isEmpty() || records.getFirst().cells().stream().allMatch(String::isBlank)) {
            return failed(new LineError(0, "letter.import.empty", List.of()));
        }
        var errors = new ArrayList<LineError>();
        var header = records.getFirst().cells().stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT).replace(' ', '_'))
                .toList();
        for (var column : header) {
            if (!COLUMNS.contains(column)) {
                errors.add(
                        new LineError(1, "letter.import.unknown-column", List.of(column, String.join(", ", COLUMNS))));
            }
        }
        for (var column : REQUIRED) {
            if (!header.contains(column)) {
                errors.add(new LineError(1, "letter.import.missing-column", List.of(column)));
            }
        }
        if (!errors.isEmpty()) {
            return new Parsed(List.of(), errors);
        }
        var data = records.subList(1, records.size()).stream()
                .filter(r -> !r.cells().stream().allMatch(String::isBlank))
                .toList();
        if (data.size() > MAX_ROWS) {
            return failed(new LineError(0, "letter.import.too-many-rows", List.of(data.size(), MAX_ROWS)));
        }
        var rows = new ArrayList<Row>();
        for (var record : data) {
            if (record.cells().size() > header.size()) {
                errors.add(new LineError(record.line(), "letter.import.too-many-cells", List.of(header.size())));
                continue;
            }
            var cells = new HashMap<String, String>();
            boolean formula = false;
            for (int i = 0; i < record.cells().size(); i++) {
                var cell = record.cells().get(i);
                if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
                    errors.add(new LineError(record.line(), header.get(i), "letter.import.formula", List.of()));
                    formula = true;
                }
                cells.put(header.get(i), cell);
            }
            if (!formula) {
                rows.add(new Row(record.line(), Map.copyOf(cells)));
            }
        }
        return new Parsed(rows, errors);
    }

    private static Parsed failed(LineError error) {
        return new Parsed(List.of(), List.of(error));
    }

    private record Record(int line, List<String> cells) {}

    /** Splits RFC 4180 records: quoted cells may hold commas, doubled quotes and line breaks. */
    private static List<Record> records(String text) {
        var records = new ArrayList<Record>();
        var cells = new ArrayList<String>();
        var cell = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
                any = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                any = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                records.add(new Record(recordLine, List.copyOf(cells)));
                cells.clear();
                cell.setLength(0);
                any = false;
                line++;
                recordLine = line;
            } else {
                cell.append(c);
                any = true;
            }
        }
        if (any || !cell.isEmpty() || !cells.isEmpty()) {
            cells.add(cell.toString());
            records.add(new Record(recordLine, List.copyOf(cells)));
        }
        return records;
    }
}
