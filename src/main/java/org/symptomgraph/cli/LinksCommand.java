package org.symptomgraph.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.symptomgraph.links.Linker;
import org.symptomgraph.links.SssomFile;
import org.symptomgraph.links.VocabularyIndex;
import org.symptomgraph.store.AtomicFiles;
import org.symptomgraph.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "links", mixinStandardHelpOptions = true,
        description = "Links of the graph's entities to public vocabularies.",
        subcommands = LinksCommand.Suggest.class)
final class LinksCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing command: links suggest");
    }

    @Command(name = "suggest", mixinStandardHelpOptions = true,
            description = {
                "Write the candidate links of the current view's symptoms, causes and drugs to the vocabulary tables "
                        + "(Disease Ontology, Symptom Ontology, CPIC drugs) as SSSOM/TSV: those import makes, and "
                        + "those it does not (ties, abbreviations, a table tried later), each with a score.",
                "To curate: keep the rows you accept, set their mapping_justification to semapv:ManualMappingCuration, "
                        + "and import the file (its name must end in .sssom.tsv): curated links win over automatic "
                        + "ones of the same entity and vocabulary."},
            footer = {"", "Example:", "  symptomgraph links suggest --out review.sssom.tsv",
                "  (edit review.sssom.tsv)", "  symptomgraph import review.sssom.tsv"})
    static final class Suggest implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOption db;

        @Mixin
        BaseOption base;

        @Option(names = "--out", paramLabel = "FILE.sssom.tsv", description = "Write here (default: standard output).")
        Path out;

        @Override
        public Integer call() throws IOException {
            if (out != null && !SssomFile.isSssom(out)) {
                throw new UserError("the curation file's name must end in " + SssomFile.EXTENSION
                        + " (so that import reads it as one): " + out);
            }
            VocabularyIndex index = VocabularyIndex.shipped();
            Linker linker = new Linker(index, base.iris());
            List<Linker.Candidate> candidates;
            try (GraphStore store = db.openExisting()) {
                candidates = store.read(() -> linker.candidates(store.dataset().getDefaultModel(), true));
            }
            if (out == null) {
                PrintWriter stdout = spec.commandLine().getOut();
                SssomFile.write(candidates, base.iris(), index, stdout);
                stdout.flush();
            } else {
                AtomicFiles.write(out, os -> {
                    Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
                    SssomFile.write(candidates, base.iris(), index, w);
                    w.flush();
                    return null;
                });
                spec.commandLine().getOut().printf("%d candidate links (%d linked at import) -> %s%n", candidates.size(),
                        candidates.stream().filter(Linker.Candidate::linked).count(), out);
            }
            return 0;
        }
    }
}
