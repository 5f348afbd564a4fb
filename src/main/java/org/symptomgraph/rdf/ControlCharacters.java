package org.symptomgraph.rdf;

import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.rdf.model.StmtIterator;

/**
 * No control character reaches the graph, whatever the source: a file name, a page, a link table.
 * An ESC in a file name became a label that RDF/XML and SPARQL's XML results cannot carry (the
 * server answered 200 with no bytes). Literals may hold line breaks and tabs (XML allows them);
 * no other control character (U+0000 to U+001F, U+007F to U+009F) is taken.
 */
public final class ControlCharacters {

    /** A literal with a control character: its message names the character and the text. */
    public static final class Found extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Found(String message) {
            super(message);
        }
    }

    private ControlCharacters() {
    }

    /** The first control character other than tab, line feed and carriage return, or -1. */
    public static int first(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return c;
            }
        }
        return -1;
    }

    /** @throws Found for the first literal of the model that holds a control character */
    static void refuse(Model model) {
        StmtIterator it = model.listStatements();
        try {
            while (it.hasNext()) {
                Statement st = it.next();
                if (st.getObject().isLiteral()) {
                    Literal l = st.getObject().asLiteral();
                    int c = first(l.getLexicalForm());
                    if (c >= 0) {
                        throw new Found(String.format("a control character (U+%04X) in %s \"%s\"", c,
                                st.getPredicate().getLocalName(), l.getLexicalForm().replaceAll("\\p{Cc}", "?")));
                    }
                }
            }
        } finally {
            it.close();
        }
    }
}
