package org.symptomgraph.rdf;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The lookup key of a name ({@code sg:nameKey}, {@code sg:brandKey}): the name in lower case with
 * each run of white space as one space, and none at either end. The canned queries find an entity
 * by the key of the name they are given, which a triple index answers at once; comparing
 * {@code LCASE(?label)} with the name instead reads every label in the graph.
 *
 * <p>The queries compute the same key in SPARQL, {@code REPLACE(LCASE(?_name), "\\s+", " ")}, so
 * both sides must agree: white space is what Java's {@code \s} matches (Jena's REPLACE uses Java
 * regular expressions), and lower case is {@link Locale#ROOT}'s, as Jena's LCASE in any locale
 * without special casing rules. Names never start or end with white space (the importer strips
 * them), so the query need not strip the value it is given.
 */
public final class NameKey {

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private NameKey() {
    }

    /** The key of a name: "Easy  Bruising" becomes "easy bruising". */
    public static String of(String name) {
        return WHITE_SPACE.matcher(name).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }
}
