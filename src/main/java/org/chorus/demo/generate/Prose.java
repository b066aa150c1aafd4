package org.chorus.demo.generate;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Generated writing in one language: titles, subtitles, Markdown bodies of paragraphs (with some lists, emphasis,
 * headings and line breaks), comments and names, all of words drawn from the language's {@link Vocabulary}.
 */
final class Prose {

    static final int MIN_BODY = 2048;
    static final int MAX_BODY = 4096;

    private final Vocabulary words;
    private final Locale locale;

    Prose(Vocabulary words) {
        this.words = words;
        this.locale = Locale.forLanguageTag(words.language());
    }

    Vocabulary vocabulary() {
        return words;
    }

    /** 5 to 12 words, the first capitalized, no full stop. */
    String title(RandomGenerator random) {
        return capitalized(phrase(random, 5 + random.nextInt(8)));
    }

    /** A sentence of 8 to 16 words. */
    String subtitle(RandomGenerator random) {
        return sentence(random, 8 + random.nextInt(9));
    }

    /** A Markdown body of 2 to 4 KB (UTF-8): paragraphs, sometimes a heading, a list, emphasis or a line break. */
    String body(RandomGenerator random) {
        int target = MIN_BODY + random.nextInt(MAX_BODY - MIN_BODY);
        var out = new StringBuilder(MAX_BODY);
        int bytes = 0;
        var block = new StringBuilder(1024);
        while (bytes < target) {
            block.setLength(0);
            if (bytes > 0) {
                block.append("\n\n");
                int kind = random.nextInt(100);
                if (kind < 8) {
                    block.append("## ")
                            .append(capitalized(phrase(random, 2 + random.nextInt(4))))
                            .append("\n\n");
                } else if (kind < 20) {
                    list(random, block);
                    block.append("\n\n");
                }
            }
            paragraph(random, block);
            int size = utf8Length(block);
            if (bytes >= MIN_BODY && bytes + size > MAX_BODY) {
                break;
            }
            out.append(block);
            bytes += size;
        }
        return out.toString();
    }

    /** One to three sentences, plain text. */
    String comment(RandomGenerator random) {
        var out = new StringBuilder();
        int sentences = 1 + random.nextInt(3);
        for (int i = 0; i < sentences; i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(sentence(random, 5 + random.nextInt(12)));
        }
        return out.toString();
    }

    /** A capitalized word of at least four letters, for names of people and organizations. */
    String name(RandomGenerator random) {
        return capitalized(words.drawLong(random, 4));
    }

    private void paragraph(RandomGenerator random, StringBuilder out) {
        int sentences = 3 + random.nextInt(4);
        boolean lineBreak = random.nextInt(10) == 0;
        for (int i = 0; i < sentences; i++) {
            if (i > 0) {
                // a line break inside a paragraph, which Chorus keeps
                out.append(lineBreak && i == sentences - 1 ? "\n" : " ");
            }
            int length = 6 + random.nextInt(15);
            var sentence = sentence(random, length);
            int emphasis = random.nextInt(25);
            if (emphasis == 0) {
                out.append('*').append(sentence, 0, sentence.length() - 1).append("*.");
            } else if (emphasis == 1) {
                var space = sentence.indexOf(' ');
                out.append("**").append(sentence, 0, space).append("**").append(sentence, space, sentence.length());
            } else {
                out.append(sentence);
            }
        }
    }

    private void list(RandomGenerator random, StringBuilder out) {
        int items = 3 + random.nextInt(3);
        boolean numbered = random.nextInt(3) == 0;
        for (int i = 0; i < items; i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(numbered ? (i + 1) + ". " : "- ")
                    .append(capitalized(phrase(random, 3 + random.nextInt(8))))
                    .append(';');
        }
    }

    private String sentence(RandomGenerator random, int length) {
        var out = new StringBuilder(length * 9);
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                out.append(i > 3 && i < length - 2 && random.nextInt(9) == 0 ? ", " : " ");
            }
            out.append(words.draw(random));
        }
        return capitalized(out.toString()) + ".";
    }

    private String phrase(RandomGenerator random, int length) {
        var out = new StringBuilder(length * 9);
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(words.draw(random));
        }
        return out.toString();
    }

    private String capitalized(String text) {
        if (text.isEmpty()) {
            return text;
        }
        int first = text.codePointAt(0);
        return new StringBuilder()
                .appendCodePoint(Character.toTitleCase(first))
                .append(text, Character.charCount(first), text.length())
                .toString();
    }

    Locale locale() {
        return locale;
    }

    private static int utf8Length(CharSequence text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }
}
