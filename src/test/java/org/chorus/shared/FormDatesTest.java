package org.chorus.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class FormDatesTest {

    @Test
    void a_date_time_in_a_year_postgresql_cannot_store_is_refused_for_its_field() {
        // issue 11: publishAt=+999999999-12-31T23:59 parsed, then overflowed the database (500)
        assertThatThrownBy(
                        () -> FormDates.dateTime("publishAt", "+999999999-12-31T23:59", "statement.publish-at.invalid"))
                .isInstanceOfSatisfying(InvalidField.class, invalid -> {
                    assertThat(invalid.field()).isEqualTo("publishAt");
                    assertThat(invalid.messageKey()).isEqualTo("date.out-of-range");
                    assertThat(invalid.status()).isEqualTo(422);
                });
        assertThatThrownBy(() -> FormDates.date("issuedOn", "1899-12-31", "statement.issued-on.invalid"))
                .hasFieldOrPropertyWithValue("messageKey", "date.out-of-range");
    }

    @Test
    void what_is_no_date_gets_the_fields_own_message_and_blank_means_none() {
        assertThatThrownBy(() -> FormDates.date("from", "99999999999999999999", "statement.filter.date-invalid"))
                .hasFieldOrPropertyWithValue("messageKey", "statement.filter.date-invalid");
        assertThat(FormDates.date("from", "  ", "statement.filter.date-invalid"))
                .isNull();
        assertThat(FormDates.date("from", " 2026-12-02 ", "x")).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(FormDates.dateTime("at", "9999-12-31T23:59", "x")).isEqualTo(LocalDateTime.of(9999, 12, 31, 23, 59));
    }
}
