package org.symptomgraph.model;

import java.util.List;

/**
 * A group of causes as the document organises them; categories nest.
 *
 * @param name         the category's name, as its heading or the intro list gives it
 * @param kind         the kind of cause it holds
 * @param inferred     true when no heading names it: it is known only from the intro list
 * @param line         1-based line that names it (heading or intro list item)
 * @param causes       causes listed directly in it
 * @param children     nested categories, in document order
 * @param bodySites    body sites the document ties to it ("spots on the face, neck and chest")
 * @param agentClasses infectious agent kinds it names ("a fungus, virus or bacteria")
 */
public record Category(
        String name,
        CauseKind kind,
        boolean inferred,
        int line,
        List<Cause> causes,
        List<Category> children,
        List<String> bodySites,
        List<AgentClass> agentClasses) {

    public Category {
        causes = List.copyOf(causes);
        children = List.copyOf(children);
        bodySites = List.copyOf(bodySites);
        agentClasses = List.copyOf(agentClasses);
    }
}
