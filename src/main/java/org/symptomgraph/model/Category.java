package org.symptomgraph.model;

import java.util.List;
import java.util.Optional;

/**
 * A group of causes as the document organises them; categories nest.
 *
 * @param name         the category's name: its heading, the intro list's item, or a name made from
 *                     its lead-in sentence ("Specific causes of X include:" gives "Specific causes")
 * @param kind         the kind of cause it holds
 * @param origin       what on the page makes it a group
 * @param frequency    how common the page says its causes are, if it says
 * @param line         1-based line that names it (heading, intro list item, lead-in or sentence)
 * @param leadIn       the sentence that introduces its list or names its causes, if any
 * @param causes       causes listed directly in it
 * @param children     nested categories, in document order
 * @param bodySites    body sites the document ties to it ("spots on the face, neck and chest")
 * @param agentClasses infectious agent kinds it names ("a fungus, virus or bacteria")
 */
public record Category(
        String name,
        CauseKind kind,
        Origin origin,
        Optional<Frequency> frequency,
        int line,
        Optional<String> leadIn,
        List<Cause> causes,
        List<Category> children,
        List<String> bodySites,
        List<AgentClass> agentClasses) {

    /** What on the page makes a group of causes. */
    public enum Origin {
        /** A heading above its causes. */
        HEADING,
        /** An item of the intro's list of kinds of cause, without a heading of its own. */
        INTRO_LIST,
        /** A sentence that introduces a list ("Rare causes of X include:"). */
        LEAD_IN,
        /** A sentence that names the causes itself ("The most common causes of X are A and B."). */
        PROSE,
        /** A list set apart from the one before (two blank lines, where a heading was lost), with no name. */
        UNNAMED
    }

    public Category {
        causes = List.copyOf(causes);
        children = List.copyOf(children);
        bodySites = List.copyOf(bodySites);
        agentClasses = List.copyOf(agentClasses);
    }

    /** No heading names it: it is known from the intro's list of kinds of cause only. */
    public boolean inferred() {
        return origin == Origin.INTRO_LIST;
    }
}
