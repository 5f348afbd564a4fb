package org.symptomgraph.links;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The form names are compared in: the same for a page's "Crohn’s Disease" and the table's
 * "Crohn's disease", for "Allergies" and "allergy", for "Sjögren" and "Sjogren".
 *
 * <p>All of it is Apache Lucene's text analysis, applied after Unicode compatibility
 * normalisation (NFKC) and without a leading article ("An", "The"): Unicode word segmentation
 * (UAX #29, so punctuation and hyphens separate words), the English possessive dropped, lower case,
 * accents folded to ASCII, British spellings made American ("leukaemia" is "leukemia", "oesophagitis" is
 * "esophagitis": the table {@code vocab/spelling-variants.tsv}, one Lucene PatternReplaceFilter per row), and
 * English plurals made singular by Lucene's minimal "S-stemmer" (Harman), which touches plural endings
 * only, never derivations. A key is the words joined by single spaces.
 */
public final class NameNormaliser {

    /**
     * The trailing words a name may lack or carry where the table agrees ("Lyme" / "Lyme disease"; the
     * organism for its infection, "Chlamydia trachomatis" / "Chlamydia trachomatis infectious disease",
     * as DO's own synonyms do), the longest first.
     */
    public static final List<String> SUFFIXES = List.of("infectious disease", "disease", "syndrome");

    /** A leading article: "An allergic reaction" is "allergic reaction", but "Hepatitis A" keeps its A. */
    private static final Pattern LEADING_ARTICLE = Pattern.compile("^\\s*(?:a|an|the)\\s+", Pattern.CASE_INSENSITIVE);

    /** A British spelling and its American form, as a pattern over one lower-case ASCII word. */
    record SpellingVariant(Pattern pattern, String replacement) {
    }

    /** The table of spelling variants, in its order (data/vocab/spelling-variants.tsv). */
    static final List<SpellingVariant> SPELLING_VARIANTS = readSpellingVariants();

    private static final Analyzer ANALYZER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer words = new StandardTokenizer();
            TokenStream s = new EnglishPossessiveFilter(words);
            s = new LowerCaseFilter(s);
            s = new ASCIIFoldingFilter(s);
            for (SpellingVariant v : SPELLING_VARIANTS) {
                s = new PatternReplaceFilter(s, v.pattern(), v.replacement(), true);
            }
            s = new EnglishMinimalStemFilter(s);
            return new TokenStreamComponents(words, s);
        }
    };

    private NameNormaliser() {
    }

    private static List<SpellingVariant> readSpellingVariants() {
        String resource = VocabularyIndex.RESOURCE_FOLDER + "spelling-variants.tsv";
        try (InputStream in = NameNormaliser.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the table " + resource + " is not on the class path");
            }
            List<SpellingVariant> variants = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty()) {
                    String[] row = line.split("\t", -1);
                    variants.add(new SpellingVariant(Pattern.compile(row[0]), row[1]));
                }
            }
            return List.copyOf(variants);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The normalised words of a name. */
    public static List<String> words(String name) {
        String text = LEADING_ARTICLE.matcher(Normalizer.normalize(name, Normalizer.Form.NFKC)).replaceFirst("");
        List<String> words = new ArrayList<>();
        try (TokenStream s = ANALYZER.tokenStream("name", text)) {
            CharTermAttribute term = s.addAttribute(CharTermAttribute.class);
            s.reset();
            while (s.incrementToken()) {
                words.add(term.toString());
            }
            s.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);  // a StringReader does not fail
        }
        return words;
    }

    /** The key of a name: its normalised words joined by spaces; empty when it has none. */
    public static String key(String name) {
        return String.join(" ", words(name));
    }

    /**
     * The key without a trailing "infectious disease", "disease" or "syndrome", if it has one and more words before it
     * ("lyme disease" gives "lyme"); otherwise empty.
     */
    public static String withoutSuffix(String key) {
        for (String suffix : SUFFIXES) {
            if (key.endsWith(" " + suffix)) {
                return key.substring(0, key.length() - suffix.length() - 1);
            }
        }
        return "";
    }
}
