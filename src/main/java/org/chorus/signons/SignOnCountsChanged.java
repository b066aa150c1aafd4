package org.chorus.signons;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.chorus.shared.web.PublicPagesChangedUnder;
import org.chorus.statements.StatementId;

/**
 * The count job found new totals for these statements. Their pages (the statement's, its sign-on list and counter) and
 * the Atom feeds go stale in the page cache; every other page stays as it was.
 *
 * @param slugs the statements' addresses, for the pages that changed
 */
public record SignOnCountsChanged(List<StatementId> statements, List<String> slugs) implements PublicPagesChangedUnder {

    @Override
    public Collection<String> paths() {
        var paths = new ArrayList<String>();
        slugs.forEach(slug -> paths.add("/s/" + slug));
        paths.add("/statements.atom");
        return paths;
    }
}
