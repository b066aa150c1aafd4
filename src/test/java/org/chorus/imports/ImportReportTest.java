package org.chorus.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ImportReportTest {

    @Test
    void a_report_stored_before_items_were_translated_still_reads_with_its_labels() {
        var stored = """
                {"siteTitle":"Old site","published":1,"drafts":0,"alreadyImported":0,"comments":0,"attachments":[],
                 "skipped":[{"item":"page 'About' (id 2)","reason":"import.skipped.not-a-post","arguments":[]}]}
                """;

        var report = JsonMapper.builder().build().readValue(stored, ImportReport.class);

        var line = report.skipped().getFirst();
        assertThat(line.itemKey()).isEqualTo("import.item.earlier");
        assertThat(line.itemArguments("untitled")).containsExactly("page 'About' (id 2)", "", "");
    }

    @Test
    void a_page_a_post_and_a_comment_are_each_named_by_their_own_message() {
        var page = new ImportReport.Skipped("page", "About us", 2L, "import.skipped.empty", java.util.List.of());
        var comment = new ImportReport.Skipped("comment", "", 7L, "import.skipped.trash", java.util.List.of());
        var menu = new ImportReport.Skipped("nav_menu_item", "Home", 12L, "import.skipped.type", java.util.List.of());

        assertThat(page.itemKey()).isEqualTo("import.item.page");
        assertThat(page.itemArguments("untitled")).containsExactly("About us", "2", "page");
        assertThat(comment.itemKey()).isEqualTo("import.item.comment");
        assertThat(comment.itemArguments("sans titre")).containsExactly("sans titre", "7", "comment");
        assertThat(menu.itemKey()).isEqualTo("import.item.other");
    }
}
