package org.chorus.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.chorus.shared.i18n.Language;
import org.chorus.shared.i18n.TextDirection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextDirectionTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        // languages written right to left, by their usual script
        "ar, rtl", // Arabic
        "ar-EG, rtl",
        "arz, rtl", // Egyptian Arabic
        "he, rtl", // Hebrew
        "iw, rtl", // Hebrew, old code
        "fa, rtl", // Persian
        "fa-AF, rtl", // Dari
        "prs, rtl", // Dari
        "ur, rtl", // Urdu
        "ps, rtl", // Pashto
        "sd, rtl", // Sindhi
        "ug, rtl", // Uyghur
        "yi, rtl", // Yiddish
        "dv, rtl", // Dhivehi (Thaana)
        "ckb, rtl", // Central Kurdish (Sorani)
        "syr, rtl", // Syriac
        "nqo, rtl", // N'Ko
        "rhg, rtl", // Rohingya (Hanifi)
        "bal, rtl", // Balochi
        "azb, rtl", // South Azerbaijani
        "pnb, rtl", // Punjabi in Shahmukhi
        "ks, rtl", // Kashmiri
        "mzn, rtl", // Mazanderani
        "lrc, rtl", // Northern Luri
        "smp, rtl", // Samaritan
        "mid, rtl", // Mandaic
        // a script subtag decides, whatever the language
        "ku-Arab, rtl", // Kurdish in Arabic script
        "az-Arab, rtl", // Azerbaijani in Arabic script
        "pa-Arab, rtl", // Punjabi in Shahmukhi
        "ms-Arab, rtl", // Malay in Jawi
        "ha-Arab, rtl", // Hausa in Ajami
        "ff-Adlm, rtl", // Fulani in Adlam
        "en-Hebr, rtl",
        "und-Syrc, rtl",
        "dv-Thaa, rtl",
        "man-Nkoo, rtl",
        "rhg-Rohg, rtl",
        "sam-Samr, rtl",
        "mid-Mand, rtl",
        "ug-Cyrl, ltr",
        "ug-Latn, ltr",
        "sd-Deva, ltr",
        "ks-Deva, ltr",
        "ar-Latn, ltr", // Arabizi
        "rhg-Latn, ltr",
        "az-Latn, ltr",
        // left to right
        "ku, ltr", // Kurdish alone is Kurmanji, in Latin letters
        "az, ltr",
        "pa, ltr", // Punjabi in Gurmukhi
        "ms, ltr",
        "en, ltr",
        "fr, ltr",
        "es, ltr",
        "sw, ltr",
        "zh-Hant, ltr",
        "am, ltr", // Amharic (Ethiopic)
        "hi, ltr",
        // sloppy or broken tags
        "AR, rtl",
        "fa_IR, rtl",
        "' he ', rtl",
        "'', ltr",
        "not a tag!, ltr",
        "x, ltr"
    })
    void every_right_to_left_script_and_only_those_are_rtl(String tag, String direction) {
        assertThat(TextDirection.of(tag)).isEqualTo(direction);
        assertThat(TextDirection.rightToLeft(tag)).isEqualTo(direction.equals("rtl"));
    }

    @Test
    void no_tag_is_left_to_right() {
        assertThat(TextDirection.of(null)).isEqualTo("ltr");
    }

    @Test
    void of_the_interface_languages_only_arabic_is_right_to_left() {
        assertThat(Language.all().stream().filter(Language::rightToLeft)).containsExactly(Language.ARABIC);
        assertThat(Language.ARABIC.direction()).isEqualTo("rtl");
        assertThat(Language.FRENCH.direction()).isEqualTo("ltr");
    }
}
