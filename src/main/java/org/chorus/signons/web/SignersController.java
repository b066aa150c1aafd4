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
import org.chorus.shared.web.Csv;
import org.chorus.shared.web.Ui;
import org.chorus.signons.ModeratingSignOns;
import org.chorus.signons.SignOnId;
import org.chorus.signons.SignOnQuestion;
import org.chorus.signons.SignOnStatus;
import org.chorus.signons.SignerLine;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

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

    SignersController(ModeratingSignOns moderating) {
        this.moderating = moderating;
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
    void csv(@PathVariable String slug, Actor actor, Ui ui, HttpServletResponse response) throws IOException {
        // read whole before answering, so a refusal is a page and not half a file
        var lines = new ArrayList<SignerLine>();
        var questions = moderating.eachSigner(actor, slug, ui.language(), lines::add);
        var header = new ArrayList<>(COLUMNS);
        questions.forEach(q -> header.add(q.label()));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + slug + "-signers.csv\"");
        var out = response.getWriter();
        out.write(Csv.BYTE_ORDER_MARK);
        out.write(Csv.row(header));
        lines.forEach(line -> out.write(Csv.row(Exported.of(line, questions).cells())));
        out.flush();
    }

    @GetMapping("/s/{slug}/sign-on/signers.json")
    @RequiresRecentSignIn
    @ResponseBody
    ResponseEntity<List<Exported>> json(@PathVariable String slug, Actor actor, Ui ui) {
        var lines = new ArrayList<SignerLine>();
        var questions = moderating.eachSigner(actor, slug, ui.language(), lines::add);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header("Cache-Control", "private, no-store")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + slug + "-signers.json\"")
                .body(lines.stream().map(line -> Exported.of(line, questions)).toList());
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
