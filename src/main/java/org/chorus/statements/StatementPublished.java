package org.chorus.statements;

import java.util.List;
import org.chorus.organizations.OrganizationId;

/** Published when a statement becomes public; followers, feeds and federation listen to it. */
public record StatementPublished(StatementId statement, OrganizationId issuer, String language, List<String> topics)
        implements org.chorus.shared.web.PublicPagesChanged {}
