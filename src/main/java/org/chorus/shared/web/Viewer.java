package org.chorus.shared.web;

import java.util.UUID;

/** The signed-in person as pages see them; implemented by the accounts module's principal. */
public interface Viewer {

    UUID accountId();

    String displayName();

    boolean siteAdmin();
}
