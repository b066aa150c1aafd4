package org.chorus.shared.web;

import java.util.UUID;

/**
 * How many tasks wait for a signed-in person, for the count in every page's header. The module that keeps tasks
 * (notifications) implements it; shared only asks, once per page at most, and it answers with one cheap query.
 */
public interface OpenTasks {

    int count(UUID account);
}
