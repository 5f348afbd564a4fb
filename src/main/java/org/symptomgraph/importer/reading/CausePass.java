package org.symptomgraph.importer.reading;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.symptomgraph.importer.page.Block;
import org.symptomgraph.model.Category;
import org.symptomgraph.model.Cause;
import org.symptomgraph.model.CauseKind;

/**
 * Reads the causes of every category from where they come from (list items, names in sentences, by
 * {@link CauseNames}), leaves out categories that list nothing (reported), names a list that lost its
 * heading by what it holds ("Medicines" when its causes are drugs), and makes category names distinct.
 */
final class CausePass implements ReadingPass {

    @Override
    public void apply(Reading r) {
        for (Draft d : r.allDrafts()) {
            read(r, d);
        }
        read(r, r.uncategorised);
        prune(r, r.roots);
        Set<String> names = new HashSet<>();
        for (Draft d : r.allDrafts()) {
            if (d.origin == Category.Origin.UNNAMED && !d.causes.isEmpty()
                    && d.causes.stream().filter(c -> c.kind() == CauseKind.DRUG).count() * 3 >= d.causes.size() * 2) {
                d.name = "Medicines";
            }
        }
        unique(r.roots, names);
    }

    private static void read(Reading r, Draft d) {
        CauseKind kind = d == r.uncategorised ? CauseKind.UNSPECIFIED : d.kind();
        for (Draft.Source source : d.sources) {
            if (source instanceof Draft.ItemSource item) {
                Block b = item.item();
                CauseNames.ofItem(b.text(), kind, b.line(), note -> r.warn(b.line(), note)).forEach(c -> add(d.causes, c));
            } else if (source instanceof Draft.SentenceSource sentence) {
                for (Statements.Piece piece : sentence.pieces()) {
                    if (piece.wholeItem()) {
                        CauseNames.ofItem(piece.text(), kind, sentence.line(), note -> r.warn(sentence.line(), note))
                                .forEach(c -> add(d.causes, c.withEvidence(CauseNames.evidence(sentence.sentence()))));
                    } else {
                        CauseNames.ofPiece(piece.text(), piece.detail(), kind, sentence.line(), sentence.sentence(),
                                note -> r.warn(sentence.line(), note)).ifPresent(c -> add(d.causes, c));
                    }
                }
            }
        }
    }

    /** A cause named twice in one category (differing only in case) is listed once. */
    private static void add(List<Cause> causes, Cause cause) {
        if (causes.stream().noneMatch(c -> c.label().equalsIgnoreCase(cause.label()))) {
            causes.add(cause);
        }
    }

    /** Leaves out categories that list no causes, themselves or below; each is reported. */
    private static void prune(Reading r, List<Draft> level) {
        for (Draft d : List.copyOf(level)) {
            prune(r, d.children);
            if (d.causes.isEmpty() && d.children.isEmpty()) {
                level.remove(d);
                r.warn(d.line, d.origin == Category.Origin.INTRO_LIST
                        ? "the kind of cause \"" + d.name + "\" named in the intro has no section and no causes; left out"
                        : "category \"" + d.name + "\" lists no causes; left out");
            }
        }
    }

    /** Categories of one page have distinct names: a repeated one gets a number. */
    private static void unique(List<Draft> drafts, Set<String> names) {
        for (Draft d : drafts) {
            String base = d.name;
            int n = 2;
            while (!names.add(d.name.toLowerCase(Locale.ROOT))) {
                d.name = base + " (" + n++ + ")";
            }
            unique(d.children, names);
        }
    }
}
