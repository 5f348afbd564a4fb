package org.symptomgraph.model;

import java.util.List;
import java.util.Optional;

/**
 * One cause as a document names it.
 *
 * @param label         preferred name: the head of the item, without parentheses, examples or clauses
 * @param kind          what sort of cause it is
 * @param aliases       other names the document gives (the long form of an abbreviation included)
 * @param abbreviations abbreviations the document gives, such as "ITP"
 * @param brands        brand names (drugs only), without the "others" marker
 * @param otherBrands   the document says more brands exist ("others")
 * @param definition    what the document says the cause is, in a gloss: "Sepsis (an overwhelming
 *                      bloodstream infection)"
 * @param detail        the rest of the item that is not its name: examples ("such as …"), qualifiers
 *                      ("especially in young children"), trailing clauses and further sentences
 * @param group         for a drug split out of an item that names a class ("Antiviral drugs, such as
 *                      ganciclovir (Cytovene)"), the class
 * @param dueTo         what the item says the cause is due to ("Kidney stones due to dehydration")
 * @param line          1-based line of the document that names it
 * @param evidence      the list item or sentence that names it
 */
public record Cause(
        String label,
        CauseKind kind,
        List<String> aliases,
        List<String> abbreviations,
        List<String> brands,
        boolean otherBrands,
        Optional<String> definition,
        Optional<String> detail,
        Optional<String> group,
        Optional<String> dueTo,
        int line,
        String evidence) {

    public Cause {
        aliases = List.copyOf(aliases);
        abbreviations = List.copyOf(abbreviations);
        brands = List.copyOf(brands);
    }

    /** The same cause with other evidence (the sentence a list of it came from). */
    public Cause withEvidence(String text) {
        return new Cause(label, kind, aliases, abbreviations, brands, otherBrands, definition, detail, group, dueTo, line,
                text);
    }
}
