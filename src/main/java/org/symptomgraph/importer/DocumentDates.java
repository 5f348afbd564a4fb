package org.symptomgraph.importer;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** A line that is a date, the way pages write them: "May 26, 2023", "26 May 2023", "2023-05-26". */
final class DocumentDates {

    private static final Pattern PREFIX = Pattern.compile(
            "^(?:(?:last )?(?:updated|reviewed|modified|published|revised)(?: on)?|date|as of)\\s*:?\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final List<DateTimeFormatter> FORMATS = List.of(
            formatter("MMMM d, uuuu"), formatter("MMMM d uuuu"), formatter("MMM d, uuuu"), formatter("MMM d uuuu"),
            formatter("MMM. d, uuuu"), formatter("d MMMM uuuu"), formatter("d MMM uuuu"), formatter("d MMM. uuuu"),
            formatter("uuuu-MM-dd"), formatter("uuuu/MM/dd"));

    private DocumentDates() {
    }

    /** The date, when the whole line is one (an "Updated:" style prefix allowed). */
    static Optional<LocalDate> parse(String line) {
        String s = PREFIX.matcher(line.strip()).replaceFirst("").replaceAll("[.]$", "").strip()
                .replaceAll("(\\d)(st|nd|rd|th)\\b", "$1").replace("Sept", "Sep");
        if (s.length() > 30) {
            return Optional.empty();
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

    private static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                .toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
    }
}
