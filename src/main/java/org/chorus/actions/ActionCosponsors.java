package org.chorus.actions;

import java.util.List;
import java.util.UUID;
import org.chorus.organizations.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code action_cosponsors} table: the organizations co-sponsoring an action, in the host's order. */
@Repository
class ActionCosponsors {

    private final JdbcClient jdbc;

    ActionCosponsors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<OrganizationId> of(ActionId action) {
        return jdbc.sql("select organization_id from action_cosponsors where action_id = :action order by position")
                .param("action", action.value())
                .query((rs, i) -> new OrganizationId(rs.getObject("organization_id", UUID.class)))
                .list();
    }

    /** The action's co-sponsors from now on: these, in this order. */
    void replace(ActionId action, List<OrganizationId> organizations) {
        jdbc.sql("delete from action_cosponsors where action_id = :action")
                .param("action", action.value())
                .update();
        for (int i = 0; i < organizations.size(); i++) {
            jdbc.sql("insert into action_cosponsors (action_id, organization_id, position) values (:a, :o, :p)")
                    .param("a", action.value())
                    .param("o", organizations.get(i).value())
                    .param("p", i)
                    .update();
        }
    }
}
