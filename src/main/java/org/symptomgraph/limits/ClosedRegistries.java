package org.symptomgraph.limits;

import com.google.re2j.Pattern;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionBase;
import org.apache.jena.sparql.function.FunctionFactory;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.pfunction.PropertyFunctionFactory;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;

/**
 * Function registries that hold Jena's registered functions and nothing else. Jena's own
 * registries load any class named by a {@code java:} IRI (or an IRI mapped to one, such as
 * {@code apf:strSplit}, which splits on a Java regular expression): a query could call Java's
 * regex engine by name. Here only registered IRIs resolve, and those of the regular-expression
 * and concatenation functions ({@code fn:matches}, {@code fn:replace}, {@code fn:concat} and
 * their {@code sparql:} twins) resolve to the bounded forms.
 */
final class ClosedRegistries {

    private static final String FN = ARQConstants.fnPrefix;
    private static final String SPARQL = ARQConstants.sparqlPrefix;

    private ClosedRegistries() {
    }

    static FunctionRegistry functions() {
        FunctionRegistry global = FunctionRegistry.get();
        FunctionRegistry closed = new FunctionRegistry() {
            @Override
            public FunctionFactory get(String uri) {
                return isRegistered(uri) ? super.get(uri) : null;
            }
        };
        for (Iterator<String> it = global.keys(); it.hasNext(); ) {
            String uri = it.next();
            closed.put(uri, global.get(uri));
        }
        for (String ns : List.of(FN, SPARQL)) {
            closed.put(ns + "concat", uri -> new Concat());
            closed.put(ns + "replace", uri -> new Replace());
        }
        closed.put(FN + "matches", uri -> new Matches());
        closed.put(SPARQL + "regex", uri -> new Matches());
        return closed;
    }

    static PropertyFunctionRegistry propertyFunctions() {
        PropertyFunctionRegistry global = PropertyFunctionRegistry.get();
        PropertyFunctionRegistry closed = new PropertyFunctionRegistry() {
            @Override
            public boolean manages(String uri) {
                return isRegistered(uri);
            }

            @Override
            public PropertyFunctionFactory get(String uri) {
                return isRegistered(uri) ? super.get(uri) : null;
            }
        };
        for (Iterator<String> it = global.keys(); it.hasNext(); ) {
            String uri = it.next();
            closed.put(uri, global.get(uri));
        }
        return closed;
    }

    private static void arity(String uri, ExprList args, int min, int max) {
        if (args.size() < min || args.size() > max) {
            throw new ExprEvalException(uri + ": " + args.size() + " arguments");
        }
    }

    /** The last pattern compiled by one call site: most calls repeat it. */
    private abstract static class Compiling extends FunctionBase {
        private String lastSource;
        private String lastFlags;
        private Pattern last;

        Pattern pattern(NodeValue pattern, NodeValue flags) {
            String source = pattern.asString();
            String f = flags == null ? null : flags.asString();
            if (last == null || !source.equals(lastSource) || !Objects.equals(f, lastFlags)) {
                last = Regexes.compile(pattern, flags);
                lastSource = source;
                lastFlags = f;
            }
            return last;
        }
    }

    private static final class Matches extends Compiling {
        @Override
        public void checkBuild(String uri, ExprList args) {
            arity(uri, args, 2, 3);
        }

        @Override
        public NodeValue exec(List<NodeValue> args) {
            return Regexes.matches(args.get(0), pattern(args.get(1), args.size() > 2 ? args.get(2) : null));
        }
    }

    private static final class Replace extends Compiling {
        @Override
        public void checkBuild(String uri, ExprList args) {
            arity(uri, args, 3, 4);
        }

        @Override
        public NodeValue exec(List<NodeValue> args) {
            return Regexes.replace(args.get(0), pattern(args.get(1), args.size() > 3 ? args.get(3) : null),
                    args.get(2));
        }
    }

    private static final class Concat extends FunctionBase {
        @Override
        public void checkBuild(String uri, ExprList args) {
        }

        @Override
        public NodeValue exec(List<NodeValue> args) {
            return Strings.concat(args);
        }
    }
}
