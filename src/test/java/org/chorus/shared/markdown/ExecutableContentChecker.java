package org.chorus.shared.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliberately small and strict reader of rendered HTML that lists whatever a browser could execute in it. It is
 * written independently of the sanitizer, so that a mistake in the policy is not mirrored by the test.
 *
 * <p>It tokenizes tags the way a browser does (a '<' followed by a letter opens a tag; comments and bogus comments
 * are skipped) and decodes entities only inside attribute values: that is where a browser decodes them before
 * using the value, whereas {@code &lt;script&gt;} in text is only ever shown as text.
 */
final class ExecutableContentChecker {

    private static final Set<String> FORBIDDEN_ELEMENTS = Set.of(
            "script",
            "iframe",
            "frame",
            "frameset",
            "object",
            "embed",
            "applet",
            "svg",
            "math",
            "style",
            "form",
            "input",
            "button",
            "textarea",
            "select",
            "base",
            "meta",
            "link",
            "template",
            "noscript",
            "isindex",
            "keygen",
            "portal",
            "xmp",
            "plaintext",
            "noembed",
            "noframes");

    private static final Set<String> FORBIDDEN_ATTRIBUTES = Set.of("style", "srcdoc", "formaction", "action");

    // Every attribute a browser may follow, load or navigate to.
    private static final Set<String> URL_ATTRIBUTES = Set.of(
            "href",
            "src",
            "xlink:href",
            "data",
            "poster",
            "background",
            "cite",
            "srcset",
            "lowsrc",
            "dynsrc",
            "ping",
            "longdesc",
            "codebase",
            "classid",
            "archive",
            "usemap",
            "icon",
            "manifest",
            "profile",
            "from",
            "to",
            "values");

    private static final Set<String> ALLOWED_SCHEMES = Set.of("http", "https", "mailto");
    private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.\\-]*):");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+;?|#x[0-9a-f]+;?|[a-z][a-z0-9]*;?)");
    private static final Pattern INVISIBLE = Pattern.compile("[\\u0000-\\u0020\\u007f-\\u00a0\\u1680\\u180e"
            + "\\u2000-\\u200f\\u2028\\u2029\\u202f\\u205f\\u2060\\u3000\\ufeff]+");

    // Named entities that turn into ASCII punctuation or whitespace: enough to spell a scheme and its colon.
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("colon", ":"),
            Map.entry("tab", "\t"),
            Map.entry("newline", "\n"),
            Map.entry("nbsp", " "),
            Map.entry("lpar", "("),
            Map.entry("rpar", ")"),
            Map.entry("sol", "/"),
            Map.entry("bsol", "\\"),
            Map.entry("num", "#"),
            Map.entry("comma", ","),
            Map.entry("period", "."),
            Map.entry("excl", "!"),
            Map.entry("quot", "\""),
            Map.entry("apos", "'"),
            Map.entry("amp", "&"),
            Map.entry("lt", "<"),
            Map.entry("gt", ">"),
            Map.entry("equals", "="),
            Map.entry("plus", "+"),
            Map.entry("minus", "-"),
            Map.entry("hyphen", "-"),
            Map.entry("dash", "-"),
            Map.entry("lowbar", "_"),
            Map.entry("semi", ";"),
            Map.entry("percnt", "%"),
            Map.entry("quest", "?"),
            Map.entry("commat", "@"),
            Map.entry("grave", "`"),
            Map.entry("lsqb", "["),
            Map.entry("rsqb", "]"),
            Map.entry("lcub", "{"),
            Map.entry("rcub", "}"),
            Map.entry("vert", "|"),
            Map.entry("ast", "*"),
            Map.entry("dollar", "$"));

    private ExecutableContentChecker() {}

    /** What is wrong with the HTML, one line each; empty when nothing in it could run. */
    static List<String> problemsIn(String html) {
        var problems = new ArrayList<String>();
        var s = html.toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < s.length()) {
            int lt = s.indexOf('<', i);
            if (lt < 0 || lt + 1 >= s.length()) {
                break;
            }
            if (s.startsWith("<!--", lt)) {
                int end = s.indexOf("-->", lt + 4);
                i = end < 0 ? s.length() : end + 3;
            } else if (s.charAt(lt + 1) == '!' || s.charAt(lt + 1) == '?') {
                int end = s.indexOf('>', lt);
                i = end < 0 ? s.length() : end + 1;
            } else if (isAsciiLetter(s.charAt(lt + 1))
                    || (s.charAt(lt + 1) == '/' && lt + 2 < s.length() && isAsciiLetter(s.charAt(lt + 2)))) {
                i = readTag(s, lt, problems);
            } else {
                i = lt + 1;
            }
        }
        return problems;
    }

    /** Reads one tag starting at {@code start} and returns the index after it. */
    private static int readTag(String s, int start, List<String> problems) {
        int i = start + 1;
        boolean end = s.charAt(i) == '/';
        if (end) {
            i++;
        }
        int nameStart = i;
        while (i < s.length() && !isSpace(s.charAt(i)) && s.charAt(i) != '/' && s.charAt(i) != '>') {
            i++;
        }
        var name = s.substring(nameStart, i);
        if (FORBIDDEN_ELEMENTS.contains(name)) {
            problems.add("element <" + name + ">");
        }
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '>') {
                return i + 1;
            }
            if (isSpace(c) || c == '/') {
                i++;
                continue;
            }
            // An attribute name may itself start with '=' and runs until a space, '/', '>' or '='.
            int attributeStart = i++;
            while (i < s.length() && !isSpace(s.charAt(i)) && "/>=".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            var attribute = s.substring(attributeStart, i);
            String value = null;
            int afterName = skipSpaces(s, i);
            if (afterName < s.length() && s.charAt(afterName) == '=') {
                i = skipSpaces(s, afterName + 1);
                if (i < s.length() && (s.charAt(i) == '"' || s.charAt(i) == '\'')) {
                    int close = s.indexOf(s.charAt(i), i + 1);
                    close = close < 0 ? s.length() : close;
                    value = s.substring(i + 1, close);
                    i = Math.min(close + 1, s.length());
                } else {
                    int valueStart = i;
                    while (i < s.length() && !isSpace(s.charAt(i)) && s.charAt(i) != '>') {
                        i++;
                    }
                    value = s.substring(valueStart, i);
                }
            }
            if (!end) {
                checkAttribute(name, attribute, value, problems);
            }
        }
        return i;
    }

    private static void checkAttribute(String element, String attribute, String value, List<String> problems) {
        if (attribute.startsWith("on")) {
            problems.add("event handler " + attribute + " on <" + element + ">");
        }
        if (FORBIDDEN_ATTRIBUTES.contains(attribute)) {
            problems.add("attribute " + attribute + " on <" + element + ">");
        }
        if (value != null && (URL_ATTRIBUTES.contains(attribute) || attribute.endsWith(":href"))) {
            var url = INVISIBLE.matcher(decode(value)).replaceAll("");
            Matcher scheme = SCHEME.matcher(url);
            if (scheme.find() && !ALLOWED_SCHEMES.contains(scheme.group(1))) {
                problems.add(attribute + "=\"" + url + "\" on <" + element + "> uses scheme " + scheme.group(1));
            }
        }
    }

    /** Decodes entities once, as a browser decodes an attribute value; where in doubt it decodes more (stricter). */
    static String decode(String value) {
        var matcher = ENTITY.matcher(value);
        var out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(entity(matcher.group(1), matcher.group())));
        }
        matcher.appendTail(out);
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static String entity(String body, String whole) {
        var name = body.endsWith(";") ? body.substring(0, body.length() - 1) : body;
        try {
            if (name.startsWith("#x")) {
                return Character.toString(Integer.parseInt(name.substring(2), 16));
            }
            if (name.startsWith("#")) {
                return Character.toString(Integer.parseInt(name.substring(1)));
            }
        } catch (IllegalArgumentException tooLargeOrInvalid) {
            return "\ufffd";
        }
        return NAMED.getOrDefault(name, whole);
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z';
    }
}
