package org.chorus.shared.web;

import gg.jte.Content;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;

/** Every {@link PageContribution} to one kind of slot, as the page's owner renders them: in their {@code @Order}. */
public final class PageContributions<S> {

    private final ObjectProvider<PageContribution<S>> contributions;

    public PageContributions(ObjectProvider<PageContribution<S>> contributions) {
        this.contributions = contributions;
    }

    public List<Content> render(S slot, Ui ui) {
        return contributions
                .orderedStream()
                .map(contribution -> contribution.render(slot, ui))
                .flatMap(Optional::stream)
                .toList();
    }
}
