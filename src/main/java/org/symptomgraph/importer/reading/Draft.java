package org.symptomgraph.importer.reading;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.symptomgraph.importer.page.Block;
import org.symptomgraph.model.AgentClass;
import org.symptomgraph.model.Category;
import org.symptomgraph.model.Cause;
import org.symptomgraph.model.CauseKind;
import org.symptomgraph.model.Frequency;

/** A category while it is being read: where its causes come from, then the causes. */
final class Draft {

    /** Where causes of a category come from: a list item, or names a sentence enumerates. */
    sealed interface Source permits ItemSource, SentenceSource {
    }

    /** A list item (its text is read by {@link CauseNames#ofItem}). */
    record ItemSource(Block item) implements Source {
    }

    /** Names a sentence enumerates, with the sentence as their evidence. */
    record SentenceSource(String sentence, int line, List<Statements.Piece> pieces) implements Source {
    }

    String name;
    final Draft parent;
    int line;
    Category.Origin origin = Category.Origin.HEADING;
    Frequency frequency;
    String leadIn;
    /** A heading's level where the page gives one (Markdown, HTML), else 0. */
    int headingLevel;
    /** For a category opened by a list item with items under it: that item's depth. */
    int listLevel = -1;
    /** Whether a list of the page has been given to it. */
    boolean hasList;
    final List<Source> sources = new ArrayList<>();
    final List<Cause> causes = new ArrayList<>();
    final List<Draft> children = new ArrayList<>();
    final Set<String> sites = new LinkedHashSet<>();
    final Set<AgentClass> agents = new LinkedHashSet<>();

    Draft(String name, Draft parent, int line) {
        this.name = name;
        this.parent = parent;
        this.line = line;
    }

    /** Its own kind, or its parent's when its name says nothing. */
    CauseKind kind() {
        CauseKind own = CategoryNames.kind(name);
        return own == CauseKind.UNSPECIFIED && parent != null ? parent.kind() : own;
    }

    boolean isAncestorOf(Draft other) {
        for (Draft d = other == null ? null : other.parent; d != null; d = d.parent) {
            if (d == this) {
                return true;
            }
        }
        return false;
    }

    void frequencyIfNone(Optional<Frequency> f) {
        if (frequency == null) {
            frequency = f.orElse(null);
        }
    }

    Category build() {
        return new Category(name, kind(), origin, Optional.ofNullable(frequency), line, Optional.ofNullable(leadIn),
                causes, children.stream().map(Draft::build).toList(), List.copyOf(sites), List.copyOf(agents));
    }
}
