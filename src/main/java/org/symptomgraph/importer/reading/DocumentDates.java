package org.symptomgraph.importer.reading;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line that is a date, the way pages write them: "May 26, 2023", "26 May 2023", "2023-05-26",
 * "Friday, May 26, 2023", "26/05/2023", with a lead-in such as "Updated:" or "Page last reviewed:".
 * A numeric date whose day and month could be swapped ("05/06/2023") is not read: it is ambiguous.
 */
final class DocumentDates {

    private static final Pattern PREFIX = Pattern.compile(
            "^(?:(?:page|content|article|this page was|this article was) )?(?:(?:last|medically|first) )?"
                    + "(?:updated|reviewed|modified|published|revised|edited|posted)(?: (?:on|at))?\\s*:?\\s*"
                    + "|^(?:date(?: of last review| last reviewed| last updated)?|as of|last review)\\s*:?\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final List<DateTimeFormatter> FORMATS = List.of(
            formatter("MMMM d, uuuu"), formatter("MMMM d uuuu"), formatter("MMM d, uuuu"), formatter("MMM d uuuu"),
            formatter("MMM. d, uuuu"), formatter("d MMMM uuuu"), formatter("d MMM uuuu"), formatter("d MMM. uuuu"),
            formatter("d MMMM, uuuu"), formatter("uuuu-MM-dd"), formatter("uuuu/MM/dd"), formatter("uuuu-M-d"),
            formatter("EEEE, MMMM d, uuuu"), formatter("EEEE MMMM d, uuuu"), formatter("EEEE, d MMMM uuuu"),
            formatter("EEE, MMM d, uuuu"), formatter("EEE, d MMM uuuu"));
    /** Day and month as numbers: 26/05/2023, 5-26-2023, 26.05.2023. */
    private static final Pattern NUMERIC = Pattern.compile("^(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4})$");

    /** Every date the importer reads has a four-digit year: lines without one are not tried. */
    private static final Pattern YEAR = Pattern.compile("\\b\\d{4}\\b");
    private static final Pattern FINAL_DOT = Pattern.compile("[.]$");
    private static final Pattern ORDINAL = Pattern.compile("(\\d)(st|nd|rd|th)\\b");
    private static final Pattern SEPT = Pattern.compile("\\bSept\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private DocumentDates() {
    }

    /** A line that says when the page was reviewed or updated, with the date at its end. */
    private static final Pattern REVIEW_NOTE = Pattern.compile(
            "\\b(?:reviewed|updated|published|revised|modified|posted|review date|last review)\\b", Pattern.CASE_INSENSITIVE);
    /** A date that is not the page's: when it will be reviewed next, or expires. */
    private static final Pattern NOT_THE_PAGES = Pattern.compile("\\b(?:next review|review due|expires|accessed)\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * The date, when the whole line is one (an "Updated:" style prefix allowed), or when the line is a
     * short note of when the page was reviewed or updated that ends with a date ("Last reviewed by a
     * medical professional on 03/15/2022.", "Review Date 1/25/2023").
     */
    static Optional<LocalDate> parse(String line) {
        if (line.length() > 120 || !YEAR.matcher(line).find() || NOT_THE_PAGES.matcher(line).find()) {
            return Optional.empty();
        }
        Optional<LocalDate> whole = parseWhole(line);
        if (whole.isPresent() || !REVIEW_NOTE.matcher(line).find()) {
            return whole;
        }
        String[] words = FINAL_DOT.matcher(line.strip()).replaceAll("").split("\\s+");
        for (int n = Math.min(5, words.length - 1); n >= 1; n--) {
            String tail = String.join(" ", java.util.Arrays.copyOfRange(words, words.length - n, words.length));
            Optional<LocalDate> d = parseWhole(tail);
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> parseWhole(String line) {
        if (line.length() > 80) {
            return Optional.empty();
        }
        String s = normalise(line);
        if (s.length() > 40) {
            return Optional.empty();
        }
        Matcher numeric = NUMERIC.matcher(s);
        if (numeric.matches()) {
            return numeric(Integer.parseInt(numeric.group(1)), Integer.parseInt(numeric.group(3)),
                    Integer.parseInt(numeric.group(4)));
        }
        for (DateTimeFormatter f : FORMATS) {
            try {
                return Optional.of(LocalDate.parse(s, f));
            } catch (DateTimeParseException e) {
                // try the next way of writing it
            }
        }
        return Optional.empty();
    }

    /** Why a line that is a date was not read, when it is one but day and month cannot be told apart. */
    static Optional<String> ambiguity(String line) {
        if (line.length() > 80 || !YEAR.matcher(line).find()) {
            return Optional.empty();
        }
        Matcher m = NUMERIC.matcher(normalise(line));
        if (!m.matches()) {
            return Optional.empty();
        }
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(3));
        if (a != b && a <= 12 && b <= 12) {
            return Optional.of("the date \"" + line.strip() + "\" could be day-month or month-day; left out");
        }
        return Optional.empty();
    }

    /** Day-first or month-first, whichever is the only one that makes a date. */
    private static Optional<LocalDate> numeric(int a, int b, int year) {
        Optional<LocalDate> dayFirst = date(year, b, a);
        Optional<LocalDate> monthFirst = date(year, a, b);
        if (dayFirst.isPresent() && monthFirst.isPresent() && !dayFirst.equals(monthFirst)) {
            return Optional.empty();
        }
        return dayFirst.isPresent() ? dayFirst : monthFirst;
    }

    private static Optional<LocalDate> date(int year, int month, int day) {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static String normalise(String line) {
        String s = FINAL_DOT.matcher(PREFIX.matcher(line.strip()).replaceFirst("")).replaceAll("").strip();
        s = ORDINAL.matcher(s).replaceAll("$1");
        s = SEPT.matcher(s).replaceAll("Sep");
        return WHITE_SPACE.matcher(s).replaceAll(" ");
    }

    private static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                .toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
    }
}
