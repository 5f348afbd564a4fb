package org.symptomgraph.model;

import java.util.List;

/**
 * One cause as a document names it.
 *
 * @param label         preferred name, without parenthetical remarks
 * @param kind          what sort of cause it is
 * @param aliases       other names the document gives (the long form of an abbreviation included)
 * @param abbreviations abbreviations the document gives, such as "ITP"
 * @param brands        brand names (drugs only), without the "others" marker
 * @param otherBrands   the document says more brands exist ("others")
 * @param line          1-based line of the document that names it
 * @param evidence      the text of that line or sentence
 */
public record Cause(
        String label,
        CauseKind kind,
        List<String> aliases,
        List<String> abbreviations,
        List<String> brands,
        boolean otherBrands,
        int line,
        String evidence) {

    public Cause {
        aliases = List.copyOf(aliases);
        abbreviations = List.copyOf(abbreviations);
        brands = List.copyOf(brands);
    }
}
