package org.symptomgraph.importer;

import org.symptomgraph.importer.reading.DocumentReader;
import java.util.List;
import java.util.Locale;
import org.symptomgraph.model.Category;
import org.symptomgraph.model.Cause;
import org.symptomgraph.model.CauseKind;
import org.symptomgraph.model.SymptomDocument;

/**
 * Every fact the parser read from a document, as text: one line for the document's own facts, one
 * for each category (name, kind, whether it is inferred, its line, body sites and agents), one for
 * each cause under it (label, line, other names, abbreviations, brands, "others", the evidence text
 * when it is not just the label), and one for each warning. Tests compare it whole, so no fact can
 * change unnoticed.
 */
final class DocumentOutline {

    private DocumentOutline() {
    }

    static String of(DocumentReader.Result r) {
        SymptomDocument d = r.document();
        StringBuilder b = new StringBuilder();
        b.append("symptom: ").append(d.symptom()).append('\n');
        b.append("date: ").append(d.date().map(Object::toString).orElse("-")).append('\n');
        b.append("mechanism: ").append(d.mechanism().orElse("-")).append('\n');
        b.append("disclaimer: ").append(d.disclaimer().orElse("-")).append('\n');
        for (Cause c : d.causes()) {
            cause(b, "", c, null);
        }
        categories(b, "", d.categories());
        r.warnings().forEach(w -> b.append("warning ").append(w).append('\n'));
        return b.toString();
    }

    private static void categories(StringBuilder b, String indent, List<Category> categories) {
        for (Category c : categories) {
            b.append(indent).append('[').append(c.name()).append("] ").append(kind(c.kind()));
            if (c.inferred()) {
                b.append(", inferred");
            }
            b.append(", line ").append(c.line());
            if (!c.bodySites().isEmpty()) {
                b.append(", sites ").append(c.bodySites());
            }
            if (!c.agentClasses().isEmpty()) {
                b.append(", agents ").append(c.agentClasses().stream().map(a -> a.schemaName()).sorted().toList());
            }
            b.append('\n');
            for (Cause cause : c.causes()) {
                cause(b, indent + "  ", cause, c.kind());
            }
            categories(b, indent + "  ", c.children());
        }
    }

    private static void cause(StringBuilder b, String indent, Cause c, CauseKind categoryKind) {
        b.append(indent).append("- ").append(c.label());
        if (c.kind() != categoryKind) {
            b.append(" (").append(kind(c.kind())).append(')');
        }
        b.append(" @").append(c.line());
        if (!c.aliases().isEmpty()) {
            b.append(" aka ").append(c.aliases());
        }
        if (!c.abbreviations().isEmpty()) {
            b.append(" abbr ").append(c.abbreviations());
        }
        if (!c.brands().isEmpty()) {
            b.append(" brands ").append(c.brands());
        }
        if (c.otherBrands()) {
            b.append(" +others");
        }
        if (!c.evidence().equals(c.label())) {
            b.append(" «").append(c.evidence()).append('»');
        }
        b.append('\n');
    }

    private static String kind(CauseKind k) {
        return k.name().toLowerCase(Locale.ROOT);
    }
}
