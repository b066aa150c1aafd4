package org.chorus.signons;

import java.time.Instant;
import org.chorus.statements.StatementId;

/**
 * Published when a signer withdrew their sign-on through the link mailed to them; its personal data is gone. Emitted
 * only by {@link SigningOn}.
 *
 * @param wasListed whether it was listed and counted until now
 */
public record SignOnWithdrawn(SignOnId id, StatementId statement, SignOnKind kind, boolean wasListed, Instant at) {}
