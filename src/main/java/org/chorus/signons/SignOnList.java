package org.chorus.signons;

import org.chorus.statements.StatementHeading;

/**
 * The top of a statement's public sign-on list: the statement, its totals, and whether people who consented are
 * listed by name.
 */
public record SignOnList(StatementHeading statement, SignOnTotals totals, boolean namesShown) {}
