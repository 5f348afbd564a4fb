package org.symptomgraph.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.symptomgraph.importer.Importer;
import org.symptomgraph.importer.page.DocumentFormats;
import org.symptomgraph.importer.reading.DocumentReader;
import org.symptomgraph.model.SymptomDocument;
import org.symptomgraph.rdf.DocumentGraph;
import org.symptomgraph.rdf.DocumentMapper;
import org.symptomgraph.rdf.Iris;

/**
 * The importer's front half, one document per operation (so ops/s = documents/s): the parser
 * (bytes to {@link SymptomDocument}), the RDF mapping ({@link SymptomDocument} to a graph), and
 * both, over a fixed set of generated pages of every layout (seed 42).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class ImporterBenchmark {

    @Param("200")
    int pages;

    private String[] names;
    private byte[][] contents;
    private SymptomDocument[] parsed;
    private final DocumentReader reader = new DocumentReader();
    private final Importer importer = Importer.create().build();
    private final DocumentMapper mapper = new DocumentMapper(new Iris(Iris.DEFAULT_BASE));
    private int next;

    @Setup
    public void setUp() throws Exception {
        CorpusGenerator generator = new CorpusGenerator(42);
        names = new String[pages];
        contents = new byte[pages][];
        parsed = new SymptomDocument[pages];
        for (int i = 0; i < pages; i++) {
            CorpusGenerator.GeneratedPage page = generator.page(i);
            names[i] = page.path();
            contents[i] = page.content().getBytes(StandardCharsets.UTF_8);
            parsed[i] = reader.read(DocumentFormats.read(names[i], contents[i]), "").document();
        }
    }

    private int nextIndex() {
        int i = next;
        next = i + 1 == pages ? 0 : i + 1;
        return i;
    }

    @Benchmark
    public SymptomDocument parse() throws Exception {
        int i = nextIndex();
        return reader.read(DocumentFormats.read(names[i], contents[i]), "").document();
    }

    @Benchmark
    public DocumentGraph map() {
        return mapper.map(parsed[nextIndex()]);
    }

    @Benchmark
    public DocumentGraph parseAndMap() throws Exception {
        int i = nextIndex();
        return importer.read(names[i], contents[i]).graph();
    }
}
