package org.chorus.actions;

/**
 * The page a host without an account manages their action from (its private link), where modules above actions add
 * their part ({@link org.chorus.shared.web.PageContribution PageContribution&lt;ManagedByLink&gt;}): the RSVPs module a
 * way to the attendees. Whoever holds the link is the host.
 *
 * @param path the page's own address, {@code /actions/manage/<token>}, under which a module's pages for the host go
 */
public record ManagedByLink(Action action, String path) {}
