package org.symptomgraph.importer.reading;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.symptomgraph.importer.page.Block;
import org.symptomgraph.importer.page.Diagnostic;
import org.symptomgraph.importer.page.Page;

/** The state of reading one page, as the passes fill it in. */
final class Reading {

    final Page page;
    final List<Diagnostic> warnings = new ArrayList<>();

    /** The page's blocks without furniture (and, after the title pass, without the title). */
    List<Block> content;
    LocalDate date;
    String disclaimer;
    Symptom symptom;
    /** Names of the symptom the page gives in a section of its own ("Alternative Names"). */
    final List<String> otherNames = new ArrayList<>();
    final List<String> mechanism = new ArrayList<>();
    /** Top-level categories, in page order. */
    final List<Draft> roots = new ArrayList<>();
    /** Causes of a page that has no categories at all. */
    final Draft uncategorised = new Draft("(uncategorised)", null, 0);

    Reading(Page page) {
        this.page = page;
        this.content = page.blocks();
    }

    String file() {
        return page.name();
    }

    void warn(int line, String message) {
        warnings.add(new Diagnostic(page.name(), line, message));
    }

    /** Every category, parents before children. */
    List<Draft> allDrafts() {
        List<Draft> all = new ArrayList<>();
        addDepthFirst(roots, all);
        return all;
    }

    private static void addDepthFirst(List<Draft> drafts, List<Draft> into) {
        for (Draft d : drafts) {
            into.add(d);
            addDepthFirst(d.children, into);
        }
    }
}
