package org.chorus.imports;

import java.time.Instant;

/**
 * A comment on an exported post.
 *
 * @param parentWpId the WordPress id of the comment it answers, 0 for a comment on the post itself
 * @param status {@code approved}, {@code pending}, {@code spam} or {@code trash}; anything WordPress marks otherwise
 *     is {@code pending}, so a moderator decides
 */
public record WxrComment(
        long wpId,
        long parentWpId,
        String authorName,
        String authorEmail,
        String authorUrl,
        Instant date,
        String content,
        String status) {}
