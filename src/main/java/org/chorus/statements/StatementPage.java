package org.chorus.statements;

import java.util.List;
import java.util.Optional;
import org.chorus.organizations.Organization;

/**
 * A statement as one reader sees it: the text in the language asked for (or the original, with {@code fallback} set
 * when the asked-for translation does not exist), the languages it can be read in, who issued and signed it, where
 * it was first published (and with which co-issuers) and who else published it, and what the reader may do with it.
 */
public record StatementPage(
        Statement statement,
        StatementText text,
        boolean fallback,
        String requestedLanguage,
        List<StatementText> translations,
        Organization issuer,
        List<Organization> cosigners,
        List<Signatory> signatories,
        Optional<Statement> source,
        Optional<Organization> sourceIssuer,
        List<Organization> sourceCosigners,
        List<Republisher> republishers,
        int publishedRevisions,
        boolean canWrite,
        boolean canPublish) {

    /** An organization that republished this statement, with the address of its copy. */
    public record Republisher(Organization organization, String slug) {}

    public boolean original() {
        return text.language().equals(statement.originalLanguage());
    }

    /**
     * The organizations the signatures are given for: the original's issuer and co-issuers on a republication that
     * follows its original, else this statement's.
     */
    public List<Organization> issuedBy() {
        var all = new java.util.ArrayList<Organization>();
        if (statement.followsOriginal() && sourceIssuer.isPresent()) {
            all.add(sourceIssuer.get());
            all.addAll(sourceCosigners);
        } else {
            all.add(issuer);
            all.addAll(cosigners);
        }
        return all;
    }

    public boolean corrected() {
        return statement.correctedAt() != null;
    }
}
