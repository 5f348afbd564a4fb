package org.symptomgraph.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextHit;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexException;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextIndexParseException;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.rdf.model.Resource;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;

/**
 * jena-text's Lucene index, searched through a reader kept open. jena-text opens and closes a
 * Lucene reader for every search ({@code TextIndexLucene.query}), which costs more than the search
 * itself; here a {@link SearcherManager} holds one, moved to each commit of the index as the commit
 * returns, so a search after an import sees it. Writing is jena-text's, unchanged.
 *
 * <p>A {@code text:query} without a limit finds every hit rather than jena-text's first 10,000, so
 * that a short word in label-search misses no name; a limit given in the query is kept.
 *
 * <p>The forms of {@code text:query} label-search does not use (no property or several, a language,
 * highlighting) go to jena-text's own search, with a reader of its own and its limit of 10,000.
 */
final class KeptOpenTextIndex extends TextIndexLucene {

    private final SearcherManager searchers;

    KeptOpenTextIndex(Directory directory, TextIndexConfig config) {
        super(directory, config);
        try {
            // jena-text's constructor has committed, so there is an index to open.
            searchers = new SearcherManager(directory, null);
        } catch (IOException e) {
            super.close();
            throw new TextIndexException("cannot open a reader of the text index", e);
        }
    }

    @Override
    public void commit() {
        super.commit();
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new TextIndexException("cannot reopen the reader of the text index", e);
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
        } catch (IOException e) {
            throw new TextIndexException("cannot close the reader of the text index", e);
        } finally {
            super.close();
        }
    }

    @Override
    public List<TextHit> query(String subjectUri, List<Resource> props, String qs, String graphURI, String lang,
            int limit, String highlight) {
        String field = props.size() == 1 ? getDocDef().getField(props.get(0).asNode()) : null;
        if (field == null || graphURI != null || lang != null || highlight != null) {
            return super.query(subjectUri, props, qs, graphURI, lang, limit, highlight);
        }
        Query query = parse(field, qs, subjectUri);
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                ScoreDoc[] found = limit > 0 ? searcher.search(query, limit).scoreDocs : everyHit(searcher, query);
                return hits(searcher, found, field);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException | RuntimeException e) {
            // As jena-text reports a failed search (too many clauses, say).
            throw new TextIndexException("query", e);
        }
    }

    /** The query as jena-text makes it for one property, narrowed to {@code subjectUri} when given. */
    private Query parse(String field, String qs, String subjectUri) {
        EntityDefinition definition = getDocDef();
        // A parser per search: Lucene's are not thread-safe, and one costs nothing. (jena-text also
        // synchronises parsing, for its configurable analyser; the name index's is Lucene's own kind.)
        QueryParser parser = new QueryParser(definition.getPrimaryField(), getQueryAnalyzer());
        parser.setAllowLeadingWildcard(true);
        Query text;
        try {
            text = parser.parse(field + ": (" + qs + ") ");
        } catch (ParseException e) {
            if (e.getCause() instanceof IndexSearcher.TooManyClauses) {
                // A user's text of a thousand words: say so, without repeating it (Lucene's message
                // holds the whole query, the status of the answer and every log line would carry it).
                throw new TextIndexParseException(abbreviated(qs),
                        "too many terms to search for at once (at most " + IndexSearcher.getMaxClauseCount() + ")");
            }
            throw new TextIndexParseException(qs, e.getMessage());
        }
        if (subjectUri == null) {
            return text;
        }
        return new BooleanQuery.Builder()
                .add(text, BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(definition.getEntityField(), subjectUri)), BooleanClause.Occur.FILTER)
                .build();
    }

    private static String abbreviated(String qs) {
        return qs.length() <= 60 ? qs : qs.substring(0, 60) + "...";
    }

    /**
     * Every hit, best first and then in index order as Lucene's top hits are: one pass and no queue
     * sized for the limit that is not there.
     */
    private static ScoreDoc[] everyHit(IndexSearcher searcher, Query query) throws IOException {
        List<ScoreDoc> all = searcher.search(query, new CollectorManager<SimpleCollector, List<ScoreDoc>>() {
            @Override
            public SimpleCollector newCollector() {
                return new AllHits();
            }

            @Override
            public List<ScoreDoc> reduce(Collection<SimpleCollector> collectors) {
                List<ScoreDoc> hits = new ArrayList<>();
                collectors.forEach(c -> hits.addAll(((AllHits) c).hits));
                return hits;
            }
        });
        ScoreDoc[] hits = all.toArray(ScoreDoc[]::new);
        Arrays.sort(hits, Comparator.comparingDouble((ScoreDoc h) -> -h.score).thenComparingInt(h -> h.doc));
        return hits;
    }

    /** Collects every hit with its score. */
    private static final class AllHits extends SimpleCollector {
        private final List<ScoreDoc> hits = new ArrayList<>();
        private Scorable scorer;
        private int docBase;

        @Override
        protected void doSetNextReader(LeafReaderContext context) {
            docBase = context.docBase;
        }

        @Override
        public void setScorer(Scorable scorer) {
            this.scorer = scorer;
        }

        @Override
        public void collect(int doc) throws IOException {
            hits.add(new ScoreDoc(docBase + doc, scorer.score()));
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE;
        }
    }

    /** Each hit's entity and stored value, as jena-text returns them. */
    private List<TextHit> hits(IndexSearcher searcher, ScoreDoc[] found, String field) throws IOException {
        EntityDefinition definition = getDocDef();
        Node property = definition.getPredicates(field).stream().findFirst().orElse(null);
        StoredFields stored = searcher.storedFields();
        List<TextHit> hits = new ArrayList<>(found.length);
        for (ScoreDoc hit : found) {
            Document doc = stored.document(hit.doc);
            String value = doc.get(field);
            // The name keys are plain strings; a language tag or datatype would be in the lang field.
            Node literal = value == null ? null : literal(value, doc.get(definition.getLangField()));
            hits.add(new TextHit(TextQueryFuncs.stringToNode(doc.get(definition.getEntityField())), hit.score,
                    literal, null, property));
        }
        return hits;
    }

    private static Node literal(String value, String langOrType) {
        if (langOrType == null) {
            return NodeFactory.createLiteralString(value);
        }
        if (langOrType.startsWith("^^")) {
            return NodeFactory.createLiteralDT(value,
                    TypeMapper.getInstance().getSafeTypeByName(langOrType.substring(2)));
        }
        return NodeFactory.createLiteralLang(value, langOrType);
    }
}
