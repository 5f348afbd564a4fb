package org.symptomgraph.model;

import java.util.Locale;

/**
 * How common a page says a group of causes is: "the most common causes are …", "less common causes",
 * "rarely, …", "other possible causes". Ordered from most to least common, {@link #OTHER} last: it
 * says the causes are further ones, not how often they occur.
 */
public enum Frequency {
    MOST_COMMON,
    COMMON,
    LESS_COMMON,
    RARE,
    OTHER;

    /** The short name used in files and the ontology's skos:notation: "most-common". */
    public String notation() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The frequency a short name stands for. */
    public static Frequency ofNotation(String notation) {
        return valueOf(notation.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
