package org.symptomgraph.importer.page;

/** Something the importer noticed but could not place with confidence; it is reported, not guessed. */
public record Diagnostic(String file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
