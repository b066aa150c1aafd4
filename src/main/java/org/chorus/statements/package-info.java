/** Joint statements: writing, review, publication, corrections, translations, signatories, republishing, feeds. */
@org.springframework.modulith.ApplicationModule(displayName = "Statements")
package org.chorus.statements;
