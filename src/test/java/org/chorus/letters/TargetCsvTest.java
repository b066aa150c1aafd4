package org.chorus.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TargetCsvTest {

    static TargetCsv.Parsed parse(String text) {
        return TargetCsv.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_file_with_a_header_in_any_order_gives_one_row_a_line_with_quoted_cells_kept_whole() {
        var parsed = parse("""
                name,office,country,email,web_form,note
                Njeri Kamau,Minister of Finance,KE,minister@treasury.example,,
                "Otieno, Paul","Speaker of the ""National"" Assembly",ke,,https://parliament.example/contact,"Two
                lines"
                """);
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rows()).hasSize(2);
        var speaker = parsed.rows().get(1);
        assertThat(speaker.line()).isEqualTo(3);
        assertThat(speaker.get("name")).isEqualTo("Otieno, Paul");
        assertThat(speaker.get("office")).isEqualTo("Speaker of the \"National\" Assembly");
        assertThat(speaker.get("note")).isEqualTo("Two\nlines");
        assertThat(parsed.rows().getFirst().get("email")).isEqualTo("minister@treasury.example");
    }

    @Test
    void a_byte_order_mark_and_windows_line_ends_change_nothing() {
        var parsed = parse("\uFEFFcountry,office,name,email\r\nFR,Ministre,Nom,m@gouv.example\r\n\r\n");
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rows()).singleElement().satisfies(row -> {
            assertThat(row.get("country")).isEqualTo("FR");
            assertThat(row.get("email")).isEqualTo("m@gouv.example");
            assertThat(row.get("web_form")).isEmpty();
        });
    }

    @Test
    void cells_that_a_spreadsheet_would_run_as_formulas_are_refused_with_their_line_and_column() {
        var parsed = parse("""
                country,office,name,email
                KE,Minister,=HYPERLINK("https://evil.example"),m@gov.example
                KE,Speaker,Name,s@gov.example
                KE,@SUM(A1),Name,x@gov.example
                """);
        assertThat(parsed.rows()).extracting(TargetCsv.Row::line).containsExactly(3);
        assertThat(parsed.errors())
                .extracting(e -> e.line() + ":" + e.column() + ":" + e.messageKey())
                .containsExactly("2:name:letter.import.formula", "4:office:letter.import.formula");
    }

    @Test
    void a_header_without_a_required_column_or_with_an_unknown_one_is_refused_on_line_1() {
        assertThat(parse("country,name,phone\nKE,A,1\n").errors())
                .extracting(e ->
                        e.line() + ":" + e.messageKey() + ":" + e.arguments().getFirst())
                .containsExactly("1:letter.import.unknown-column:phone", "1:letter.import.missing-column:office");
    }

    @Test
    void more_than_the_most_rows_text_not_in_utf8_and_an_empty_file_are_refused_whole() {
        var many = new StringBuilder("country,office,name,email\n");
        for (int i = 0; i <= TargetCsv.MAX_ROWS; i++) {
            many.append("KE,Office ").append(i).append(",Name,o").append(i).append("@gov.example\n");
        }
        assertThat(parse(many.toString()).errors())
                .singleElement()
                .satisfies(e -> assertThat(e.messageKey()).isEqualTo("letter.import.too-many-rows"));
        assertThat(TargetCsv.parse(new byte[] {'c', 'o', (byte) 0xE9, '\n'}).errors())
                .singleElement()
                .satisfies(e -> assertThat(e.messageKey()).isEqualTo("letter.import.not-utf8"));
        assertThat(parse("").errors())
                .singleElement()
                .satisfies(e -> assertThat(e.messageKey()).isEqualTo("letter.import.empty"));
        assertThat(parse("country,office,name\nKE,A,B,C\n").errors())
                .singleElement()
                .satisfies(e -> assertThat(e.line() + e.messageKey()).isEqualTo("2letter.import.too-many-cells"));
    }
}
