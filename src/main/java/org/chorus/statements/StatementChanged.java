package org.chorus.statements;

import org.chorus.shared.web.PublicPagesChanged;

/** Published when anything of a statement changes: text, translation, details, state, republications. */
public record StatementChanged(StatementId statement) implements PublicPagesChanged {}
