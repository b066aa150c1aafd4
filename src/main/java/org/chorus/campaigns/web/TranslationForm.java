package org.chorus.campaigns.web;

import java.util.Objects;

/** A campaign's translation form as written, kept to show it again when refused; a missing field is blank. */
public record TranslationForm(String language, String title, String summary, String call, String demands) {

    public TranslationForm {
        language = Objects.toString(language, "");
        title = Objects.toString(title, "");
        summary = Objects.toString(summary, "");
        call = Objects.toString(call, "");
        demands = Objects.toString(demands, "");
    }
}
