package org.symptomgraph.importer;

import java.util.regex.Pattern;

/** Text around the content that must never reach the graph: newsletters, privacy notices, navigation. */
final class Boilerplate {

    private static final Pattern BOILERPLATE = Pattern.compile(
            "\\b(inbox|newsletters?|subscribe|unsubscribe|sign up|sign in|log in|e-?mail|privacy|cookies?|"
                    + "advertisements?|advertising|click here|opt[- ]out|terms of use|terms and conditions|"
                    + "all rights reserved|copyright|protected health information|share (this|on)|follow us|"
                    + "request an appointment|donate|skip to (main )?content)\\b|©",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DISCLAIMER = Pattern.compile(
            "\\b(work with your (doctor|health care)|accurate diagnosis|not (a substitute|intended to replace)|"
                    + "for informational purposes|does not provide medical advice|"
                    + "commonly associated with this symptom)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Headings of sections that are about something other than causes. */
    private static final Pattern OFF_TOPIC_HEADING = Pattern.compile(
            "^(references?( and further reading)?|sources?( and references)?|bibliography|citations?|(foot)?notes|"
                    + "related( \\S+)*|see also|more (information|info|about .*|on .*)|learn more( .*)?|"
                    + "further reading|(additional |other |helpful )?resources|products (&|and) services|"
                    + "when to (see|call|contact|visit) (a|your) (doctor|gp|health ?care (provider|professional))|"
                    + "symptoms|signs and symptoms|diagnosis|tests( and diagnosis)?|treatments?|"
                    + "(diagnosis|treatment) and (treatment|diagnosis)|prevention|overview|definition|complications|"
                    + "risk factors|outlook|prognosis|self[- ]care|(lifestyle and )?home remedies|faqs?|"
                    + "frequently asked questions|summary|key points|takeaways?|the bottom line|"
                    + "in this (article|section|page)|(table of )?contents|share( this( page| article)?)?|"
                    + "advertisement)$",
            Pattern.CASE_INSENSITIVE);
    /** Headings that open the causes without naming a category: "Causes", "Possible causes of X". */
    private static final Pattern CAUSES_HEADING = Pattern.compile(
            "^(?:(?:possible|common) )?causes?(?: of .*)?$|^what causes .*$",
            Pattern.CASE_INSENSITIVE);

    private Boilerplate() {
    }

    static boolean isBoilerplate(String text) {
        return BOILERPLATE.matcher(text).find();
    }

    static boolean isDisclaimer(String text) {
        return DISCLAIMER.matcher(text).find();
    }

    static boolean isOffTopicHeading(String heading) {
        return OFF_TOPIC_HEADING.matcher(heading.strip().replaceAll("[:.?]+$", "")).matches();
    }

    static boolean isCausesHeading(String heading) {
        return CAUSES_HEADING.matcher(heading.strip()).matches();
    }
}
