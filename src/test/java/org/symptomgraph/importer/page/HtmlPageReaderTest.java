package org.symptomgraph.importer.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The HTML front end: page furniture dropped, structure kept, every block knowing its source line. */
class HtmlPageReaderTest {

    private final org.symptomgraph.importer.Importer importer = org.symptomgraph.importer.Importer.create().build();

    /** Each block as "TYPE level line: text". */
    private static List<String> blocks(String html) {
        return HtmlPageReader.read("page.html", html).blocks().stream()
                .map(b -> b.type() + " " + b.level() + " " + b.line() + ": " + b.text()).toList();
    }

    @Test
    void headingsListsAndParagraphsWithTheirLines() {
        assertEquals(List.of(
                "HEADING 1 2: Rash",
                "PROSE 0 3: A rash is a change of the skin. It may be caused by:",
                "ITEM 1 5: Allergies",
                "ITEM 2 6: Contact with nickel",
                "ITEM 2 7: Latex",
                "ITEM 1 8: Infections",
                "HEADING 2 9: Infections",
                "ITEM 1 10: Measles (rubeola)"), blocks("""
                <html><body>
                <h1>Rash</h1>
                <p>A rash is a change of the skin.
                It may be caused by:</p>
                <ol><li>Allergies
                  <ul><li>Contact with <em>nickel</em></li>
                      <li>Latex</li></ul></li>
                  <li>Infections</li></ol>
                <h2>Infections</h2>
                <ul><li><a href="/m">Measles</a> (rubeola)</li></ul>
                </body></html>
                """));
    }

    @Test
    void aParagraphWrappedOverLinesKnowsTheLineOfEachPart() {
        Block p = HtmlPageReader.read("page.html", """
                <p>First sentence here.
                Second sentence, on line two. Third one
                goes on to line three.</p>
                """).blocks().get(0);
        assertEquals(1, p.lineAt(0));
        assertEquals(2, p.lineAt(p.text().indexOf("Second")));
        assertEquals(3, p.lineAt(p.text().indexOf("goes")));
    }

    @Test
    void furnitureIsDropped() {
        List<String> text = blocks("""
                <html><head><title>Title</title><style>p { color: red }</style><script>var x = 1;</script></head>
                <body>
                <a class="skip-link" href="#c">Skip to content</a>
                <header><div class="logo">Health Site</div></header>
                <nav><ul><li>Home</li><li>Symptoms</li></ul></nav>
                <div id="cookieBanner"><p>We use cookies</p></div>
                <div role="navigation"><ul><li>Menu item</li></ul></div>
                <div class="breadcrumbs">Home / Symptoms</div>
                <div class="ad-slot"><p>Buy vitamins</p></div>
                <div id="adsbygoogle-1"><p>Sponsored text</p></div>
                <div class="newsletter_signup"><p>Get our letter</p></div>
                <form><p>Search the site</p><input name="q"></form>
                <div class="social-share"><a>Tweet this</a></div>
                <section class="related-articles"><h2>More reading</h2><ul><li>Another page</li></ul></section>
                <aside><p>Side note</p></aside>
                <iframe src="/x">Frame text</iframe>
                <noscript>Turn on JavaScript</noscript>
                <p hidden>Hidden text</p>
                <p style="display: none">Invisible text</p>
                <p>Real content.</p>
                <footer><p>Footer text</p></footer>
                </body></html>
                """);
        assertEquals(List.of("PROSE 0 20: Real content."), text);
    }

    @Test
    void onlyTheMainContentIsReadWhenThePageMarksIt() {
        assertEquals(List.of("HEADING 1 3: Inside", "PROSE 0 4: Kept."), blocks("""
                <body>
                <div class="topbar"><p>Outside, before.</p></div>
                <main><h1>Inside</h1>
                <p>Kept.</p></main>
                <div><p>Outside, after.</p></div>
                </body>
                """));
    }

    @Test
    void aClassWordOnAnElementAroundTheContentDoesNotDropTheContent() {
        assertEquals(List.of("HEADING 1 2: Itching", "PROSE 0 2: Kept."), blocks("""
                <body class="cookie-banner-visible">
                <div class="share-wrapper"><h1>Itching</h1><p>Kept.</p></div>
                </body>
                """));
    }

    @Test
    void aHeaderInsideTheArticleIsContent() {
        assertEquals(List.of("HEADING 1 1: Cough", "PROSE 0 2: Kept."), blocks("""
                <article><header><h1>Cough</h1></header>
                <p>Kept.</p><footer><p>Updated: 2 May 2022</p></footer></article>
                """).subList(0, 2));
    }

    @Test
    void linesSetApartByBreaksAreReadAsTextLinesAre() {
        assertEquals(List.of("HEADING 0 1: Blood disorders", "ITEM 1 2: Hemophilia", "ITEM 1 3: Leukemia",
                "PROSE 0 4: Ends here."), blocks("""
                <p><strong>Blood disorders</strong></p>
                <p>• Hemophilia<br>
                • Leukemia</p>
                <p>Ends here.</p>
                """));
    }

    @Test
    void inlineElementsDoNotSplitWordsAndEntitiesAreDecoded() {
        assertEquals(List.of("ITEM 1 1: Clopidogrel (Plavix®)", "ITEM 1 1: Sjögren’s syndrome (SS)"),
                blocks("<ul><li>Clo<b>pido</b>grel (<span>Plavix&reg;</span>)</li>"
                        + "<li>Sj&ouml;gren&rsquo;s syndrome (<abbr>SS</abbr>)</li></ul>"));
    }

    @Test
    void aListStraightInAListBelongsToTheItemBeforeIt() {
        assertEquals(List.of("ITEM 1 1: Infections:", "ITEM 2 1: Influenza", "ITEM 1 1: Anemia"),
                blocks("<ul><li>Infections:</li><ul><li>Influenza</li></ul><li>Anemia</li></ul>"));
    }

    @Test
    void theCharsetThePageDeclaresIsUsed() throws Exception {
        byte[] latin1 = ("<html><head><meta charset=\"windows-1252\"></head><body><h1>Fi\u00e8vre</h1>"
                + "<p>Fi\u00e8vre may be caused by:</p><ul><li>Grippe</li><li>Rougeole</li></ul></body></html>")
                .getBytes(Charset.forName("windows-1252"));
        org.symptomgraph.importer.ImportedDocument r = importer.read("fievre.html", latin1);
        assertEquals("Fièvre", r.document().symptom());
        assertEquals(2, r.document().allCauses().size());
    }

    @Test
    void withoutADeclaredCharsetTheBytesMustBeUtf8() {
        byte[] latin1 = "<html><body><p>Fi\u00e8vre</p></body></html>".getBytes(StandardCharsets.ISO_8859_1);
        DocumentException e = assertThrows(DocumentException.class, () -> importer.read("fievre.html", latin1));
        assertEquals("fievre.html: not valid UTF-8 text", e.getMessage());
    }

    @Test
    void theFormatFollowsTheFileNameOrElseHowTheFileStarts() {
        byte[] page = "<!DOCTYPE html>\n<p>x</p>".getBytes(StandardCharsets.UTF_8);
        byte[] text = "Cough may be caused by:\n\n- Smoke\n".getBytes(StandardCharsets.UTF_8);
        assertTrue(isHtml("a/page.html", text), "the name says HTML");
        assertTrue(isHtml("a/page.HTM", text));
        assertTrue(isHtml("a/saved-page", page), "no telling name: it starts like a page");
        assertTrue(isHtml("a/saved.php", "\uFEFF  <html><body>".getBytes(StandardCharsets.UTF_8)));
        assertFalse(isHtml("a/page.txt", page), "a .txt file is text, whatever it holds");
        assertFalse(isHtml("a/notes", text));
    }

    @Test
    void aPageWithoutContentIsReportedAsSuch() {
        DocumentException empty = assertThrows(DocumentException.class, () -> importer.read("blank.html",
                "<html><head><title>Nothing</title></head><body><nav>Home</nav></body></html>"
                        .getBytes(StandardCharsets.UTF_8)));
        assertEquals("blank.html: no content: not a symptom-causes document", empty.getMessage());
        DocumentException binary = assertThrows(DocumentException.class, () -> importer.read("bin.html",
                new byte[] {'<', 'p', '>', 0, '<'}));
        assertTrue(binary.getMessage().startsWith("bin.html:1: binary content"), binary.getMessage());
    }

    private static boolean isHtml(String name, byte[] bytes) {
        return DocumentFormats.forDocument(name, bytes).format().equals(HtmlPageReader.FORMAT);
    }
}
