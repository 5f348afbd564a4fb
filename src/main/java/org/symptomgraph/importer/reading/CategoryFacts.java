package org.symptomgraph.importer.reading;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.symptomgraph.model.AgentClass;

/** What a sentence under a category says about the category itself: body sites and kinds of infectious agent. */
final class CategoryFacts {

    private static final Pattern BODY_SITES = Pattern.compile(
            "\\bon (?:the|your|his|her|their) (.+?)(?=\\s+(?:can|may|might|could|is|are|will|from|when|due|caused|after)\\b|[.;:]|$)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INFECTION = Pattern.compile("\\binfect", Pattern.CASE_INSENSITIVE);
    private static final Map<String, AgentClass> AGENT_WORDS = WordList.lines("agents.tsv").stream()
            .map(l -> l.split("\t")).collect(Collectors.toMap(c -> c[1].strip(), c -> AgentClass.valueOf(c[0].strip())));
    private static final Pattern WORD = Pattern.compile("[\\p{L}]+");

    private CategoryFacts() {
    }

    /** Body sites a sentence names: "spots on the face, neck and chest can ..." gives face, neck, chest. */
    static List<String> bodySites(String sentence) {
        Matcher m = BODY_SITES.matcher(sentence);
        if (!m.find()) {
            return List.of();
        }
        List<String> sites = Text.enumeration(m.group(1));
        return sites.stream().allMatch(s -> s.split(" ").length <= 3) ? sites : List.of();
    }

    /** Kinds of infectious agent a sentence about infection names ("a fungus, virus or bacteria"). */
    static Set<AgentClass> agentClasses(String sentence) {
        Set<AgentClass> found = EnumSet.noneOf(AgentClass.class);
        if (!INFECTION.matcher(sentence).find()) {
            return found;
        }
        Matcher w = WORD.matcher(sentence.toLowerCase(Locale.ROOT));
        while (w.find()) {
            AgentClass a = AGENT_WORDS.get(w.group());
            if (a != null) {
                found.add(a);
            }
        }
        return found;
    }
}
