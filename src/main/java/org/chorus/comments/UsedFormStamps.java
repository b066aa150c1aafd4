package org.chorus.comments;

import java.sql.Timestamp;
import org.chorus.shared.InvalidField;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ids of form stamps that brought a comment in, kept until the stamp would have expired anyway
 * ({@link CommentRetention} deletes them then). In the database rather than in memory: every node then refuses a
 * stamp another node took, a restart forgets nothing, and the spending commits or rolls back with the comment, so a
 * form refused for a mistake leaves its stamp unspent.
 */
@Repository
class UsedFormStamps {

    private final JdbcClient jdbc;

    UsedFormStamps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Spends the stamp in the caller's transaction; throws {@code comment.form-used} if it was spent before. Two
     * submissions of one stamp at once: the second waits on the first's row and is refused once it commits.
     */
    void spend(FormStamps.Checked stamp) {
        int inserted = jdbc.sql("""
                        insert into comment_form_stamps_used (id, usable_until) values (:id, :until)
                        on conflict (id) do nothing""")
                .param("id", stamp.id())
                .param("until", Timestamp.from(stamp.usableUntil()))
                .update();
        if (inserted == 0) {
            throw new InvalidField("body", "comment.form-used");
        }
    }
}
