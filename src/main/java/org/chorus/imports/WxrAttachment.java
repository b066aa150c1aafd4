package org.chorus.imports;

/**
 * A media file of the exported site; the file itself stays on the old site until it is fetched.
 *
 * @param parentWpId the WordPress id of the post it was uploaded to, 0 if none
 */
public record WxrAttachment(long wpId, String title, String url, long parentWpId) {}
