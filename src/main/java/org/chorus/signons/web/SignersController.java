package org.chorus.signons.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.chorus.accounts.RequiresRecentSignIn;
import org.chorus.organizations.Actor;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;
import org.chorus.shared.web.Csv;
import org.chorus.shared.web.FormErrors;
import org.chorus.shared.web.Ui;
import org.chorus.signons.ModeratingSignOns;
import org.chorus.signons.SignOnId;
import org.chorus.signons.SignOnQuestion;
import org.chorus.signons.SignOnStatus;
import org.chorus.signons.SignerLine;
import org.chorus.signons.Signers;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every sign-on of a statement, for its organizers: status, personal data, possible duplicates; approve, reject or
 * remove one; export them all (CSV and JSON, after a recent sign-in: the files hold personal data).
 */
@Controller
class SignersController {

    static final List<String> COLUMNS = List.of(
            "id",
            "type",
            "status",
            "name",
            "contact",
            "email",
            "title",
            "affiliation",
            "country",
            "website",
            "description",
            "show_name",
            "possible_duplicate",
            "signed_at",
            "confirmed_at");

    private final ModeratingSignOns moderating;
    private final JsonMapper mapper;

    SignersController(ModeratingSignOns moderating, JsonMapper mapper) {
        this.moderating = moderating;
        this.mapper = mapper;
    }

    @GetMapping("/s/{slug}/sign-on/signers")
    String signers(
            @PathVariable String slug,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String after,
            Actor actor,
            Ui ui,
            Model model,
            HttpServletResponse response) {
        response.setHeader("Cache-Control", "private, no-store");
        model.addAttribute("signers", moderating.signers(actor, slug, ui.language(), status(status), after));
        return "signons/signers";
    }

    @PostMapping("/s/{slug}/sign-on/signers/{id}/{decision:approve|reject|remove}")
    String decide(
            @PathVariable String slug,
            @PathVariable UUID id,
            @PathVariable String decision,
            @RequestParam(required = false) String status,
            Actor actor,
            RedirectAttributes redirect) {
        var signOn = new SignOnId(id);
        switch (decision) {
            case "approve" -> moderating.approve(actor, slug, signOn);
            case "reject" -> moderating.reject(actor, slug, signOn);
            default -> moderating.remove(actor, slug, signOn);
        }
        redirect.addFlashAttribute("notice", "signons.signers." + decision + "d");
        var back = status(status);
        return "redirect:/s/" + slug + "/sign-on/signers" + (back == null ? "" : "?status=" + back.name());
    }

    /** Two sign-ons side by side, each with a button keeping it and merging the other into it. */
    @GetMapping("/s/{slug}/sign-on/signers/merge")
    String compare(
            @PathVariable String slug,
            @RequestParam(name = "signOn", required = false) List<UUID> signOns,
            Actor actor,
            Ui ui,
            Model model,
            HttpServletResponse response) {
        var ids = signOns == null
                ? List.<SignOnId>of()
                : signOns.stream().distinct().map(SignOnId::new).toList();
        if (ids.size() != 2) {
            throw new DomainException(400, "signons.merge.two");
        }
        response.setHeader("Cache-Control", "private, no-store");
        model.addAttribute("signers", moderating.compared(actor, slug, ui.language(), ids));
        return "signons/merge";
    }

    @PostMapping("/s/{slug}/sign-on/signers/merge")
    String merge(
            @PathVariable String slug,
            @RequestParam UUID keep,
            @RequestParam UUID merged,
            Actor actor,
            RedirectAttributes redirect) {
        moderating.merge(actor, slug, new SignOnId(keep), new SignOnId(merged));
        redirect.addFlashAttribute("notice", "signons.signers.merged");
        return "redirect:/s/" + slug + "/sign-on/signers";
    }

    @GetMapping("/s/{slug}/sign-on/signers/{id}/name")
    String naming(
            @PathVariable String slug,
            @PathVariable UUID id,
            Actor actor,
            Ui ui,
            Model model,
            HttpServletResponse response) {
        var signers = moderating.compared(actor, slug, ui.language(), List.of(new SignOnId(id)));
        var line = signers.page().items().getFirst();
        return naming(model, response, signers, line.publicName() != null ? line.publicName() : line.contact(), null);
    }

    @PostMapping("/s/{slug}/sign-on/signers/{id}/name")
    String rename(
            @PathVariable String slug,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String name,
            Actor actor,
            Ui ui,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            moderating.rename(actor, slug, new SignOnId(id), name);
        } catch (InvalidField problem) {
            var signers = moderating.compared(actor, slug, ui.language(), List.of(new SignOnId(id)));
            return naming(model, response, signers, name, FormErrors.of(problem, ui.messages()));
        }
        redirect.addFlashAttribute("notice", "signons.signers.renamed");
        return "redirect:/s/" + slug + "/sign-on/signers#signer-" + id;
    }

    private static String naming(
            Model model, HttpServletResponse response, Signers signers, String name, FormErrors errors) {
        response.setHeader("Cache-Control", "private, no-store");
        if (errors != null) {
            response.setStatus(errors.status());
        }
        model.addAttribute("signers", signers);
        model.addAttribute("name", name);
        model.addAttribute("errors", errors == null ? FormErrors.none() : errors);
        return "signons/rename";
    }

    /** An answer to one of the organizers' questions, as the JSON export gives it. */
    record Answer(String question, String answer) {}

    /** A sign-on as the exports give it: every field, ids and statuses as text. */
    record Exported(
            String id,
            String type,
            String status,
            String name,
            String contact,
            String email,
            String title,
            String affiliation,
            String country,
            String website,
            String description,
            boolean showName,
            boolean possibleDuplicate,
            Instant signedAt,
            Instant confirmedAt,
            List<Answer> answers) {

        static Exported of(SignerLine line, List<SignOnQuestion> questions) {
            var answers = new ArrayList<Answer>();
            for (int i = 0; i < questions.size(); i++) {
                answers.add(new Answer(questions.get(i).label(), line.answer(i)));
            }
            return new Exported(
                    line.id().toString(),
                    line.kind().name().toLowerCase(Locale.ROOT),
                    line.status().name().toLowerCase(Locale.ROOT),
                    line.publicName(),
                    line.contact(),
                    line.email(),
                    line.title(),
                    line.affiliation(),
                    line.country(),
                    line.website(),
                    line.description(),
                    line.showName(),
                    line.possibleDuplicate(),
                    line.signedAt(),
                    line.confirmedAt(),
                    answers);
        }

        List<String> cells() {
            var cells = new ArrayList<>(Arrays.asList(
                    id,
                    type,
                    status,
                    name,
                    contact,
                    email,
                    title,
                    affiliation,
                    country,
                    website,
                    description,
                    String.valueOf(showName),
                    String.valueOf(possibleDuplicate),
                    signedAt.toString(),
                    confirmedAt == null ? null : confirmedAt.toString()));
            answers.forEach(a -> cells.add(a.answer()));
            return cells;
        }
    }

    @GetMapping("/s/{slug}/sign-on/signers.csv")
    @RequiresRecentSignIn
    void csv(@PathVariable String slug, Actor actor, Ui ui, HttpServletResponse response) {
        var out = new java.io.PrintWriter[1];
        export(
                slug,
                actor,
                ui,
                response,
                "text/csv;charset=UTF-8",
                "csv",
                questions -> {
                    var header = new ArrayList<>(COLUMNS);
                    questions.forEach(q -> header.add(q.label()));
                    out[0] = writer(response);
                    out[0].write(Csv.BYTE_ORDER_MARK);
                    out[0].write(Csv.row(header));
                },
                row -> out[0].write(Csv.row(row.cells())));
        out[0].flush();
    }

    /** Every sign-on as a JSON array, written row by row as they are read (never the whole list in memory). */
    @GetMapping("/s/{slug}/sign-on/signers.json")
    @RequiresRecentSignIn
    void json(@PathVariable String slug, Actor actor, Ui ui, HttpServletResponse response) {
        var json = new JsonRows(mapper, response);
        export(
                slug,
                actor,
                ui,
                response,
                MediaType.APPLICATION_JSON_VALUE,
                "json",
                questions -> json.startArray(),
                json::write);
        json.endArray();
    }

    /**
     * Hands every sign-on over as exported, after {@code start} got the opening's questions; nothing is written before
     * the permission check passed, so a refusal is a page and not half a file.
     */
    private void export(
            String slug,
            Actor actor,
            Ui ui,
            HttpServletResponse response,
            String type,
            String extension,
            java.util.function.Consumer<List<SignOnQuestion>> start,
            java.util.function.Consumer<Exported> each) {
        var questions = new ArrayList<SignOnQuestion>();
        moderating.eachSigner(
                actor,
                slug,
                ui.language(),
                asked -> {
                    questions.addAll(asked);
                    attachment(response, type, slug, extension);
                    start.accept(asked);
                },
                line -> each.accept(Exported.of(line, questions)));
    }

    private static java.io.PrintWriter writer(HttpServletResponse response) {
        try {
            return response.getWriter();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void attachment(HttpServletResponse response, String type, String slug, String extension) {
        response.setContentType(type);
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + slug + "-signers." + extension + "\"");
    }

    private static SignOnStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return SignOnStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new DomainException(400, "signons.signers.status-invalid");
        }
    }
}
