package org.chorus.imports;

import java.time.Instant;
import java.util.List;

/**
 * A post or page of a WordPress export, with its comments.
 *
 * @param content the HTML of {@code content:encoded}, exactly as WordPress stored it
 * @param publishedAt {@code null} when the export gives no usable date (drafts never saved with one)
 * @param status WordPress's own word: {@code publish}, {@code draft}, {@code private}, {@code pending}, {@code
 *     future}…; {@code draft} when the export does not say
 * @param type {@code post} or {@code page}
 * @param categories category names, in the order of the export
 * @param tags tag names, in the order of the export
 * @param commentsOpen whether WordPress took comments on it ({@code wp:comment_status} {@code open})
 */
public record WxrPost(
        long wpId,
        String title,
        String link,
        String slug,
        String content,
        String excerpt,
        String authorLogin,
        Instant publishedAt,
        String status,
        String type,
        List<String> categories,
        List<String> tags,
        List<WxrComment> comments,
        boolean commentsOpen) {

    public WxrPost {
        categories = List.copyOf(categories);
        tags = List.copyOf(tags);
        comments = List.copyOf(comments);
    }
}
