package org.symptomgraph.importer.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The symptom a page is about, as the reading knows it: its name and other names, and how to find
 * it in a sentence ("of a low white blood cell count", "Low potassium (hypokalemia) has …").
 */
final class Symptom {

    private static final Pattern PRONUNCIATION = Pattern.compile("\\p{L}-\\p{Lu}{2,}|\\p{Lu}{2,}-\\p{L}");

    private final String name;
    private final List<String> aliases = new ArrayList<>();
    private Pattern mention;

    Symptom(String name) {
        this.name = name;
        this.mention = pattern();
    }

    String name() {
        return name;
    }

    List<String> aliases() {
        return aliases;
    }

    void addAlias(String alias) {
        String a = Text.capitalise(Text.clean(alias));
        if (PRONUNCIATION.matcher(a).find() || Text.words(a) > 6) {
            return; // "(puh-TEE-kee-ee)" says how to pronounce the name
        }
        if (!a.isEmpty() && !a.equalsIgnoreCase(name) && aliases.stream().noneMatch(a::equalsIgnoreCase)) {
            aliases.add(a);
            mention = pattern();
        }
    }

    /** Whether the text names the symptom (any of its names, singular or plural), or says "this symptom". */
    boolean in(String text) {
        return mention.matcher(text).find();
    }

    /** The text with every mention of the symptom blanked out (so that its name's words do not count). */
    String without(String text) {
        return mention.matcher(text).replaceAll(" ");
    }

    private Pattern pattern() {
        List<String> forms = new ArrayList<>();
        forms.add(name);
        forms.addAll(aliases);
        StringBuilder alternatives = new StringBuilder("this symptom|this sign|this condition");
        for (String form : forms) {
            String words = Pattern.quote(form.toLowerCase(Locale.ROOT)).replace(" ", "\\E\\s+\\Q");
            alternatives.append('|').append(words).append("(?:s|es)?");
        }
        return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** Finds other names in "S (other)", "other (S)", "S, also called other" and "other, also called S". */
    void findAliases(String sentence) {
        Matcher m = mention.matcher(sentence);
        while (m.find()) {
            String after = sentence.substring(m.end());
            Matcher paren = Pattern.compile("^\\s*\\((?:also called |or |also known as |a |an )?([^()]{2,60})\\)").matcher(after);
            if (paren.find()) {
                addAlias(paren.group(1));
            }
            Matcher called = Pattern.compile("^\\s*,\\s*also (?:called|known as)\\s+([^,.;()]{2,60})").matcher(after);
            if (called.find()) {
                addAlias(called.group(1));
            }
            String before = sentence.substring(0, m.start());
            Matcher beforeParen = Pattern.compile("(?:^|\\b(?:of|to|in|with|has|have|and)\\s+)(?:the\\s+|a\\s+|an\\s+)?"
                    + "([\\p{L}][\\p{L}\\s'-]{2,60}?)\\s*\\(\\s*$", Pattern.CASE_INSENSITIVE).matcher(before);
            if (beforeParen.find() && sentence.substring(m.end()).startsWith(")")) {
                addAlias(beforeParen.group(1));
            }
            Matcher beforeCalled = Pattern.compile("(?:\\bof\\s+)?(?:the\\s+|a\\s+|an\\s+)?([\\p{L}][\\p{L}\\s'-]{2,40}?),\\s*"
                    + "also (?:called|known as)\\s*$", Pattern.CASE_INSENSITIVE).matcher(before);
            if (beforeCalled.find()) {
                String alias = beforeCalled.group(1).replaceFirst("(?i)^.*\\bof\\s+", "");
                addAlias(alias);
            }
        }
    }
}
