package org.chorus.signons;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.chorus.accounts.AccountId;
import org.chorus.organizations.OrganizationId;
import org.chorus.shared.DomainException;
import org.chorus.shared.FieldChecks;
import org.chorus.shared.InvalidField;
import org.chorus.statements.StatementId;

/**
 * A statement opened for sign-on by its issuer, with the organizers' choices. Closing keeps it (the list stays);
 * re-opening takes new choices. It says itself whether it accepts a sign-on of a kind at a time.
 */
public record SignOnOpening(
        StatementId statement,
        OrganizationId organization,
        AccountId openedBy,
        Choices choices,
        boolean open,
        Instant openedAt,
        Instant closedAt) {

    public static final int THANK_YOU_MAX = 2_000;
    public static final int RETENTION_DEFAULT = 365;
    public static final int RETENTION_MAX = 3_650;
    public static final int BLOCKED_DOMAINS_MAX = 200;
    public static final int EMBED_ORIGINS_MAX = 20;
    // an origin as browsers send it: https, a host, perhaps a port; nothing a header could be split with
    private static final Pattern ORIGIN = Pattern.compile("https://[a-z0-9-]+(\\.[a-z0-9-]+)+(:[0-9]{1,5})?");
    private static final Pattern DOMAIN = Pattern.compile("[\\p{L}\\p{N}-]{1,63}(\\.[\\p{L}\\p{N}-]{1,63})+");

    /** What the organizers choose when they open a statement for sign-on. */
    public record Choices(
            WhoMaySign whoMaySign,
            Instant closesAt,
            boolean showPeopleNames,
            boolean autoApprovePeople,
            boolean autoApproveOrganizations,
            String thankYou,
            int retentionDays,
            List<String> blockedDomains,
            List<String> embedOrigins,
            List<SignOnQuestion> questions) {

        public Choices {
            whoMaySign = whoMaySign == null ? WhoMaySign.BOTH : whoMaySign;
            thankYou = thankYou == null ? "" : thankYou.strip();
            blockedDomains = normalized(blockedDomains, "^@");
            embedOrigins = normalized(embedOrigins, "/+$");
            questions = questions == null ? List.of() : List.copyOf(questions);
        }

        /** Choices with no blocked domain, embedding site or question. */
        public Choices(
                WhoMaySign whoMaySign,
                Instant closesAt,
                boolean showPeopleNames,
                boolean autoApprovePeople,
                boolean autoApproveOrganizations,
                String thankYou,
                int retentionDays) {
            this(
                    whoMaySign,
                    closesAt,
                    showPeopleNames,
                    autoApprovePeople,
                    autoApproveOrganizations,
                    thankYou,
                    retentionDays,
                    List.of(),
                    List.of(),
                    List.of());
        }

        /** The choices an opening starts with: everyone may sign, no deadline, names shown to those who consent. */
        public static Choices defaults() {
            return new Choices(WhoMaySign.BOTH, null, true, true, false, "", RETENTION_DEFAULT);
        }

        /** These choices with other blocked domains, embedding sites and questions. */
        public Choices guarded(List<String> domains, List<String> origins, List<SignOnQuestion> asked) {
            return new Choices(
                    whoMaySign,
                    closesAt,
                    showPeopleNames,
                    autoApprovePeople,
                    autoApproveOrganizations,
                    thankYou,
                    retentionDays,
                    domains,
                    origins,
                    asked);
        }

        /** Lower case, trimmed of spaces and of what {@code strip} matches, without blanks or repeats. */
        private static List<String> normalized(List<String> values, String strip) {
            return values == null
                    ? List.of()
                    : values.stream()
                            .map(v -> v.strip().toLowerCase(Locale.ROOT).replaceFirst(strip, ""))
                            .filter(v -> !v.isEmpty())
                            .distinct()
                            .toList();
        }

        /** The CSP {@code frame-ancestors} sources of the embed page: the allowed origins, or {@code 'none'}. */
        public String frameAncestors() {
            return embedOrigins.isEmpty() ? "'none'" : String.join(" ", embedOrigins);
        }

        /** Whether an address is at a blocked domain or below one ({@code mail.spam.example} for {@code spam.example}). */
        boolean blocks(String email) {
            var domain = email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
            return blockedDomains.stream().anyMatch(d -> domain.equals(d) || domain.endsWith("." + d));
        }

        /** Throws every broken choice at once: a deadline already past, a thank-you too long, a retention out of range. */
        Choices checked(Instant now) {
            var checks = new FieldChecks();
            checks.check(() -> {
                if (closesAt != null && !closesAt.isAfter(now)) {
                    throw new InvalidField("closesAt", "signons.opening.closes-in-past");
                }
            });
            checks.check(() -> {
                if (thankYou.length() > THANK_YOU_MAX) {
                    throw new InvalidField("thankYou", "signons.opening.thank-you-too-long", THANK_YOU_MAX);
                }
            });
            checks.check(() -> {
                if (blockedDomains.size() > BLOCKED_DOMAINS_MAX
                        || blockedDomains.stream()
                                .anyMatch(d -> !DOMAIN.matcher(d).matches())) {
                    throw new InvalidField(
                            "blockedDomains", "signons.opening.blocked-domains-invalid", BLOCKED_DOMAINS_MAX);
                }
            });
            checks.check(() -> {
                if (embedOrigins.size() > EMBED_ORIGINS_MAX
                        || embedOrigins.stream()
                                .anyMatch(o -> !ORIGIN.matcher(o).matches())) {
                    throw new InvalidField("embedOrigins", "signons.opening.embed-origins-invalid", EMBED_ORIGINS_MAX);
                }
            });
            checks.check(() -> {
                if (questions.size() > SignOnQuestion.MAX || questions.stream().anyMatch(q -> !q.wellFormed())) {
                    throw new InvalidField("questions", "signons.opening.questions-invalid", SignOnQuestion.MAX);
                }
            });
            checks.check(() -> {
                if (retentionDays < 1 || retentionDays > RETENTION_MAX) {
                    throw new InvalidField("retentionDays", "signons.opening.retention-range", 1, RETENTION_MAX);
                }
            });
            checks.done();
            return this;
        }
    }

    /** A statement opened for the first time. */
    static SignOnOpening open(
            StatementId statement, OrganizationId organization, AccountId by, Choices choices, Instant now) {
        return new SignOnOpening(statement, organization, by, choices.checked(now), true, now, null);
    }

    /** Opened again (or with changed choices), by {@code by}; the sign-ons already there stay. */
    SignOnOpening reopen(AccountId by, Choices choices, Instant now) {
        return new SignOnOpening(statement, organization, by, choices.checked(now), true, now, null);
    }

    /** Closed by the organizers: the form says so and the list stays. */
    SignOnOpening close(Instant now) {
        if (!open) {
            throw DomainException.conflict("signons.already-closed");
        }
        return new SignOnOpening(statement, organization, openedBy, choices, false, openedAt, now);
    }

    /** Whether the form takes sign-ons at {@code now}: open, and before the deadline if there is one. */
    public boolean acceptingAt(Instant now) {
        return open && (choices.closesAt() == null || now.isBefore(choices.closesAt()));
    }

    /** Throws {@code signons.closed} or {@code signons.kind-not-accepted} unless a sign-on of this kind is taken now. */
    void requireAccepting(SignOnKind kind, Instant now) {
        if (!acceptingAt(now)) {
            throw DomainException.conflict("signons.closed");
        }
        if (!choices.whoMaySign().accepts(kind)) {
            throw DomainException.conflict("signons.kind-not-accepted");
        }
    }

    /** When the sign-on stopped taking signatures (closed, or its deadline passed); null while it still takes them. */
    public Instant endedAt(Instant now) {
        if (!open) {
            return closedAt;
        }
        var deadline = choices.closesAt();
        return deadline != null && !now.isBefore(deadline) ? deadline : null;
    }

    /** After this the signers' personal data is deleted; null while the sign-on still takes signatures. */
    public Instant personalDataUntil(Instant now) {
        var ended = endedAt(now);
        return ended == null ? null : ended.plus(Duration.ofDays(choices.retentionDays()));
    }

    /** The status a sign-on of this kind gets once its signer confirmed. */
    SignOnStatus statusOnConfirmation(SignOnKind kind) {
        boolean approve = kind == SignOnKind.PERSON ? choices.autoApprovePeople() : choices.autoApproveOrganizations();
        return approve ? SignOnStatus.APPROVED : SignOnStatus.CONFIRMED;
    }
}
