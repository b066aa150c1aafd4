package org.chorus.letters.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.HashMap;
import java.util.List;
import org.chorus.letters.CampaignLetter;
import org.chorus.letters.WritingLetters;
import org.chorus.organizations.Actor;
import org.chorus.shared.InvalidField;
import org.chorus.shared.web.JsonBodies;
import org.chorus.shared.web.RequiresScope;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * A campaign's letter to officials through the API: its organizers read it and write it whole, as on the letter page
 * (its settings and its words in each of the campaign's languages, checked together).
 */
@RestController
class LetterApi {

    /** The letter's words in one of the campaign's languages. */
    public record Text(
            @Schema(example = "en") String language,
            String subject,
            @Schema(description = "the greeting line") String opening,
            @Schema(description = "what the letter asks") String core,

            @Schema(description = "the closing line, before the sender's name")
            String closing) {}

    /** The letter as its organizers write it. */
    public record Letter(
            @Schema(description = "whether supporters may send it now")
            Boolean enabled,

            @Schema(description = "yyyy-mm-dd, in the campaign's time zone", example = "2026-10-05")
            String opensOn,

            @Schema(example = "2026-10-18") String closesOn,

            @Schema(description = "whether supporters must keep the subject as written")
            Boolean subjectLocked,

            @Schema(description = "one per language of the campaign")
            List<Text> texts) {

        static Letter of(CampaignLetter letter) {
            return new Letter(
                    letter.enabled(),
                    letter.opensOn().toString(),
                    letter.closesOn().toString(),
                    letter.subjectLocked(),
                    letter.texts().stream()
                            .map(t -> new Text(t.language(), t.subject(), t.opening(), t.core(), t.closing()))
                            .toList());
        }

        WritingLetters.LetterForm form() {
            var texts = new HashMap<String, String>();
            for (var text : this.texts == null ? List.<Text>of() : this.texts) {
                if (text == null || text.language() == null) {
                    throw new InvalidField("texts", "letters.api.text-language-required");
                }
                texts.put("subject_" + text.language(), orEmpty(text.subject()));
                texts.put("opening_" + text.language(), orEmpty(text.opening()));
                texts.put("core_" + text.language(), orEmpty(text.core()));
                texts.put("closing_" + text.language(), orEmpty(text.closing()));
            }
            return new WritingLetters.LetterForm(
                    Boolean.TRUE.equals(enabled),
                    orEmpty(opensOn),
                    orEmpty(closesOn),
                    !Boolean.FALSE.equals(subjectLocked),
                    texts);
        }

        private static String orEmpty(String value) {
            return value == null ? "" : value;
        }
    }

    private final WritingLetters writing;

    LetterApi(WritingLetters writing) {
        this.writing = writing;
    }

    @GetMapping("/api/v1/campaigns/{slug}/letter")
    @Operation(
            summary = "A campaign's letter to officials (its organizers)",
            description = "The letter as its organizers wrote it, or a new one's settings (off, open over the "
                    + "campaign's window) before it is written. 404 for anyone else; needs a token that may read.")
    ResponseEntity<Letter> letter(@PathVariable String slug, Actor actor) {
        var managed = writing.managed(actor, slug, null);
        var form = writing.form(managed);
        var texts = managed.languages().stream()
                .map(language -> new Text(
                        language,
                        form.text("subject", language),
                        form.text("opening", language),
                        form.text("core", language),
                        form.text("closing", language)))
                .toList();
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(new Letter(form.enabled(), form.opensOn(), form.closesOn(), form.subjectLocked(), texts));
    }

    @PutMapping("/api/v1/campaigns/{slug}/letter")
    @RequiresScope("write:letters")
    @Operation(
            summary = "Write a campaign's letter to officials (its organizers)",
            description = "Replaces the letter whole, as the letter page's form: its settings and its words in each of "
                    + "the campaign's languages (a language left out is left empty, which the letter's rules refuse "
                    + "for the original). Broken rules are a 422 with `errors` by field (such as subject_en). Needs "
                    + "the scope write:letters.")
    Letter write(@PathVariable String slug, @RequestBody JsonNode body, Actor actor) {
        var asked = JsonBodies.read(body, Letter.class);
        return Letter.of(writing.save(actor, slug, asked.form()));
    }
}
