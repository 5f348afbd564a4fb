package org.symptomgraph.queries;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads the query file format grlc serves: lines starting with {@code #+} at the top hold YAML
 * decorators ({@code summary}, {@code description}, {@code tags}, {@code defaults},
 * {@code pagination}), the rest is SPARQL whose {@code ?_name} variables are the parameters (see
 * {@link Parameter}). {@code pagination: N}, as in grlc, gives the query a {@code page} parameter;
 * here the query itself says which rows are paged: the one query or sub-query with {@code LIMIT N}
 * (see {@link Pages}).
 */
final class QueryFile {

    static final String EXTENSION = ".rq";

    /** Names become command arguments and IRI fragments: keep them plain. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final String DECORATOR = "#+";
    /** grlc's other decorators: meaningful to grlc, ignored here, so grlc files still load. */
    private static final Set<String> GRLC_ONLY = Set.of("endpoint", "method", "mime", "enumerate", "transform",
            "endpoint_in_url");
    private static final Set<String> KNOWN = Set.of("summary", "description", "tags", "defaults", "pagination");
    /** A page is an answer: more rows than the endpoint's result cap would be cut anyway. */
    static final int MAX_PAGE_SIZE = 10_000;

    private QueryFile() {
    }

    /**
     * Parses one file. Throws IllegalArgumentException naming the file and what is wrong: a name
     * that is not kebab-case, bad YAML, a missing summary or description, SPARQL that does not
     * parse or is not SELECT, ASK or CONSTRUCT, or a default for no parameter.
     */
    static CannedQuery parse(String name, String content) {
        String file = name + EXTENSION;
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(file + ": the name must be kebab-case (lower-case words joined by '-')");
        }
        try {
            return parse(name, content, file);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static CannedQuery parse(String name, String content, String file) {
        List<String> yaml = new ArrayList<>();
        List<String> sparql = new ArrayList<>();
        for (String line : content.split("\\R", -1)) {
            // grlc takes every "#+" line as YAML, wherever it is; the rest is the query.
            if (line.startsWith(DECORATOR)) {
                yaml.add(line.substring(DECORATOR.length()));
            } else {
                sparql.add(line);
            }
        }
        Map<String, Object> decorators = decorators(String.join("\n", yaml), file);
        String text = String.join("\n", sparql).strip() + "\n";
        Query query = sparqlQuery(text);
        Map<String, String> defaults = defaults(decorators.get("defaults"));
        List<Parameter> parameters = new ArrayList<>(parameters(query, text, defaults));
        int pageSize = pageSize(decorators.get("pagination"));
        if (pageSize > 0) {
            int own = parameters.stream().map(Parameter::name).toList().indexOf(Pages.PARAMETER);
            if (own >= 0) {
                parameters.add(Pages.readBy(query, pageSize, parameters.remove(own)));
            } else {
                Pages.check(query, pageSize);
                parameters.add(Pages.parameter());
            }
        }
        return new CannedQuery(name, requiredText(decorators, "summary"), requiredText(decorators, "description"),
                tags(decorators.get("tags")), parameters, pageSize, text, query);
    }

    private static Map<String, Object> decorators(String yaml, String file) {
        Object loaded;
        try {
            loaded = new Load(LoadSettings.builder().setLabel(file).build()).loadFromString(yaml);
        } catch (YamlEngineException e) {
            throw new IllegalArgumentException("the #+ decorators are not valid YAML: " + e.getMessage());
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("no #+ decorators (summary, description, tags, defaults)");
        }
        Map<String, Object> decorators = new LinkedHashMap<>();
        map.forEach((k, v) -> decorators.put(String.valueOf(k), v));
        for (String key : decorators.keySet()) {
            if (!KNOWN.contains(key) && !GRLC_ONLY.contains(key)) {
                throw new IllegalArgumentException("unknown decorator '" + key + "' (use " + String.join(", ",
                        KNOWN.stream().sorted().toList()) + ")");
            }
        }
        return decorators;
    }

    private static String requiredText(Map<String, Object> decorators, String key) {
        if (decorators.get(key) instanceof String s && !s.isBlank()) {
            return s.strip();
        }
        throw new IllegalArgumentException("'" + key + "' is missing or not text");
    }

    private static List<String> tags(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list && list.stream().allMatch(t -> t instanceof String)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw new IllegalArgumentException("'tags' must be a list of words");
    }

    /** 0 without the decorator. */
    private static int pageSize(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Integer size && size > 0 && size <= MAX_PAGE_SIZE) {
            return size;
        }
        throw new IllegalArgumentException("'pagination' must be a number of rows from 1 to " + MAX_PAGE_SIZE
                + ", not " + value);
    }

    /** grlc writes defaults as a list of one-entry maps: {@code - symptom: Petechiae}. */
    private static Map<String, String> defaults(Object value) {
        Map<String, String> defaults = new LinkedHashMap<>();
        if (value == null) {
            return defaults;
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("'defaults' must be a list of 'name: value' entries");
        }
        for (Object entry : list) {
            if (!(entry instanceof Map<?, ?> map) || map.size() != 1 || map.values().iterator().next() == null) {
                throw new IllegalArgumentException("each default must be one 'name: value' entry, not " + entry);
            }
            map.forEach((k, v) -> defaults.put(String.valueOf(k), String.valueOf(v)));
        }
        return defaults;
    }

    private static Query sparqlQuery(String text) {
        Query query;
        try {
            query = QueryFactory.create(text);
        } catch (QueryParseException e) {
            throw new IllegalArgumentException("not valid SPARQL: " + e.getMessage());
        }
        if (!(query.isSelectType() || query.isAskType() || query.isConstructType())) {
            throw new IllegalArgumentException("only SELECT, ASK and CONSTRUCT queries are supported");
        }
        return query;
    }

    /** Every variable the query mentions anywhere (patterns, expressions, sub-queries) that declares a parameter. */
    private static List<Parameter> parameters(Query query, String text, Map<String, String> defaults) {
        Set<String> variables = new LinkedHashSet<>();
        // Visiting every node is exactly what substitution will do when binding, so no use is missed.
        QueryTransformOps.transform(query, node -> {
            if (node.isVariable()) {
                variables.add(node.getName());
            }
            return node;
        });
        Map<String, Parameter> byName = new LinkedHashMap<>();
        for (String variable : variables) {
            Optional<Parameter> declared = Parameter.declaredBy(variable, defaults);
            declared.ifPresent(p -> {
                Parameter other = byName.putIfAbsent(p.name(), p);
                if (other != null) {
                    throw new IllegalArgumentException("?" + other.variable() + " and ?" + p.variable()
                            + " both declare parameter '" + p.name() + "'");
                }
            });
        }
        for (String name : defaults.keySet()) {
            if (!byName.containsKey(name)) {
                throw new IllegalArgumentException("a default for '" + name + "', which is no parameter of the query");
            }
        }
        return byName.values().stream().sorted(Comparator.comparingInt(p -> firstUse(text, p.variable())))
                .toList();
    }

    private static int firstUse(String text, String variable) {
        Matcher m = Pattern.compile("[?$]" + Pattern.quote(variable) + "(?![\\p{L}\\p{N}_])").matcher(text);
        return m.find() ? m.start() : Integer.MAX_VALUE;
    }
}
