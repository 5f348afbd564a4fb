package org.symptomgraph.limits;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import org.apache.jena.atlas.lib.Cache;
import org.apache.jena.atlas.lib.CacheFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;

/**
 * SPARQL's REGEX and REPLACE on RE2/J: matching takes time linear in the input, whatever the
 * pattern, where Java's backtracking engine can take exponential time ({@code ^(.*a){12}$} on
 * forty a's ran for minutes). RE2 has no back-references and no look-around; a pattern using them
 * is an evaluation error, as any pattern that does not compile.
 */
final class Regexes {

    /**
     * Patterns compiled, by their text and flags: a query's constant patterns are compiled each time
     * it is parsed or copied (5 % of the server's time for a label search); RE2/J patterns are
     * immutable and thread-safe. Bounded, so that a client sending new patterns only evicts.
     */
    private static final Cache<Key, Pattern> COMPILED = CacheFactory.createCache(1_000);

    private record Key(String pattern, String flags) {
    }

    private Regexes() {
    }

    /** Compiles a pattern with XPath flags (s, m, i, x, q), or takes it from those compiled before. */
    static Pattern compile(String pattern, String flags) {
        return COMPILED.get(new Key(pattern, flags), key -> compileNew(pattern, flags));
    }

    private static Pattern compileNew(String pattern, String flags) {
        int mask = 0;
        String regex = pattern;
        if (flags != null) {
            for (char c : flags.toCharArray()) {
                switch (c) {
                    case 'i' -> mask |= Pattern.CASE_INSENSITIVE;
                    case 'm' -> mask |= Pattern.MULTILINE;
                    case 's' -> mask |= Pattern.DOTALL;
                    case 'x', 'q' -> { }
                    default -> throw new ExprEvalException("regex: unsupported flag '" + c + "'");
                }
            }
            if (flags.indexOf('q') >= 0) {
                regex = Pattern.quote(regex);
            } else if (flags.indexOf('x') >= 0) {
                regex = withoutWhitespace(regex);
            }
        }
        try {
            return Pattern.compile(regex, mask);
        } catch (PatternSyntaxException e) {
            throw new ExprEvalException("regex: " + e.getDescription() + " in /" + pattern + "/");
        }
    }

    /** XPath's x flag: white space is dropped, except inside a character class. */
    private static String withoutWhitespace(String regex) {
        StringBuilder out = new StringBuilder(regex.length());
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                out.append(c).append(regex.charAt(++i));
                continue;
            }
            if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (!inClass && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    static Pattern compile(NodeValue pattern, NodeValue flags) {
        String p = NodeValueOps.checkAndGetStringLiteral("regex", pattern).getLiteralLexicalForm();
        String f = flags == null ? null : NodeValueOps.checkAndGetStringLiteral("regex", flags).getLiteralLexicalForm();
        return compile(p, f);
    }

    static NodeValue matches(NodeValue string, Pattern pattern) {
        String s = NodeValueOps.checkAndGetStringLiteral("regex", string).getLiteralLexicalForm();
        return NodeValue.booleanReturn(pattern.matcher(s).find());
    }

    /**
     * REPLACE as Jena does it (a pattern that matches the empty string replaces it once, at the
     * start), but building at most {@link QueryLimits#MAX_STRING} characters.
     */
    static NodeValue replace(NodeValue string, Pattern pattern, NodeValue replacement) {
        Node n = NodeValueOps.checkAndGetStringLiteral("replace", string);
        String s = n.getLiteralLexicalForm();
        String rep = NodeValueOps.checkAndGetStringLiteral("replace", replacement).getLiteralLexicalForm();
        Matcher m = pattern.matcher(s);
        StringBuilder out = null;
        try {
            while (m.find()) {
                if (out == null) {
                    out = new StringBuilder();
                } else if (m.start() == m.end()) {
                    continue;
                }
                m.appendReplacement(out, rep);
                Strings.check(out.length());
            }
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new ExprEvalException("replace: " + e.getMessage());
        }
        if (out == null) {
            return string;
        }
        m.appendTail(out);
        Strings.check(out.length());
        return NodeValue.makeNode(NodeFactory.createLiteral(out.toString(), n.getLiteralLanguage(),
                n.getLiteralDatatype()));
    }
}
