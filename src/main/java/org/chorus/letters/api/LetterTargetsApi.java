package org.chorus.letters.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.List;
import org.chorus.letters.Target;
import org.chorus.letters.WritingLetters;
import org.chorus.organizations.Actor;
import org.chorus.shared.web.JsonBodies;
import org.chorus.shared.web.RequiresScope;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The officials a campaign's letter goes to, through the API: its organizers add, change and delete them as on the
 * letter page (one office per country; the counts of letters an official got stay when they are deleted).
 */
@RestController
class LetterTargetsApi {

    /** An official as a client writes one. */
    public record NewTarget(
            @Schema(description = "ISO 3166 alpha-2", example = "FR")
            String country,

            @Schema(example = "Minister for the Environment")
            String office,

            String name,

            @Schema(description = "where letters are sent, or null when the official takes them on a web form")
            String email,

            String webForm,
            String note) {

        WritingLetters.TargetForm form() {
            return new WritingLetters.TargetForm(
                    text(country), text(office), text(name), text(email), text(webForm), text(note));
        }

        private static String text(String value) {
            return value == null ? "" : value;
        }
    }

    /** An official as the campaign's organizers see one. */
    public record TargetItem(
            String id, String country, String office, String name, String email, String webForm, String note) {

        static TargetItem of(Target t) {
            return new TargetItem(
                    t.id().value().toString(), t.country(), t.office(), t.name(), t.email(), t.webForm(), t.note());
        }
    }

    private final WritingLetters letters;

    LetterTargetsApi(WritingLetters letters) {
        this.letters = letters;
    }

    @org.springframework.web.bind.annotation.GetMapping("/api/v1/campaigns/{slug}/letter/targets")
    @Operation(
            summary = "The officials a campaign's letter goes to (its organizers)",
            description = "As the letter page lists them, with their addresses. 404 or 403 for anyone else; needs a "
                    + "token that may read.")
    org.springframework.http.ResponseEntity<List<TargetItem>> targets(@PathVariable String slug, Actor actor) {
        return org.springframework.http.ResponseEntity.ok()
                .cacheControl(org.springframework.http.CacheControl.noStore().cachePrivate())
                .body(letters.managed(actor, slug, null).targets().stream()
                        .map(TargetItem::of)
                        .toList());
    }

    @PostMapping("/api/v1/campaigns/{slug}/letter/targets")
    @RequiresScope("write:letters")
    @Operation(
            summary = "Add an official the campaign's letter goes to (its organizers)",
            description = "As on the letter page. 201 with the official; 422 naming the field for a broken rule, "
                    + "such as a second official for one office. Needs the scope write:letters.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @io.swagger.v3.oas.annotations.media.Content(schema = @Schema(implementation = NewTarget.class)))
    ResponseEntity<TargetItem> add(@PathVariable String slug, @RequestBody JsonNode body, Actor actor) {
        var target = letters.addTarget(
                actor, slug, JsonBodies.read(body, NewTarget.class).form());
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + slug + "/letter/targets/"
                        + target.id().value()))
                .body(TargetItem.of(target));
    }

    @PutMapping("/api/v1/campaigns/{slug}/letter/targets/{id}")
    @RequiresScope("write:letters")
    @Operation(
            summary = "Change an official (the campaign's organizers)",
            description = "Every field as it should be. Needs the scope write:letters.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @io.swagger.v3.oas.annotations.media.Content(schema = @Schema(implementation = NewTarget.class)))
    TargetItem change(@PathVariable String slug, @PathVariable String id, @RequestBody JsonNode body, Actor actor) {
        return TargetItem.of(letters.editTarget(
                actor, slug, id, JsonBodies.read(body, NewTarget.class).form()));
    }

    @DeleteMapping("/api/v1/campaigns/{slug}/letter/targets/{id}")
    @RequiresScope("write:letters")
    @Operation(
            summary = "Delete an official (the campaign's organizers)",
            description = "The counts of letters they got stay. 204. Needs the scope write:letters.")
    ResponseEntity<Void> delete(@PathVariable String slug, @PathVariable String id, Actor actor) {
        letters.deleteTarget(actor, slug, id);
        return ResponseEntity.noContent().build();
    }
}
