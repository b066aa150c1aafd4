package org.chorus.shared.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The checker behind {@link XssCorpusTest} must be able to fail, or the corpus proves nothing. */
class ExecutableContentCheckerTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<script>alert(1)</script>",
                "<p>hi</p><SCRIPT src=//evil.example/x.js></SCRIPT>",
                "<img src=x onerror=alert(1)>",
                "<img/src='x'/onerror=alert(1)>",
                "<p ONCLICK=\"alert(1)\">click</p>",
                "<a href=\"javascript:alert(1)\">x</a>",
                "<a href='JaVaScRiPt:alert(1)'>x</a>",
                "<a href=\" &#106;avascript:alert(1)\">x</a>",
                "<a href=\"&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)\">x</a>",
                "<a href=\"java&#x09;script:alert(1)\">x</a>",
                "<a href=\"java\nscript:alert(1)\">x</a>",
                "<a href=\"javascript&colon;alert(1)\">x</a>",
                "<a href=vbscript:msgbox(1)>x</a>",
                "<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">",
                "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
                "<p style=\"background:url(javascript:alert(1))\">x</p>",
                "<iframe src=https://example.org></iframe>",
                "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>",
                "<x srcdoc=\"x\">",
                "<button formaction=javascript:alert(1)>x</button>",
                "<object data=https://example.org/x.swf></object>",
                "<embed src=https://example.org/x.swf>",
                "<svg><a xlink:href=\"javascript:alert(1)\">x</a></svg>",
                "<math><x xlink:href=javascript:alert(1)>x</x></math>",
                "<style>body{}</style>",
                "<form><input type=submit></form>",
                "<base href=//evil.example/>",
                "<meta http-equiv=refresh content=\"0;url=javascript:alert(1)\">",
                "<link rel=import href=https://evil.example/x.html>",
                "<p>fine</p><img src=x onerror=alert(1)",
            })
    void known_bad_html_is_reported(String html) {
        assertThat(ExecutableContentChecker.problemsIn(html)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<p>Hello <a href=\"https://example.org\" rel=\"nofollow noopener noreferrer\">world</a></p>",
                "<p>&lt;script&gt;alert(1)&lt;/script&gt; shown as text</p>",
                "<pre><code>&lt;img src=x onerror=alert(1)&gt;</code></pre>",
                "<a href=\"/statements/climate\">x</a><a href=\"#section-2\">y</a><a href=\"docs/a:b\">z</a>",
                "<a href=\"mailto:team&#64;example.org\">write</a><a href=\"?page&#61;2\">next</a>",
                "<img src=\"https://example.org/banner.png\" alt=\"on stage\" title=\"javascript: a talk\" />",
                "<p>one says onclick=alert(1) in plain words &amp; means no harm</p>",
                "<!-- <script>alert(1)</script> -->",
                // Decoded once, as a browser does, this is the relative path "&#106;avascript:alert(1)".
                "<a href=\"&amp;#106;avascript:alert(1)\">x</a>",
            })
    void inert_html_passes(String html) {
        assertThat(ExecutableContentChecker.problemsIn(html)).isEmpty();
    }
}
