package org.symptomgraph.queries;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.expr.E_Coalesce;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransform;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

/**
 * One query of the catalogue, read from {@code NAME.rq}.
 *
 * @param name        the file name without {@code .rq}, in kebab-case
 * @param title       one line ({@code summary} in the file)
 * @param description what the query answers and how it matches its parameters
 * @param keywords    the file's {@code tags}
 * @param parameters  in the order they first appear in the query, then {@code page} if paged
 * @param pageSize    the rows of a page ({@code pagination}), 0 for the whole answer at once
 * @param text        the SPARQL text: the file without its {@code #+} decorator lines
 * @param query       the parsed query, parameters still variables
 */
public record CannedQuery(String name, String title, String description, List<String> keywords,
        List<Parameter> parameters, int pageSize, String text, Query query) {

    /** The parameter of a paged query that picks the page (1, 2, ...). */
    public static final String PAGE = Pages.PARAMETER;

    public CannedQuery {
        keywords = List.copyOf(keywords);
        parameters = List.copyOf(parameters);
    }

    /** Whether the query answers a page at a time ({@code pagination} in its file). */
    public boolean paged() {
        return pageSize > 0;
    }

    /** A copy: Jena queries are mutable, and the catalogue is shared. */
    @Override
    public Query query() {
        return query.cloneQuery();
    }

    /**
     * The query with parameter values bound as RDF terms; defaults fill what is not given.
     * Binding replaces the variables in the parsed query (syntactic substitution), so a value is
     * always one term and never query text. An optional parameter without a value stays a variable.
     *
     * @throws IllegalArgumentException with a user-readable message for an unknown parameter, a
     *         missing required one, or a bad value
     */
    public Query bind(Map<String, String> values) {
        for (String given : values.keySet()) {
            if (parameters.stream().noneMatch(p -> p.name().equals(given))) {
                throw new IllegalArgumentException("query " + name + " has no parameter '" + given + "'"
                        + (parameters.isEmpty() ? " (it takes none)" : " (its parameters: " + names() + ")"));
            }
        }
        Map<Var, Node> terms = new HashMap<>();
        boolean readsPage = false;
        for (Parameter p : parameters) {
            String value = values.containsKey(p.name()) ? values.get(p.name()) : p.defaultValue().orElse(null);
            if (pageSize > 0 && p.name().equals(Pages.PARAMETER)) {
                try {
                    Pages.number(value, pageSize);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("query " + name + ", parameter " + Pages.PARAMETER + ": " + e.getMessage());
                }
                readsPage = Pages.readByQuery(p);
                if (!readsPage) {
                    continue;
                }
            }
            if (value == null) {
                if (p.required()) {
                    throw new IllegalArgumentException("query " + name + " needs parameter " + p.name() + " ("
                            + p.type().label() + ")");
                }
                continue;
            }
            try {
                terms.put(Var.alloc(p.variable()), p.type().toNode(value));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("query " + name + ", parameter " + p.name() + ": " + e.getMessage());
            }
        }
        // Plain replacement: unlike syntaxSubstitute, it leaves the parameters out of the result columns.
        Query bound = QueryTransformOps.replaceVars(query, terms);
        bound = QueryTransformOps.transform(bound, new ElementTransformCopyBase(), GIVEN_VALUE_FIRST);
        return pageSize == 0 || readsPage ? bound : Pages.page(bound, pageSize, values.getOrDefault(Pages.PARAMETER, "1"));
    }

    /**
     * COALESCE(value, ...) with a value given is that value. An optional parameter is written
     * {@code COALESCE(?__name, fallback)}; once given, this leaves an expression of constants that
     * Jena's optimiser folds, so that {@code ?key = REPLACE(LCASE(COALESCE("X", ...)), ...)} becomes
     * an index lookup of the key instead of a filter over every key (Jena folds only functions of
     * constants, and COALESCE("X", ?label) is not one).
     */
    private static final ExprTransform GIVEN_VALUE_FIRST = new ExprTransformCopy() {
        @Override
        public Expr transform(ExprFunctionN func, ExprList args) {
            if (func instanceof E_Coalesce && !args.isEmpty() && args.get(0).isConstant()) {
                return args.get(0);
            }
            return super.transform(func, args);
        }
    };

    private String names() {
        return parameters.stream().map(Parameter::name).collect(Collectors.joining(", "));
    }
}
