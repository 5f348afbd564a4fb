package org.symptomgraph.importer;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Statement;
import org.symptomgraph.rdf.Vocab;

/**
 * Scores the graph of one imported page of the development corpus ({@code ../shared/corpus}) against
 * the page's expected facts, looking only at the RDF: the symptom's names, the causes linked to it with
 * their names (label, other names, abbreviations), the categories they are listed in with their
 * labels and frequencies, the document's date, and every literal of the graph.
 *
 * <p>How it matches, as the corpus README describes: a cause is found by its name or one of its
 * aliases (case, a leading article, curly apostrophes and a final dot ignored) on either side. A
 * category is right when the causes found of it are all in one category of the graph that holds no
 * cause found of another expected category (a cause listed in both is fine), at least half of its
 * causes were found, a heading category has the heading as its label, and the frequency is the
 * expected one (none where the page states none).
 */
final class CorpusChecker {

    private static final Pattern ARTICLE = Pattern.compile("^(?:a|an|the)\\s+");
    private static final Pattern END = Pattern.compile("[\\s.]+$");

    /** The expected facts of one page. */
    record Expected(String slug, String symptom, List<String> symptomNames, String date, List<ExpectedCategory> categories,
            List<String> nonCauses, List<String> mustNotAppear) {

        static Expected read(Path json) throws IOException {
            JsonObject o = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
            String slug = json.getFileName().toString().replaceAll("\\.json$", "");
            List<String> names = new ArrayList<>();
            names.add(o.get("symptom").getAsString());
            names.addAll(strings(o.get("symptomAcceptAlso")));
            List<ExpectedCategory> categories = new ArrayList<>();
            for (JsonElement c : o.getAsJsonArray("categories")) {
                JsonObject co = c.getAsJsonObject();
                List<ExpectedCause> causes = new ArrayList<>();
                for (JsonElement x : co.getAsJsonArray("causes")) {
                    JsonObject xo = x.getAsJsonObject();
                    List<String> strict = new ArrayList<>();
                    strict.add(xo.get("name").getAsString());
                    strict.addAll(strings(xo.get("aliases")));
                    List<String> lenient = new ArrayList<>(strict);
                    lenient.addAll(strings(xo.get("acceptAlso")));
                    causes.add(new ExpectedCause(xo.get("name").getAsString(), strict, lenient,
                            strings(xo.get("brands")), xo.has("drug") && xo.get("drug").getAsBoolean()));
                }
                JsonElement f = co.get("frequency");
                JsonElement parent = co.get("parent");
                categories.add(new ExpectedCategory(co.get("name").getAsString(),
                        parent == null || parent.isJsonNull() ? null : parent.getAsString(), co.get("nameFrom").getAsString(),
                        f == null || f.isJsonNull() ? null : f.getAsString(), causes));
            }
            JsonElement date = o.get("date");
            return new Expected(slug, o.get("symptom").getAsString(), names,
                    date == null || date.isJsonNull() ? null : date.getAsString(), categories,
                    strings(o.get("nonCauses")), strings(o.get("mustNotAppear")));
        }

        private static List<String> strings(JsonElement e) {
            List<String> out = new ArrayList<>();
            if (e instanceof JsonArray a) {
                a.forEach(x -> out.add(x.getAsString()));
            }
            return out;
        }

        int causeCount() {
            return categories.stream().mapToInt(c -> c.causes().size()).sum();
        }
    }

    record ExpectedCategory(String name, String parent, String nameFrom, String frequency, List<ExpectedCause> causes) {
    }

    record ExpectedCause(String name, List<String> names, List<String> acceptable, List<String> brands, boolean drug) {
    }

    /** One cause of the graph: its IRI, its label, and every name it goes by. */
    record GraphCause(String iri, String label, Set<String> names, Set<String> categories) {
    }

    /** The score of one page. */
    record Score(String slug, int expectedCauses, int graphCauses, int found, int unexpected, List<String> missed,
            List<String> extra, int categories, int categoriesRight, List<String> wrongCategories, boolean symptomRight,
            String symptom, boolean dateRight, String date, List<String> nonCausesEmitted, List<String> leaked) {

        double precision() {
            return graphCauses == 0 ? 0 : (graphCauses - unexpected) / (double) graphCauses;
        }

        double recall() {
            return expectedCauses == 0 ? 1 : found / (double) expectedCauses;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        double categoryShare() {
            return categories == 0 ? 1 : categoriesRight / (double) categories;
        }
    }

    private CorpusChecker() {
    }

    /** Case, a leading article, apostrophes, white space and a final dot do not matter. */
    static String normal(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC).replace('’', '\'').replace('‘', '\'')
                .replace('“', '"').replace('”', '"').toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
        s = END.matcher(s).replaceAll("");
        return ARTICLE.matcher(s).replaceFirst("");
    }

    /** Scores the graph of one document (the dataset holds its named graph, and may hold others). */
    static Score score(Expected expected, Dataset dataset, String graphName) {
        Model m = dataset.getNamedModel(graphName);
        List<GraphCause> causes = causes(m);
        Set<String> symptomNames = new HashSet<>();
        for (QuerySolution s : select(m, "SELECT ?n { ?s a schema:MedicalSignOrSymptom ; rdfs:label|skos:altLabel ?n }")) {
            symptomNames.add(normal(s.getLiteral("n").getString()));
        }
        String symptom = String.join(" / ", select(m, "SELECT ?n { ?s a schema:MedicalSignOrSymptom ; rdfs:label ?n }")
                .stream().map(s -> s.getLiteral("n").getString()).toList());
        boolean symptomRight = expected.symptomNames().stream().anyMatch(n -> symptomNames.contains(normal(n)));
        List<String> dates = select(m, "SELECT ?d { ?doc a sg:SourceDocument ; dct:date ?d }").stream()
                .map(s -> s.getLiteral("d").getLexicalForm()).toList();
        String date = dates.isEmpty() ? null : dates.get(0);
        boolean dateRight = expected.date() == null ? dates.isEmpty() : dates.equals(List.of(expected.date()));

        // Causes: found (strict names), unexpected (not even an acceptable name of any expected cause).
        Map<ExpectedCause, GraphCause> matched = new LinkedHashMap<>();
        List<String> missed = new ArrayList<>();
        for (ExpectedCategory c : expected.categories()) {
            for (ExpectedCause x : c.causes()) {
                GraphCause g = find(causes, x.names());
                if (g != null) {
                    matched.put(x, g);
                } else {
                    missed.add(x.name());
                }
            }
        }
        Set<String> acceptable = new HashSet<>();
        expected.categories().forEach(c -> c.causes().forEach(x -> x.acceptable().forEach(n -> acceptable.add(normal(n)))));
        List<String> extra = new ArrayList<>();
        for (GraphCause g : causes) {
            if (g.names().stream().noneMatch(acceptable::contains)) {
                extra.add(g.label());
            }
        }
        int found = (int) expected.categories().stream().flatMap(c -> c.causes().stream()).filter(matched::containsKey)
                .count();

        // Categories.
        Map<String, String> categoryLabels = new HashMap<>();
        Map<String, String> categoryFrequencies = new HashMap<>();
        Map<String, String> broader = new HashMap<>();
        for (QuerySolution s : select(m, "SELECT ?cat ?parent { ?cat a sg:CauseCategory ; skos:broader ?parent }")) {
            broader.put(s.getResource("cat").getURI(), s.getResource("parent").getURI());
        }
        for (QuerySolution s : select(m, "SELECT ?cat ?l ?f { ?cat a sg:CauseCategory ; rdfs:label ?l "
                + "OPTIONAL { ?cat sg:frequency/skos:notation ?f } }")) {
            categoryLabels.put(s.getResource("cat").getURI(), s.getLiteral("l").getString());
            if (s.contains("f")) {
                categoryFrequencies.put(s.getResource("cat").getURI(), s.getLiteral("f").getString());
            }
        }
        int right = 0;
        List<String> wrong = new ArrayList<>();
        for (ExpectedCategory c : expected.categories()) {
            String why = c.causes().isEmpty()
                    ? parentProblem(expected, c, matched, categoryLabels, categoryFrequencies, broader)
                    : categoryProblem(expected, c, matched, categoryLabels, categoryFrequencies, broader);
            if (why == null) {
                right++;
            } else {
                wrong.add(c.name() + ": " + why);
            }
        }

        Set<String> causeNames = new HashSet<>();
        causes.forEach(g -> causeNames.addAll(g.names()));
        List<String> nonCauses = expected.nonCauses().stream().filter(n -> causeNames.contains(normal(n))).toList();
        List<String> leaked = new ArrayList<>();
        for (String word : expected.mustNotAppear()) {
            String w = word.toLowerCase(Locale.ROOT);
            for (Statement st : dataset.getUnionModel().listStatements().toList()) {
                if (st.getObject().isLiteral() && st.getObject().asLiteral().getLexicalForm().toLowerCase(Locale.ROOT)
                        .contains(w)) {
                    leaked.add(word);
                    break;
                }
            }
        }
        return new Score(expected.slug(), expected.causeCount(), causes.size(), found, extra.size(), missed, extra,
                expected.categories().size(), right, wrong, symptomRight, symptom, dateRight, date, nonCauses, leaked);
    }

    /**
     * A category that only groups others is right when the graph has a category of its name (and
     * frequency) that the categories of its children are under.
     */
    private static String parentProblem(Expected expected, ExpectedCategory c, Map<ExpectedCause, GraphCause> matched,
            Map<String, String> labels, Map<String, String> frequencies, Map<String, String> broader) {
        List<String> named = labels.entrySet().stream().filter(e -> normal(e.getValue()).equals(normal(c.name())))
                .map(Map.Entry::getKey).toList();
        if (named.isEmpty()) {
            return "no category named so";
        }
        String cat = named.get(0);
        String frequency = frequencies.get(cat);
        if (c.frequency() == null ? frequency != null : !c.frequency().equals(frequency)) {
            return "frequency " + frequency + ", expected " + c.frequency();
        }
        for (ExpectedCategory child : expected.categories()) {
            if (c.name().equals(child.parent())) {
                List<GraphCause> found = child.causes().stream().filter(matched::containsKey).map(matched::get).toList();
                boolean under = found.stream().anyMatch(g -> g.categories().stream().anyMatch(x -> cat.equals(broader.get(x))));
                if (!found.isEmpty() && !under) {
                    return "its sub-category \"" + child.name() + "\" is not under it";
                }
            }
        }
        return null;
    }

    private static String categoryProblem(Expected expected, ExpectedCategory c, Map<ExpectedCause, GraphCause> matched,
            Map<String, String> labels, Map<String, String> frequencies, Map<String, String> broader) {
        List<GraphCause> found = c.causes().stream().filter(matched::containsKey).map(matched::get).toList();
        if (found.size() * 2 < c.causes().size() || found.isEmpty()) {
            return "only " + found.size() + " of " + c.causes().size() + " causes found";
        }
        // The graph categories that hold every found cause of this expected category.
        Set<String> common = new LinkedHashSet<>(found.get(0).categories());
        found.forEach(g -> common.retainAll(g.categories()));
        if (common.isEmpty()) {
            return "its causes are split over several categories";
        }
        String problem = "its category also holds causes of another";
        for (String cat : common) {
            if (!holdsOthers(expected, c, cat, matched)) {
                if (c.nameFrom().equals("heading") && !normal(labels.getOrDefault(cat, "")).equals(normal(c.name()))) {
                    problem = "labelled \"" + labels.get(cat) + "\", not by its heading";
                    continue;
                }
                String frequency = frequencies.get(cat);
                if (c.frequency() == null ? frequency != null : !c.frequency().equals(frequency)) {
                    problem = "frequency " + frequency + ", expected " + c.frequency();
                    continue;
                }
                String parent = broader.get(cat);
                if (c.parent() == null ? parent != null && !labels.get(parent).isEmpty() && isExpectedName(expected, labels.get(parent))
                        : parent == null || !normal(labels.getOrDefault(parent, "")).equals(normal(c.parent()))
                                && headingNamed(expected, c.parent())) {
                    problem = c.parent() == null ? "it is under \"" + labels.get(parent) + "\", expected at the top"
                            : "it is not under \"" + c.parent() + "\"";
                    continue;
                }
                return null;
            }
        }
        return problem;
    }

    private static boolean isExpectedName(Expected expected, String label) {
        return expected.categories().stream().anyMatch(c -> c.nameFrom().equals("heading") && normal(c.name()).equals(normal(label)));
    }

    private static boolean headingNamed(Expected expected, String name) {
        return expected.categories().stream().anyMatch(c -> c.name().equals(name) && c.nameFrom().equals("heading"));
    }

    /** Whether a graph category holds a cause that only another expected category lists. */
    private static boolean holdsOthers(Expected expected, ExpectedCategory own, String category,
            Map<ExpectedCause, GraphCause> matched) {
        Set<GraphCause> mine = new HashSet<>();
        own.causes().stream().filter(matched::containsKey).forEach(x -> mine.add(matched.get(x)));
        for (ExpectedCategory other : expected.categories()) {
            if (other == own) {
                continue;
            }
            for (ExpectedCause x : other.causes()) {
                GraphCause g = matched.get(x);
                if (g != null && !mine.contains(g) && g.categories().contains(category)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The graph cause labelled by one of the names, else the first that goes by one of them. */
    private static GraphCause find(List<GraphCause> causes, List<String> names) {
        for (String n : names) {
            for (GraphCause g : causes) {
                if (normal(g.label()).equals(normal(n))) {
                    return g;
                }
            }
        }
        for (String n : names) {
            String k = normal(n);
            for (GraphCause g : causes) {
                if (g.names().contains(k)) {
                    return g;
                }
            }
        }
        return null;
    }

    private static List<GraphCause> causes(Model m) {
        Map<String, GraphCause> byIri = new LinkedHashMap<>();
        for (QuerySolution s : select(m, "SELECT ?c ?l { ?s a schema:MedicalSignOrSymptom ; schema:cause ?c . "
                + "?c rdfs:label ?l }")) {
            String iri = s.getResource("c").getURI();
            byIri.computeIfAbsent(iri, k -> new GraphCause(k, s.getLiteral("l").getString(), new HashSet<>(),
                    new HashSet<>()));
        }
        for (GraphCause g : byIri.values()) {
            for (QuerySolution s : select(m, "SELECT ?n { <" + g.iri() + "> rdfs:label|skos:altLabel|sg:abbreviation ?n }")) {
                g.names().add(normal(s.getLiteral("n").getString()));
            }
            for (QuerySolution s : select(m, "SELECT ?cat { <" + g.iri() + "> sg:inCategory ?cat }")) {
                g.categories().add(s.getResource("cat").getURI());
            }
        }
        return new ArrayList<>(byIri.values());
    }

    private static List<QuerySolution> select(Model m, String query) {
        List<QuerySolution> rows = new ArrayList<>();
        try (QueryExecution qe = QueryExecution.model(m).query(Vocab.SPARQL_PREFIXES + query).build()) {
            qe.execSelect().forEachRemaining(rows::add);
        }
        return rows;
    }
}
