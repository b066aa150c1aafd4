package org.chorus.turnout.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.chorus.actions.ActionId;
import org.chorus.organizations.Actor;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.web.FormErrors;
import org.chorus.shared.web.Ui;
import org.chorus.turnout.FilingTurnoutReports;
import org.chorus.turnout.TurnoutForm;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The turnout report's form, for the action's host and the campaign's organizers (signed in) or for a host without an
 * account (the emailed link), a multipart form that works without JavaScript; the organizers' hide and show; the
 * photos themselves.
 */
@Controller
class TurnoutController {

    private final FilingTurnoutReports filing;

    TurnoutController(FilingTurnoutReports filing) {
        this.filing = filing;
    }

    @GetMapping("/actions/{id:[0-9a-f-]{36}}/report")
    String form(@PathVariable String id, Actor actor, Model model, HttpServletResponse response) {
        var editing = filing.editing(actor, ActionId.parse(id));
        return page(model, response, editing, TurnoutForm.of(editing.report()), "/actions/" + id + "/report", null);
    }

    /**
     * What the report's form posts: new photos ({@code photo}, one file input each) with their captions in the same
     * order, the ids of kept photos to remove.
     */
    record Posted(
            String participants, String body, List<MultipartFile> photo, List<String> caption, List<String> remove) {

        TurnoutForm form() {
            return new TurnoutForm(participants, body, caption, remove);
        }
    }

    @PostMapping("/actions/{id:[0-9a-f-]{36}}/report")
    String file(
            @PathVariable String id,
            @ModelAttribute Posted posted,
            Actor actor,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws IOException {
        var action = ActionId.parse(id);
        try {
            filing.file(actor, action, posted.form(), uploads(posted));
        } catch (DomainException refused) {
            var editing = filing.editing(actor, action);
            return page(model, response, editing, posted.form(), "/actions/" + id + "/report", errors(refused, ui));
        }
        redirect.addFlashAttribute("notice", "turnout.saved");
        return "redirect:/actions/" + id;
    }

    @PostMapping("/actions/{id:[0-9a-f-]{36}}/report/hidden")
    String hide(
            @PathVariable String id,
            @RequestParam(defaultValue = "true") boolean hidden,
            Actor actor,
            RedirectAttributes redirect) {
        filing.hide(actor, ActionId.parse(id), hidden);
        redirect.addFlashAttribute("notice", hidden ? "turnout.hidden.notice" : "turnout.shown.notice");
        return "redirect:/actions/" + id;
    }

    @GetMapping("/turnout/report/{token}")
    String linkForm(@PathVariable String token, Model model, HttpServletResponse response) {
        var editing = filing.editing(token);
        return page(model, response, editing, TurnoutForm.of(editing.report()), linkPath(token), null);
    }

    @PostMapping("/turnout/report/{token}")
    String fileByLink(
            @PathVariable String token,
            @ModelAttribute Posted posted,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws IOException {
        try {
            filing.file(token, posted.form(), uploads(posted));
        } catch (DomainException refused) {
            return page(model, response, filing.editing(token), posted.form(), linkPath(token), errors(refused, ui));
        }
        redirect.addFlashAttribute("notice", "turnout.saved");
        return "redirect:" + linkPath(token);
    }

    /**
     * A photo: its type fixed (it was re-encoded to JPEG) and never sniffed; kept a day by browsers and proxies while
     * its report is visible (a hidden report's photos stop being served; a copy kept elsewhere lasts at most that
     * day), private and never stored once hidden (only the host and organizers get it then).
     */
    @GetMapping("/turnout/photos/{name:[0-9a-f-]{36}\\.jpg}")
    ResponseEntity<byte[]> photo(@PathVariable String name, @Nullable Actor viewer) {
        UUID id;
        try {
            id = UUID.fromString(name.substring(0, name.length() - ".jpg".length()));
        } catch (IllegalArgumentException notAnId) {
            throw new NotFoundException("turnout.photo.not-found");
        }
        var photo = filing.photo(viewer, id).orElseThrow(() -> new NotFoundException("turnout.photo.not-found"));
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .cacheControl(
                        photo.hidden()
                                ? CacheControl.noStore().cachePrivate()
                                : CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "inline")
                .body(photo.jpeg());
    }

    /** Each chosen file with its caption; at most one byte over the limit is read, so a larger file is told apart. */
    private static List<TurnoutForm.Upload> uploads(Posted posted) throws IOException {
        var photos = posted.photo();
        var captions = posted.caption();
        var uploads = new ArrayList<TurnoutForm.Upload>();
        if (photos == null) {
            return uploads;
        }
        for (int i = 0; i < photos.size(); i++) {
            var file = photos.get(i);
            if (file == null || file.isEmpty()) {
                continue;
            }
            try (InputStream in = file.getInputStream()) {
                var caption = captions != null && i < captions.size() ? captions.get(i) : "";
                uploads.add(new TurnoutForm.Upload(in.readNBytes(FilingTurnoutReports.PHOTO_MAX_BYTES + 1), caption));
            }
        }
        return uploads;
    }

    /** A refused save comes back with its message next to its field (a photo's refusal, 413, next to the photos). */
    private static FormErrors errors(DomainException refused, Ui ui) {
        if (refused instanceof InvalidField invalid) {
            return FormErrors.of(invalid, ui.messages());
        }
        if (refused.status() == 403 || refused.status() == 404) {
            throw refused;
        }
        return FormErrors.of(refused.status() == 413 ? "photos" : "form", refused, ui.messages());
    }

    private static String page(
            Model model,
            HttpServletResponse response,
            FilingTurnoutReports.Editing editing,
            TurnoutForm form,
            String target,
            FormErrors errors) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("editing", editing);
        model.addAttribute("form", form);
        model.addAttribute("target", target);
        model.addAttribute("errors", errors == null ? FormErrors.none() : errors);
        return "turnout/form";
    }

    private static String linkPath(String token) {
        return "/turnout/report/" + UriUtils.encodePathSegment(token, StandardCharsets.UTF_8);
    }
}
