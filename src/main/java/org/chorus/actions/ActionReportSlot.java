package org.chorus.actions;

/**
 * The place at the end of an action's page where modules above actions tell what happened at it
 * ({@link org.chorus.shared.web.PageContribution PageContribution&lt;ActionReportSlot&gt;}): the turnout module's
 * report, and for the host and organizers the way to file or hide it.
 *
 * @param page the action's page as its reader sees it (who they are to the action: {@link ActionPage#canEdit()},
 *     {@link ActionPage#organizer()})
 * @param now the moment the page is rendered, by the application's clock
 */
public record ActionReportSlot(ActionPage page, java.time.Instant now) {}
