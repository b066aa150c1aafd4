package org.chorus.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.chorus.shared.web.Csv;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void a_cell_a_spreadsheet_would_run_as_a_formula_starts_with_an_apostrophe() {
        assertThat(Csv.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(Csv.cell("+33 1 23 45 67 89")).isEqualTo("'+33 1 23 45 67 89");
        assertThat(Csv.cell("-2")).isEqualTo("'-2");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(Csv.cell("\r=cmd")).isEqualTo("\"'\r=cmd\"");
        assertThat(Csv.cell("Friends of Rivers = us")).isEqualTo("Friends of Rivers = us");
    }

    @Test
    void commas_quotes_and_line_breaks_are_quoted_and_lines_end_with_crlf() {
        assertThat(Csv.row(Arrays.asList("a,b", "say \"yes\"", "two\nlines", null, "")))
                .isEqualTo("\"a,b\",\"say \"\"yes\"\"\",\"two\nlines\",,\r\n");
        assertThat(Csv.row(Arrays.asList("=HYPERLINK(\"x\",\"y\")")))
                .isEqualTo("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"\r\n");
    }
}
