package org.chorus.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.chorus.support.ChorusModuleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit log never records where a request came from: no column could hold a network address or a device. */
@ChorusModuleTest
class AuditSchemaTest {

    static final Set<String> FORBIDDEN =
            Set.of("ip", "inet", "address", "addr", "agent", "useragent", "device", "network", "host", "location");

    @Autowired
    JdbcClient jdbc;

    @Test
    void no_audit_column_is_named_like_a_network_address_a_user_agent_or_a_device() {
        List<String> columns = jdbc.sql("""
                        select column_name from information_schema.columns
                        where table_name like 'audit%' order by column_name
                        """).query(String.class).list();
        assertThat(columns).contains("occurred_at", "actor_id", "kind");
        assertThat(columns)
                .allSatisfy(column ->
                        assertThat(List.of(column.split("_"))).as(column).doesNotContainAnyElementsOf(FORBIDDEN));
    }

    @Test
    void no_audit_column_has_a_network_type() {
        var types = jdbc.sql("""
                        select data_type from information_schema.columns
                        where table_name like 'audit%'
                        """).query(String.class).list();
        assertThat(types).isNotEmpty().doesNotContain("inet", "cidr", "macaddr", "macaddr8");
    }
}
