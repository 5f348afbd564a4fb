package org.symptomgraph.links;

import java.util.List;

/** The link table cannot be used: each problem names the file and line ({@code links.tsv:12: ...}). */
public final class LinkTableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public LinkTableException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : problems.size() + " problems in the link table:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, each starting with {@code file:line:}. */
    public List<String> problems() {
        return problems;
    }
}
