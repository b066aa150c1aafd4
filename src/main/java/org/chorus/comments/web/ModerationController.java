package org.chorus.comments.web;

import java.util.UUID;
import org.chorus.comments.CommentId;
import org.chorus.comments.ModeratingComments;
import org.chorus.organizations.Actor;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.Organization;
import org.chorus.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An organization's moderation queue and the decisions taken on it. */
@Controller
class ModerationController {

    private final ModeratingComments moderating;
    private final CoalitionDirectory organizations;

    ModerationController(ModeratingComments moderating, CoalitionDirectory organizations) {
        this.moderating = moderating;
        this.organizations = organizations;
    }

    @GetMapping("/o/{org}/comments")
    String queue(@PathVariable String org, Actor actor, Model model) {
        var organization = organization(org);
        model.addAttribute("organization", organization);
        model.addAttribute("queue", moderating.queue(actor, organization.id()));
        return "comments/queue";
    }

    @PostMapping("/o/{org}/comments/{id}/{decision}")
    String decide(
            @PathVariable String org,
            @PathVariable UUID id,
            @PathVariable String decision,
            Actor actor,
            RedirectAttributes redirect) {
        var organization = organization(org);
        var comment = new CommentId(id);
        switch (decision) {
            case "approve" -> moderating.approve(actor, comment);
            case "reject" -> moderating.reject(actor, comment);
            case "spam" -> moderating.markSpam(actor, comment);
            case "ban" -> moderating.banAuthor(actor, comment);
            default -> throw new NotFoundException("comment.not-found");
        }
        redirect.addFlashAttribute("notice", "comment.moderation." + decision + "-done");
        return "redirect:/o/" + organization.slug() + "/comments";
    }

    private Organization organization(String slug) {
        return organizations.bySlug(slug).orElseThrow(() -> new NotFoundException("organization.not-found"));
    }
}
