package org.chorus.shared.web;

import java.beans.PropertyEditorSupport;
import org.chorus.shared.LineEndings;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * The one place where text typed into Chorus gets "\n" line endings: every request parameter, form field and path
 * variable bound to a {@code String} by any controller, pages and API alike (statements and their translations,
 * signatories, republications, comments, reports, announcements, organization profiles…). Use cases below never see a
 * "\r" from a browser (decision 0019).
 */
@ControllerAdvice
class LineEndingsOnInput {

    @InitBinder
    void normalizeLineEndings(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new Normalizing());
    }

    private static final class Normalizing extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            setValue(LineEndings.normalized(text));
        }

        @Override
        public String getAsText() {
            var value = getValue();
            return value == null ? "" : value.toString();
        }
    }
}
