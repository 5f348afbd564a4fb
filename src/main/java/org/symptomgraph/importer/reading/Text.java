package org.symptomgraph.importer.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small operations on English text that every pass needs: sentences, parentheses, enumerations. */
final class Text {

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    /** Final punctuation, and footnote marks ("Corneal ulcer*", "Scleritis†") that point elsewhere on the page. */
    private static final Pattern END_PUNCTUATION = Pattern.compile("[\\s.,;:!?*†‡§]+$");
    /** Words after which a full stop does not end a sentence. */
    private static final Pattern ABBREVIATION_BEFORE = Pattern.compile(
            "(?:\\b(?:e\\.g|i\\.e|dr|mr|mrs|ms|vs|etc|st|no|approx|fig|al)|\\b\\p{Lu})\\.$", Pattern.CASE_INSENSITIVE);
    private static final Pattern JOIN = Pattern.compile("\\s+(?:and/or|and|or)\\s+", Pattern.CASE_INSENSITIVE);

    private Text() {
    }

    /** A sentence and where it starts in its paragraph. */
    record Sentence(int start, String text) {
    }

    /**
     * The sentences of a paragraph with their offsets: a sentence ends at a stop followed by a space
     * and a capital, a digit or a quote, never inside parentheses and not after "e.g." or an initial.
     */
    static List<Sentence> sentences(String paragraph) {
        List<Sentence> out = new ArrayList<>();
        int[] depth = depths(paragraph);
        int start = 0;
        int n = paragraph.length();
        for (int i = 0; i < n; i++) {
            char c = paragraph.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && depth[i] == 0) {
                int j = i + 1;
                while (j < n && "\"”’')]".indexOf(paragraph.charAt(j)) >= 0) {
                    j++;
                }
                if (j >= n || !Character.isWhitespace(paragraph.charAt(j))) {
                    continue;
                }
                int k = j;
                while (k < n && Character.isWhitespace(paragraph.charAt(k))) {
                    k++;
                }
                if (k >= n) {
                    break;
                }
                char next = paragraph.charAt(k);
                boolean starts = Character.isUpperCase(next) || Character.isDigit(next) || "\"“(‘'".indexOf(next) >= 0;
                if (!starts || c == '.' && ABBREVIATION_BEFORE.matcher(paragraph.substring(Math.max(0, i - 6), i + 1))
                        .find()) {
                    continue;
                }
                add(out, paragraph, start, j);
                start = k;
                i = k - 1;
            }
        }
        add(out, paragraph, start, n);
        return out;
    }

    private static void add(List<Sentence> out, String paragraph, int from, int to) {
        String piece = paragraph.substring(from, to);
        if (!piece.isBlank()) {
            int lead = 0;
            while (Character.isWhitespace(piece.charAt(lead))) {
                lead++;
            }
            out.add(new Sentence(from + lead, piece.strip()));
        }
    }

    /** For each character, how many parentheses (or brackets) are open before it. */
    static int[] depths(String text) {
        int[] depth = new int[text.length() + 1];
        int d = 0;
        for (int i = 0; i < text.length(); i++) {
            depth[i] = d;
            char c = text.charAt(i);
            if (c == '(' || c == '[') {
                d++;
            } else if ((c == ')' || c == ']') && d > 0) {
                d--;
            }
        }
        depth[text.length()] = d;
        return depth;
    }

    /** The first match of the pattern outside parentheses, or -1. */
    static int firstOutside(Pattern pattern, String text) {
        int[] depth = depths(text);
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (depth[m.start()] == 0 && depth[Math.min(m.end(), text.length())] == 0) {
                return m.start();
            }
        }
        return -1;
    }

    /** The text with every parenthesis (and what is in it) left out. */
    static String withoutParentheses(String text) {
        StringBuilder out = new StringBuilder();
        int d = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                d++;
            } else if (c == ')' && d > 0) {
                d--;
            } else if (d == 0) {
                out.append(c);
            }
        }
        return clean(out.toString());
    }

    /**
     * "A, B (x, y), C and D" into its items: cut at commas, then at "and", "or" and "and/or", never
     * inside parentheses; where semicolons separate the items, at semicolons only. Empty pieces are
     * left out.
     */
    static List<String> enumeration(String text) {
        List<String> parts = new ArrayList<>();
        int[] depth = depths(text);
        // "kidney stones; interstitial cystitis, a bladder condition; irritation from soaps, douches, or
        // bubble baths; and bladder cancer": semicolons separate members that hold commas themselves.
        boolean semicolons = false;
        for (int i = 0; i < text.length(); i++) {
            semicolons |= text.charAt(i) == ';' && depth[i] == 0;
        }
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == ';' || c == ',' && !semicolons) && depth[i] == 0) {
                parts.add(text.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(text.substring(from));
        List<String> items = new ArrayList<>();
        for (String part : parts) {
            if (semicolons) {
                items.add(part);
                continue;
            }
            int[] d = depths(part);
            Matcher join = JOIN.matcher(part);
            int start = 0;
            while (join.find()) {
                if (d[join.start()] == 0) {
                    items.add(part.substring(start, join.start()));
                    start = join.end();
                }
            }
            items.add(part.substring(start));
        }
        List<String> out = new ArrayList<>();
        for (String item : items) {
            String s = stripEnd(item.strip()).replaceFirst("^(?i)(?:and|or)\\s+", "").strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** Number of words. */
    static int words(String text) {
        String s = text.strip();
        return s.isEmpty() ? 0 : WHITE_SPACE.split(s).length;
    }

    /** Collapses white space. */
    static String clean(String s) {
        return WHITE_SPACE.matcher(s.strip()).replaceAll(" ");
    }

    /** Without final punctuation and white space. */
    static String stripEnd(String s) {
        return END_PUNCTUATION.matcher(s.strip()).replaceAll("");
    }

    /** The first letter in upper case. */
    static String capitalise(String s) {
        if (s.isEmpty()) {
            return s;
        }
        int first = s.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toUpperCase(first))
                .append(s.substring(Character.charCount(first))).toString();
    }

    /** Whether parentheses open and close in balance. */
    static boolean balanced(String s) {
        return depths(s)[s.length()] == 0 && s.chars().filter(c -> c == ')').count() == s.chars().filter(c -> c == '(')
                .count();
    }
}
