package org.chorus.imports;

import java.util.List;

/**
 * Everything a WordPress WXR export holds that Chorus can import, as read by {@link WxrParser}.
 *
 * @param siteUrl the blog's address, used to recognise links between the exported posts
 * @param wxrVersion {@code null} for the oldest exports, which did not write one
 * @param skipped the items left out (menus, revisions, custom types), to show the person importing
 */
public record WxrExport(
        String siteTitle,
        String siteUrl,
        String wxrVersion,
        List<WxrAuthor> authors,
        List<WxrTerm> categories,
        List<WxrTerm> tags,
        List<WxrPost> posts,
        List<WxrAttachment> attachments,
        List<WxrSkipped> skipped) {

    public WxrExport {
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
        tags = List.copyOf(tags);
        posts = List.copyOf(posts);
        attachments = List.copyOf(attachments);
        skipped = List.copyOf(skipped);
    }
}
