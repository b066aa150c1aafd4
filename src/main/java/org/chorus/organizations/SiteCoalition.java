package org.chorus.organizations;

import java.util.Optional;
import org.chorus.shared.config.SiteName;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells {@link SiteName} the coalition's name: the active root organization, when there is exactly one. */
@Component
class SiteCoalition implements SiteName.Coalition {

    private final JdbcClient jdbc;

    SiteCoalition(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> name() {
        var roots = jdbc.sql("""
                        select name from organizations where parent_id is null and status = 'ACTIVE'
                        order by created_at limit 2
                        """).query(String.class).list();
        return roots.size() == 1 ? Optional.of(roots.getFirst()) : Optional.empty();
    }
}
