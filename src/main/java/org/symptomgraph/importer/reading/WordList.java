package org.symptomgraph.importer.reading;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One of the importer's English word lists, read once from a resource file beside this class (one
 * phrase a line, {@code #} comments): matched as whole words, case ignored, longest phrase first.
 */
final class WordList {

    private final String name;
    private final List<String> phrases;
    private final Set<String> words;
    private final Pattern anywhere;
    private final Pattern atStart;
    private final Pattern atEnd;

    private WordList(String name, List<String> phrases) {
        this.name = name;
        this.phrases = List.copyOf(phrases);
        this.words = phrases.stream().map(p -> p.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        String alternatives = phrases.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(WordList::quote).collect(Collectors.joining("|"));
        int flags = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        this.anywhere = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])", flags);
        this.atStart = Pattern.compile("^\\s*(?:" + alternatives + ")(?![\\p{L}\\p{N}])", flags);
        this.atEnd = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")[\\s.,;:!?]*$", flags);
    }

    /** The list in {@code name.txt}. */
    static WordList of(String name) {
        return new WordList(name, lines(name + ".txt").stream().map(String::strip).toList());
    }

    /** The lines of a resource file of this package, comments and blank lines left out. */
    static List<String> lines(String resource) {
        List<String> out = new ArrayList<>();
        try (InputStream in = WordList.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("word list " + resource + " is missing from the jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.stripLeading().startsWith("#")) {
                    out.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String quote(String phrase) {
        // White space in a phrase matches any run of it; the rest literally.
        String[] parts = phrase.strip().split("\\s+");
        List<String> quoted = new ArrayList<>();
        for (String p : parts) {
            quoted.add(Pattern.quote(p));
        }
        return String.join("\\s+", quoted);
    }

    /** Whether the text holds one of the phrases. */
    boolean in(String text) {
        return anywhere.matcher(text).find();
    }

    /** The first phrase in the text, where it is. */
    Optional<MatchResultView> find(String text) {
        return find(text, 0);
    }

    /** The first phrase in the text from {@code from} on. */
    Optional<MatchResultView> find(String text, int from) {
        Matcher m = anywhere.matcher(text);
        return m.find(from) ? Optional.of(new MatchResultView(m.start(), m.end(), m.group())) : Optional.empty();
    }

    /** Every place a phrase occurs, in order. */
    List<MatchResultView> findAll(String text) {
        List<MatchResultView> out = new ArrayList<>();
        Matcher m = anywhere.matcher(text);
        while (m.find()) {
            out.add(new MatchResultView(m.start(), m.end(), m.group()));
        }
        return out;
    }

    /** Whether the text starts with one of the phrases. */
    boolean startsIn(String text) {
        return atStart.matcher(text).find();
    }

    /** The phrase the text starts with, if any. */
    Optional<MatchResultView> atStart(String text) {
        Matcher m = atStart.matcher(text);
        return m.find() ? Optional.of(new MatchResultView(m.start(), m.end(), m.group().strip())) : Optional.empty();
    }

    /** Whether the text ends with one of the phrases (final punctuation aside). */
    boolean endsIn(String text) {
        return atEnd.matcher(text).find();
    }

    /** Whether the whole text, case aside, is one of the phrases. */
    boolean is(String text) {
        return words.contains(text.strip().toLowerCase(Locale.ROOT));
    }

    List<String> phrases() {
        return phrases;
    }

    @Override
    public String toString() {
        return name;
    }

    /** Where a phrase was found and what it was. */
    record MatchResultView(int start, int end, String text) {
    }
}
