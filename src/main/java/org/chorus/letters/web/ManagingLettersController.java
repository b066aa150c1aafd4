package org.chorus.letters.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chorus.letters.CountingLetters;
import org.chorus.letters.WritingLetters;
import org.chorus.organizations.Actor;
import org.chorus.shared.InvalidField;
import org.chorus.shared.web.Csv;
import org.chorus.shared.web.FormErrors;
import org.chorus.shared.web.Ui;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organizers' page of a campaign's letter: its words and settings, the officials (added, changed and deleted by
 * hand or imported from CSV) and the counts of letters sent per country and per official, with their CSV.
 */
@Controller
class ManagingLettersController {

    static final List<String> COUNT_COLUMNS =
            List.of("country", "target_id", "office", "name", "day", "way", "letters");

    private final WritingLetters writing;
    private final CountingLetters counting;

    ManagingLettersController(WritingLetters writing, CountingLetters counting) {
        this.writing = writing;
        this.counting = counting;
    }

    @GetMapping("/c/{slug}/manage/letter")
    String page(@PathVariable String slug, Actor actor, Ui ui, Model model) {
        var managed = writing.managed(actor, slug, ui.lang());
        return page(model, managed, writing.form(managed), WritingLetters.TargetForm.empty(), null, FormErrors.none());
    }

    @PostMapping("/c/{slug}/manage/letter")
    String save(
            @PathVariable String slug,
            @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(defaultValue = "") String opensOn,
            @RequestParam(defaultValue = "") String closesOn,
            @RequestParam(defaultValue = "false") boolean subjectLocked,
            @RequestParam Map<String, String> params,
            Actor actor,
            Ui ui,
            Model model,
            RedirectAttributes redirect) {
        var form = new WritingLetters.LetterForm(enabled, opensOn, closesOn, subjectLocked, params);
        try {
            writing.save(actor, slug, form);
            redirect.addFlashAttribute("notice", "letter.manage.saved");
            return "redirect:/c/" + slug + "/manage/letter";
        } catch (InvalidField problem) {
            return page(
                    model,
                    writing.managed(actor, slug, ui.lang()),
                    form,
                    WritingLetters.TargetForm.empty(),
                    null,
                    FormErrors.of(problem, ui.messages()));
        }
    }

    @PostMapping("/c/{slug}/manage/letter/targets")
    String addTarget(
            @PathVariable String slug,
            @ModelAttribute WritingLetters.TargetForm target,
            Actor actor,
            Ui ui,
            Model model,
            RedirectAttributes redirect) {
        try {
            writing.addTarget(actor, slug, target);
            redirect.addFlashAttribute("notice", "letter.manage.target-added");
            return "redirect:/c/" + slug + "/manage/letter#targets";
        } catch (InvalidField problem) {
            var managed = writing.managed(actor, slug, ui.lang());
            model.addAttribute("targetErrors", FormErrors.of(problem, ui.messages()));
            return page(model, managed, writing.form(managed), target, null, FormErrors.none());
        }
    }

    @GetMapping("/c/{slug}/manage/letter/targets/{id}")
    String targetPage(@PathVariable String slug, @PathVariable String id, Actor actor, Model model) {
        var target = writing.target(actor, slug, id);
        return target(model, slug, id, WritingLetters.TargetForm.of(target), FormErrors.none());
    }

    @PostMapping("/c/{slug}/manage/letter/targets/{id}")
    String editTarget(
            @PathVariable String slug,
            @PathVariable String id,
            @ModelAttribute WritingLetters.TargetForm form,
            Actor actor,
            Ui ui,
            Model model,
            RedirectAttributes redirect) {
        try {
            writing.editTarget(actor, slug, id, form);
            redirect.addFlashAttribute("notice", "letter.manage.target-saved");
            return "redirect:/c/" + slug + "/manage/letter#targets";
        } catch (InvalidField problem) {
            writing.target(actor, slug, id);
            return target(model, slug, id, form, FormErrors.of(problem, ui.messages()));
        }
    }

    @PostMapping("/c/{slug}/manage/letter/targets/{id}/delete")
    String deleteTarget(@PathVariable String slug, @PathVariable String id, Actor actor, RedirectAttributes redirect) {
        writing.deleteTarget(actor, slug, id);
        redirect.addFlashAttribute("notice", "letter.manage.target-deleted");
        return "redirect:/c/" + slug + "/manage/letter#targets";
    }

    @PostMapping("/c/{slug}/manage/letter/import")
    String importTargets(
            @PathVariable String slug,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Actor actor,
            Ui ui,
            Model model,
            RedirectAttributes redirect) {
        WritingLetters.Imported imported;
        try {
            imported = writing.importTargets(actor, slug, file == null ? new byte[0] : file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (imported.errors().isEmpty()) {
            redirect.addFlashAttribute("notice", "letter.manage.imported");
            // plain numbers: flash attributes live in the session
            redirect.addFlashAttribute("added", imported.added());
            redirect.addFlashAttribute("updated", imported.updated());
            return "redirect:/c/" + slug + "/manage/letter#targets";
        }
        var managed = writing.managed(actor, slug, ui.lang());
        var lines = new ArrayList<String>();
        for (var error : imported.errors()) {
            var message = ui.t(error.messageKey(), error.arguments().toArray());
            lines.add(
                    error.line() == 0
                            ? message
                            : error.column() == null
                                    ? ui.t("letter.import.at-line", error.line(), message)
                                    : ui.t("letter.import.at-line-column", error.line(), error.column(), message));
        }
        // the refused file answers 422 (FormErrorStatus reads the model's errors)
        var errors = new FormErrors(
                Map.of("file", ui.t("letter.import.refused", imported.errors().size())), null);
        return page(model, managed, writing.form(managed), WritingLetters.TargetForm.empty(), lines, errors);
    }

    @GetMapping("/c/{slug}/manage/letter/counts.csv")
    void countsCsv(@PathVariable String slug, Actor actor, Ui ui, HttpServletResponse response) {
        var managed = writing.managed(actor, slug, ui.lang());
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"" + managed.campaign().slug() + "-letters.csv\"");
        try {
            var out = response.getWriter();
            out.write(Csv.BYTE_ORDER_MARK);
            out.write(Csv.row(COUNT_COLUMNS));
            for (var row : counting.outreach(managed.campaign().id())) {
                out.write(Csv.row(List.of(
                        row.country(),
                        row.target().toString(),
                        row.office() == null ? "" : row.office(),
                        row.name() == null ? "" : row.name(),
                        row.day().toString(),
                        row.way().name(),
                        Integer.toString(row.letters()))));
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String page(
            Model model,
            WritingLetters.Managed managed,
            WritingLetters.LetterForm form,
            WritingLetters.TargetForm target,
            List<String> importErrors,
            FormErrors errors) {
        model.addAttribute("managed", managed);
        model.addAttribute("form", form);
        model.addAttribute("target", target);
        model.addAttribute("importErrors", importErrors == null ? List.of() : importErrors);
        model.addAttribute("errors", errors);
        if (!model.containsAttribute("targetErrors")) {
            model.addAttribute("targetErrors", FormErrors.none());
        }
        return "letters/manage";
    }

    private String target(Model model, String slug, String id, WritingLetters.TargetForm form, FormErrors errors) {
        model.addAttribute("slug", slug);
        model.addAttribute("id", id);
        model.addAttribute("target", form);
        model.addAttribute("errors", errors);
        return "letters/target";
    }
}
