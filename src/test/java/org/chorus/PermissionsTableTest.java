package org.chorus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.chorus.organizations.Permission;
import org.chorus.organizations.Role;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * Every module's permissions and the roles that hold them, found on the class path, against the table of
 * docs/decisions/0004-module-permissions.md. A module that adds a permission adds its row here and there.
 */
class PermissionsTableTest {

    /** Permission: the roles that hold it, and "+ reviewers" when designated reviewers hold it too. */
    static final String TABLE = """
            organizations.VIEW_PEOPLE:         OWNER EDITOR MODERATOR MEMBER
            organizations.SEE_EMAIL_ADDRESSES: OWNER
            organizations.EDIT_PROFILE:        OWNER EDITOR
            organizations.INVITE_MEMBERS:      OWNER
            organizations.CHANGE_ROLES:        OWNER
            organizations.APPROVE_CHILDREN:    OWNER
            statements.WRITE_STATEMENTS:       OWNER EDITOR
            statements.PUBLISH_STATEMENTS:     OWNER + reviewers
            statements.ASK_CO_ISSUERS:         OWNER EDITOR
            statements.ANSWER_CO_ISSUE_REQUESTS: OWNER + reviewers
            comments.MODERATE_COMMENTS:        OWNER MODERATOR
            follows.WRITE_ANNOUNCEMENTS:       OWNER EDITOR
            follows.SEND_ANNOUNCEMENTS:        OWNER + reviewers
            audit.VIEW_ACTIVITY:               OWNER
            images.UPLOAD_IMAGES:              OWNER EDITOR
            signons.MANAGE_SIGN_ONS:           OWNER EDITOR
            signons.SIGN_FOR_ORGANIZATION:     OWNER
            signons.DESIGNATE_ORGANIZERS:      OWNER
            campaigns.WRITE_CAMPAIGNS:         OWNER EDITOR
            campaigns.PUBLISH_CAMPAIGNS:       OWNER
            actions.HOST_FOR_ORGANIZATION:     OWNER EDITOR MODERATOR MEMBER
            actions.HOST_WITHOUT_REVIEW:       OWNER EDITOR
            federation.MANAGE_FEDERATION:      OWNER
            webhooks.MANAGE_WEBHOOKS:          OWNER
            """;

    @Test
    void each_permission_is_held_by_the_roles_the_decision_lists() {
        assertThat(declared()).isEqualTo(promised());
    }

    @Test
    void an_owner_holds_every_permission_of_every_module() {
        assertThat(permissions())
                .isNotEmpty()
                .allSatisfy(p -> assertThat(Role.OWNER.allows(p)).as(p.name()).isTrue());
    }

    @Test
    void a_permission_is_declared_in_its_modules_base_package() {
        assertThat(permissions())
                .allSatisfy(p -> assertThat(p.getClass().getPackageName().split("\\."))
                        .as(p.getClass().getName())
                        .hasSize(3));
    }

    private static Map<String, String> promised() {
        var table = new TreeMap<String, String>();
        TABLE.lines().forEach(line -> {
            var parts = line.split(":", 2);
            table.put(parts[0].strip(), parts[1].strip().replaceAll("\\s+", " "));
        });
        return table;
    }

    private static Map<String, String> declared() {
        var table = new TreeMap<String, String>();
        for (var permission : permissions()) {
            var holders = permission.holders();
            var roles = Arrays.stream(Role.values())
                    .filter(holders.roles()::contains)
                    .map(Role::name)
                    .collect(Collectors.joining(" "));
            table.put(
                    module(permission) + "." + permission.name(),
                    roles + (holders.designatedReviewers() ? " + reviewers" : ""));
        }
        return table;
    }

    static java.util.List<Permission> permissions() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(Permission.class));
        var found = new LinkedHashMap<String, Permission>();
        for (var candidate : scanner.findCandidateComponents("org.chorus")) {
            try {
                var type = Class.forName(candidate.getBeanClassName());
                if (type.isEnum()) {
                    for (var constant : type.getEnumConstants()) {
                        var permission = (Permission) constant;
                        found.put(type.getName() + "." + permission.name(), permission);
                    }
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return java.util.List.copyOf(found.values());
    }

    private static String module(Permission permission) {
        return permission.getClass().getPackageName().substring("org.chorus.".length());
    }
}
