package org.symptomgraph.queries;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How query results are written. SELECT and ASK results: a text table, or the W3C SPARQL results
 * formats CSV, TSV and JSON. CONSTRUCT results are a graph: Turtle as text, JSON-LD as JSON.
 */
public enum ResultFormat {
    TEXT, CSV, TSV, JSON;

    /** By name, ignoring case: "text", "csv", "tsv", "json". */
    public static Optional<ResultFormat> forName(String name) {
        return Arrays.stream(values()).filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
    }

    /** For messages: "text, csv, tsv, json". */
    public static String names() {
        return Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
