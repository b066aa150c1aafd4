package org.chorus.images.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.UUID;
import org.chorus.images.ImageId;
import org.chorus.images.UploadedImage;
import org.chorus.images.UploadingImages;
import org.chorus.organizations.Actor;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.markdown.HostedImages;
import org.chorus.shared.web.FormErrors;
import org.chorus.shared.web.Ui;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An organization's writers upload images and copy the Markdown that shows them; anyone gets an image by its
 * address. The upload form is also on the statement and announcement editors, where it opens this page in a new tab
 * so the text being written stays as it is.
 */
@Controller
class ImagesController {

    private final UploadingImages uploading;

    ImagesController(UploadingImages uploading) {
        this.uploading = uploading;
    }

    @GetMapping("/o/{slug}/manage/images")
    String list(@PathVariable String slug, @RequestParam(defaultValue = "") String uploaded, Actor actor, Model model) {
        var just = id(uploaded) == null
                ? null
                : uploading.find(actor, slug, new ImageId(id(uploaded))).orElse(null);
        return page(model, actor, slug, just, "", FormErrors.none());
    }

    @PostMapping("/o/{slug}/manage/images")
    String upload(
            @PathVariable String slug,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "") String description,
            Actor actor,
            Ui ui,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        try (InputStream in = file == null ? null : file.getInputStream()) {
            var image = uploading.upload(actor, slug, in, description);
            redirect.addFlashAttribute("notice", "image.uploaded");
            return "redirect:/o/" + slug + "/manage/images?uploaded=" + image.id();
        } catch (InvalidField invalid) {
            return page(model, actor, slug, null, description, FormErrors.of(invalid, ui.messages()));
        } catch (DomainException refused) {
            if (refused.status() == 403 || refused.status() == 404) {
                throw refused;
            }
            return page(model, actor, slug, null, description, FormErrors.of("file", refused, ui.messages()));
        }
    }

    /**
     * The image itself: public, cached for a year by browsers and proxies (an address never changes its bytes), its
     * type fixed by the format it was re-encoded to and never sniffed.
     */
    @GetMapping("/images/{name:[0-9a-f-]+\\.[a-z]+}")
    ResponseEntity<byte[]> image(@PathVariable String name) {
        if (!HostedImages.isHosted(HostedImages.PATH + name)) {
            throw new NotFoundException("image.not-found");
        }
        var dot = name.indexOf('.');
        var content = uploading
                .content(UUID.fromString(name.substring(0, dot)), name.substring(dot + 1))
                .orElseThrow(() -> new NotFoundException("image.not-found"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.format().contentType()))
                .cacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "inline")
                .body(content.bytes());
    }

    private static UUID id(String value) {
        try {
            return value.length() == 36 ? UUID.fromString(value) : null;
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    private String page(
            Model model, Actor actor, String slug, UploadedImage uploaded, String description, FormErrors errors) {
        model.addAttribute("organization", uploading.organization(actor, slug));
        model.addAttribute("images", uploading.of(actor, slug));
        model.addAttribute("uploaded", uploaded);
        model.addAttribute("description", description);
        model.addAttribute("errors", errors);
        return "images/images";
    }
}
