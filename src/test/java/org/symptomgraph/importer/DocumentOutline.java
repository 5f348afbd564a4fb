package org.symptomgraph.importer;

import java.util.List;
import java.util.Locale;
import org.symptomgraph.model.Category;
import org.symptomgraph.model.Cause;
import org.symptomgraph.model.CauseKind;
import org.symptomgraph.model.SymptomDocument;

/**
 * Every fact the importer read from a document, as text: the document's own facts, one line for each
 * category (name, kind, what makes it a group, line, frequency, body sites, agents) and its lead-in,
 * one for each cause under it (label, line, other names, abbreviations, brands, "others", definition,
 * detail, drug class, what it is due to, and the evidence when it is not just the label), and one for
 * each warning. Tests compare it whole, so no fact can change unnoticed.
 */
final class DocumentOutline {

    private DocumentOutline() {
    }

    static String of(ImportedDocument r) {
        SymptomDocument d = r.document();
        StringBuilder b = new StringBuilder();
        b.append("symptom: ").append(d.symptom());
        if (!d.symptomAliases().isEmpty()) {
            b.append(" aka ").append(d.symptomAliases());
        }
        b.append('\n');
        b.append("date: ").append(d.date().map(Object::toString).orElse("-")).append('\n');
        d.address().ifPresent(a -> b.append("address: ").append(a).append('\n'));
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
            b.append(indent).append('[').append(c.name()).append("] ").append(kind(c.kind())).append(", ")
                    .append(c.origin().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(", line ").append(c.line());
            c.frequency().ifPresent(f -> b.append(", ").append(f.notation()));
            if (!c.bodySites().isEmpty()) {
                b.append(", sites ").append(c.bodySites());
            }
            if (!c.agentClasses().isEmpty()) {
                b.append(", agents ").append(c.agentClasses().stream().map(a -> a.schemaName()).sorted().toList());
            }
            b.append('\n');
            c.leadIn().ifPresent(l -> b.append(indent).append("  lead-in «").append(l).append("»\n"));
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
        c.definition().ifPresent(x -> b.append(" def «").append(x).append('»'));
        c.detail().ifPresent(x -> b.append(" detail «").append(x).append('»'));
        c.group().ifPresent(x -> b.append(" group «").append(x).append('»'));
        c.dueTo().ifPresent(x -> b.append(" due to «").append(x).append('»'));
        if (!c.evidence().equals(c.label())) {
            b.append(" «").append(c.evidence()).append('»');
        }
        b.append('\n');
    }

    private static String kind(CauseKind k) {
        return k.name().toLowerCase(Locale.ROOT);
    }
}
