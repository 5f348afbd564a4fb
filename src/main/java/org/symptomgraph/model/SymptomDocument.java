package org.symptomgraph.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything the importer read from one symptom-causes document.
 *
 * @param id            stable identifier of the page (the file name without extension)
 * @param sourceFile    file name as imported
 * @param sha256        hex SHA-256 of the document's bytes
 * @param symptom       the symptom's name
 * @param symptomAliases other names the document gives the symptom ("Low potassium (hypokalemia)")
 * @param mechanism     the intro's explanation of how the symptom arises, if any
 * @param categories    top-level categories, in document order
 * @param causes        causes listed under no category (documents without categories)
 * @param date          the document's own date, if it gives one
 * @param disclaimer    the closing disclaimer, if any
 * @param address       the page's address, where the document records it
 */
public record SymptomDocument(
        String id,
        String sourceFile,
        String sha256,
        String symptom,
        List<String> symptomAliases,
        Optional<String> mechanism,
        List<Category> categories,
        List<Cause> causes,
        Optional<LocalDate> date,
        Optional<String> disclaimer,
        Optional<String> address) {

    public SymptomDocument {
        symptomAliases = List.copyOf(symptomAliases);
        categories = List.copyOf(categories);
        causes = List.copyOf(causes);
    }

    /** Every category, depth first, parents before children. */
    public List<Category> allCategories() {
        List<Category> all = new ArrayList<>();
        addDepthFirst(categories, all);
        return all;
    }

    private static void addDepthFirst(List<Category> categories, List<Category> into) {
        for (Category c : categories) {
            into.add(c);
            addDepthFirst(c.children(), into);
        }
    }

    /** Every cause, wherever it is listed, in document order (a cause listed twice appears twice). */
    public List<Cause> allCauses() {
        List<Cause> all = new ArrayList<>(causes);
        allCategories().forEach(c -> all.addAll(c.causes()));
        return all;
    }
}
