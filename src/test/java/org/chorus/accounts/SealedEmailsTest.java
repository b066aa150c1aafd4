package org.chorus.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import javax.sql.DataSource;
import org.chorus.shared.crypto.PersonalData;
import org.chorus.shared.i18n.Language;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@ChorusWebTest
class SealedEmailsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    SigningUp signingUp;

    @Autowired
    AccountDirectory directory;

    @Autowired
    Passwords passwords;

    @Autowired
    PersonalData personalData;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void the_database_holds_no_plain_address_of_a_new_account() {
        var email = Fixtures.uniqueEmail("Sealed");
        var id = signingUp.signUp(email, "Sealed Person", Fixtures.PASSWORD, Language.ENGLISH);
        var row = jdbc.sql("select row_to_json(a)::text from accounts a where id = :id")
                .param("id", id.value())
                .query(String.class)
                .single();
        assertThat(row.toLowerCase()).doesNotContain(email.toLowerCase()).doesNotContain("sealed-");
        assertThat(directory.find(id).orElseThrow().email())
                .as("shown as typed")
                .isEqualTo(email);
        assertThat(directory.findByEmail(" " + email.toUpperCase() + " ")).isPresent();
    }

    @Test
    void an_account_stored_with_a_plain_address_is_sealed_and_can_still_sign_in() throws Exception {
        var email = Fixtures.uniqueEmail("Legacy");
        var id = UUID.randomUUID();
        jdbc.sql("""
                        insert into accounts (id, email, email_key, display_name, password_hash, status, language,
                                              created_at, activated_at)
                        values (:id, :email, lower(:email), 'Legacy Person', :hash, 'ACTIVE', 'en', :now, :now)
                        """)
                .param("id", id)
                .param("email", email)
                .param("hash", passwords.hash(Fixtures.PASSWORD))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        assertThat(directory.findByEmail(email)).as("not found before sealing").isEmpty();
        assertThat(jdbc.sql("select description from flyway_schema_history where version in ('1.011', '1.013')")
                        .query(String.class)
                        .list())
                .as("Flyway runs the sealing as migrations")
                .containsExactlyInAnyOrder("seal account emails", "seal invitation emails");

        try (var connection = dataSource.getConnection()) {
            assertThat(SealingAccountEmails.migration(personalData).seal(connection))
                    .isGreaterThanOrEqualTo(1);
        }

        var plain = jdbc.sql("select count(*) from accounts where id = :id and email is null and email_key is null")
                .param("id", id)
                .query(Integer.class)
                .single();
        assertThat(plain).isEqualTo(1);
        assertThat(directory.find(new AccountId(id)).orElseThrow().email()).isEqualTo(email);
        mvc.perform(post("/login").with(csrf()).param("email", email).param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/"));
    }
}
