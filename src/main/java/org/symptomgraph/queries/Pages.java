package org.symptomgraph.queries;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;

/**
 * Pagination of a canned query ({@code #+ pagination: N}). The query file pages its rows itself,
 * with {@code LIMIT N} on the query or on one sub-query, so that what runs is plain SPARQL anyone can
 * read and run elsewhere as page 1; page {@code p} adds {@code OFFSET (p-1)*N} there. Where the limit
 * stands decides what a page is: on the query, a slice of its ordered answer (each page costs the
 * whole sort); on a sub-query without ORDER BY, a slice of the store's order that the outer query
 * then sorts, so a page costs its own rows only, and the pages of one data version are disjoint and
 * together the whole answer.
 *
 * <p>A ranking the data keeps (each row's place stored with it, 1, 2, 3, ...) pages without either:
 * the query reads the page number itself, as the optional integer parameter {@code ?__page_integer},
 * and looks up the ranks of its page, so that a page costs its own rows even though it is a slice of
 * an order. Such a query has no {@code LIMIT N}.
 */
final class Pages {

    /** The parameter, named as grlc names it. */
    static final String PARAMETER = "page";

    /** Pages beyond this many rows are refused: no listing is that long, and the offset stays an int. */
    private static final long MAX_OFFSET = Integer.MAX_VALUE;

    private Pages() {
    }

    /** The page parameter of a query paged by an OFFSET: no variable of the query holds it. */
    static Parameter parameter() {
        return parameter(PARAMETER);
    }

    private static Parameter parameter(String variable) {
        return new Parameter(PARAMETER, Parameter.Type.INTEGER, false, Optional.of("1"), variable);
    }

    /**
     * The page parameter of a query that reads its page itself ({@code own}, declared by its
     * variable). Throws IllegalArgumentException unless it is {@code ?__page_integer} and the query
     * has no {@code LIMIT size} that an OFFSET could be meant for.
     */
    static Parameter readBy(Query query, int size, Parameter own) {
        if (!own.variable().equals("__" + PARAMETER + "_integer")) {
            throw new IllegalArgumentException("a query with pagination reads its page as the optional integer ?__"
                    + PARAMETER + "_integer, not ?" + own.variable());
        }
        if (!paged(query, size).isEmpty()) {
            throw new IllegalArgumentException("a query that reads its page (?" + own.variable() + ") has no LIMIT " + size);
        }
        return parameter(own.variable());
    }

    /** Whether {@code page} is the parameter of a query that reads its page itself. */
    static boolean readByQuery(Parameter page) {
        return !page.variable().equals(PARAMETER);
    }

    /**
     * The page number in {@code value}. Throws IllegalArgumentException, with a user-readable
     * message, for a page that is not a number from 1 on.
     */
    static long number(String value, int size) {
        long page;
        try {
            page = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a page number (1, 2, ...)");
        }
        if (page < 1 || (page - 1) * size > MAX_OFFSET || page > MAX_OFFSET) {
            throw new IllegalArgumentException("pages are numbered from 1 to " + (MAX_OFFSET / size + 1) + ", not " + page);
        }
        return page;
    }

    /** Throws IllegalArgumentException unless exactly one (sub-)query has {@code LIMIT size} and no OFFSET. */
    static void check(Query query, int size) {
        if (!query.isSelectType()) {
            throw new IllegalArgumentException("'pagination' is for SELECT queries");
        }
        List<Query> paged = paged(query, size);
        if (paged.size() != 1) {
            throw new IllegalArgumentException("with 'pagination: " + size + "', exactly one query or sub-query must have"
                    + " LIMIT " + size + " (found " + paged.size() + ")");
        }
        if (paged.get(0).hasOffset()) {
            throw new IllegalArgumentException("the paged query's OFFSET comes from the page: leave it out");
        }
    }

    /**
     * The query for one page. Throws IllegalArgumentException, with a user-readable message, for a
     * page that is not a number from 1 on.
     */
    static Query page(Query query, int size, String value) {
        long page = number(value, size);
        if (page == 1) {
            return query;
        }
        // Jena's queries are mutable and may share sub-queries with the catalogue's: page a fresh copy.
        Query copy = QueryFactory.create(query.serialize());
        paged(copy, size).get(0).setOffset((page - 1) * size);
        return copy;
    }

    private static List<Query> paged(Query query, int size) {
        List<Query> found = new ArrayList<>();
        collect(query, size, found);
        return found;
    }

    private static void collect(Query query, int size, List<Query> found) {
        if (query.hasLimit() && query.getLimit() == size) {
            found.add(query);
        }
        if (query.getQueryPattern() == null) {
            return;
        }
        ElementWalker.walk(query.getQueryPattern(), new ElementVisitorBase() {
            @Override
            public void visit(ElementSubQuery el) {
                collect(el.getQuery(), size, found);
            }
        });
    }
}
