package org.symptomgraph.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.symptomgraph.bench.CorpusGenerator.ExpectedCategory;
import org.symptomgraph.bench.CorpusGenerator.ExpectedCause;
import org.symptomgraph.bench.CorpusGenerator.GeneratedPage;
import org.symptomgraph.model.Category;
import org.symptomgraph.model.Cause;
import org.symptomgraph.model.SymptomDocument;

/**
 * A generated page's expected facts and a parsed document's facts written alike, one line a fact,
 * so that a test compares them whole: symptom, date, mechanism, the category tree (name, kind,
 * inferred) and every cause (label, kind, brands, "others", abbreviation as other name, line,
 * evidence text).
 */
public final class GeneratedPages {

    private GeneratedPages() {
    }

    public static String expected(GeneratedPage p) {
        List<String> lines = new ArrayList<>();
        lines.add("symptom: " + p.symptom());
        lines.add("date: " + p.date().map(Object::toString).orElse("-"));
        lines.add("mechanism: " + p.mechanism());
        expected(p.categories(), "", lines);
        return String.join("\n", lines) + "\n";
    }

    public static String actual(SymptomDocument d) {
        List<String> lines = new ArrayList<>();
        lines.add("symptom: " + d.symptom());
        lines.add("date: " + d.date().map(Object::toString).orElse("-"));
        lines.add("mechanism: " + d.mechanism().orElse("-"));
        for (Cause c : d.causes()) {
            lines.add("uncategorised: " + c.label());
        }
        actual(d.categories(), "", lines);
        return String.join("\n", lines) + "\n";
    }

    private static void expected(List<ExpectedCategory> categories, String indent, List<String> lines) {
        for (ExpectedCategory c : categories) {
            lines.add(indent + "[" + c.name() + "] " + c.kind().name().toLowerCase(Locale.ROOT)
                    + (c.inferred() ? " inferred" : ""));
            for (ExpectedCause x : c.causes()) {
                lines.add(cause(indent + "  ", x.label(), x.kind().name(), x.brands(), x.otherBrands(),
                        x.abbreviations(), x.abbreviations(), x.line(), x.evidence()));
            }
            expected(c.children(), indent + "  ", lines);
        }
    }

    private static void actual(List<Category> categories, String indent, List<String> lines) {
        for (Category c : categories) {
            lines.add(indent + "[" + c.name() + "] " + c.kind().name().toLowerCase(Locale.ROOT)
                    + (c.inferred() ? " inferred" : ""));
            for (Cause x : c.causes()) {
                lines.add(cause(indent + "  ", x.label(), x.kind().name(), x.brands(), x.otherBrands(),
                        x.abbreviations(), x.aliases(), x.line(), x.evidence()));
            }
            actual(c.children(), indent + "  ", lines);
        }
    }

    private static String cause(String indent, String label, String kind, List<String> brands, boolean others,
            List<String> abbreviations, List<String> aliases, int line, String evidence) {
        return indent + "- " + label + " (" + kind.toLowerCase(Locale.ROOT) + ") @" + line + " brands " + brands
                + (others ? " +others" : "") + " abbr " + abbreviations + " aka " + aliases + " «" + evidence + "»";
    }
}
