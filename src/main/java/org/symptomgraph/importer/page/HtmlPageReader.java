package org.symptomgraph.importer.page;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;

/**
 * Saved web pages, read with jsoup into blocks straight from the elements: h1..h6 are headings of
 * that level (and a short paragraph that is all bold, a heading without a level), {@code li} list
 * items with their nesting depth and, in an {@code ol}, their number; paragraphs and other text are
 * prose, cut at {@code <br>}. Every block knows the source line it starts on.
 *
 * <p>Page furniture is dropped before reading: navigation, site header and footer, asides, scripts,
 * styles, forms, frames, hidden elements, and elements whose id, class or role say they are
 * navigation, menus, ads, banners, newsletter or cookie notices, sharing buttons, related links or
 * breadcrumbs. If the page marks its main content ({@code <main>}, {@code role="main"}, or a single
 * {@code <article>}), only that is read. The {@code <title>} and the canonical address are kept.
 */
public final class HtmlPageReader implements PageReader {

    public static final String FORMAT = "html";

    /** Elements that are never content. */
    private static final Set<String> NEVER_CONTENT = Set.of("script", "style", "noscript", "template", "head",
            "title", "meta", "link", "iframe", "frame", "frameset", "object", "embed", "svg", "canvas", "video",
            "audio", "map", "img", "picture", "button", "select", "input", "textarea", "option", "label", "figcaption");
    /** Elements that are furniture unless they hold the content itself. */
    private static final Set<String> FURNITURE = Set.of("nav", "aside", "form", "dialog", "menu");
    /** Site-wide header and footer; inside the content ({@code <main>}, {@code <article>}) they are content. */
    private static final Set<String> PAGE_FRAME = Set.of("header", "footer");
    /** Words in an id or class that mark furniture. */
    private static final Pattern FURNITURE_WORD = Pattern.compile(
            "\\w*nav|navbar|navigation|\\w*menu|menubar|breadcrumbs?|ads?|advert\\w*|adslot|adunit|adsbygoogle|sponsor(ed)?|"
                    + "promo|banner|newsletters?|subscribe|subscription|signup|cookies?|consent|gdpr|share|sharing|"
                    + "social|related|sidebar|popup|modal|toolbar|skip(link)?|masthead|caption");
    private static final Set<String> FURNITURE_ROLES = Set.of("navigation", "banner", "contentinfo", "complementary",
            "search", "menu", "menubar", "dialog", "alertdialog");
    private static final Set<String> INLINE = Set.of("a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn",
            "em", "font", "i", "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup",
            "time", "tt", "u", "var", "wbr", "ins", "del", "big", "nobr");
    private static final Set<String> BOLD = Set.of("b", "strong");
    private static final Pattern HEADING = Pattern.compile("h[1-6]");
    private static final Pattern LIST = Pattern.compile("ul|ol|dir");
    /** A block of at least this many links and hardly any other text is navigation. */
    private static final int LINK_BAR_LINKS = 3;
    /** A style that makes a block's text a heading: bold, or large. */
    private static final Pattern HEADING_STYLE = Pattern.compile(
            "font-weight\\s*:\\s*(?:bold|bolder|[6-9]00)|font-size\\s*:\\s*(?:(?:1[8-9]|[2-9]\\d)px|(?:1\\.[3-9]|[2-9](?:\\.\\d+)?)em|x+-large|large)",
            Pattern.CASE_INSENSITIVE);
    /** A bold paragraph is a heading when it is at most this long and does not end a sentence. */
    private static final int BOLD_HEADING_LENGTH = 80;

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public List<String> extensions() {
        return List.of(".html", ".htm", ".xhtml");
    }

    @Override
    public boolean sniff(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.ISO_8859_1)
                .replace("\u00EF\u00BB\u00BF", "").stripLeading().toLowerCase(Locale.ROOT);
        if (head.startsWith("<?xml") || head.startsWith("<!--")) {
            return head.contains("<html");
        }
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<head")
                || head.startsWith("<body");
    }

    @Override
    public Page read(String name, byte[] bytes) throws DocumentException {
        Charset charset = SourceText.declaredCharset(bytes).orElse(StandardCharsets.UTF_8);
        return read(name, SourceText.text(name, bytes, charset));
    }

    /** The page's blocks from its decoded text (line ends normalised, so line numbers agree). */
    public static Page read(String name, String html) {
        Document doc = Jsoup.parse(html, "", Parser.htmlParser().setTrackPosition(true));
        Optional<String> title = Optional.of(TextPageReader.clean(doc.title())).filter(t -> !t.isEmpty());
        Optional<String> address = Optional.ofNullable(doc.selectFirst("link[rel=canonical][href]"))
                .map(e -> e.attr("href"))
                .or(() -> Optional.ofNullable(doc.selectFirst("meta[property=og:url][content]")).map(e -> e.attr("content")))
                .filter(a -> !a.isBlank());
        Element root = contentRoot(doc);
        dropFurniture(root);
        Renderer r = new Renderer();
        r.container(root, 0);
        r.flush();
        return new Page(name, FORMAT, r.blocks, title, address);
    }

    private static Element contentRoot(Document doc) {
        Element main = doc.selectFirst("main, [role=main]");
        if (main != null) {
            return main;
        }
        Elements articles = doc.select("article");
        return articles.size() == 1 ? articles.first() : doc.body();
    }

    private static void dropFurniture(Element root) {
        List<Element> drop = new ArrayList<>();
        for (Element e : root.getAllElements()) {
            if (e != root && isFurniture(e, root)) {
                drop.add(e);
            }
        }
        drop.forEach(Element::remove);
    }

    private static boolean isFurniture(Element e, Element root) {
        String tag = e.normalName();
        if (NEVER_CONTENT.contains(tag)) {
            return true;
        }
        if (e.hasAttr("hidden") || "true".equalsIgnoreCase(e.attr("aria-hidden"))
                || e.attr("style").replace(" ", "").toLowerCase(Locale.ROOT).contains("display:none")) {
            return true;
        }
        if (holdsContent(e)) {
            return false;
        }
        if (FURNITURE.contains(tag) || FURNITURE_ROLES.contains(e.attr("role").toLowerCase(Locale.ROOT).strip())) {
            return true;
        }
        if (PAGE_FRAME.contains(tag) && !insideContent(e, root)) {
            return true;
        }
        return hasFurnitureWord(e.id()) || e.classNames().stream().anyMatch(HtmlPageReader::hasFurnitureWord)
                || isLinkBar(e) || isTableOfContents(e);
    }

    /** A list of links to the page's own sections ("What is X?", "What causes X?"): the page's table of contents. */
    private static boolean isTableOfContents(Element e) {
        if (!LIST.matcher(e.normalName()).matches()) {
            return false;
        }
        Elements items = e.select("> li");
        return items.size() >= 2 && items.stream().allMatch(li -> {
            Elements links = li.select("> a[href^=#]");
            return links.size() == 1 && links.first().text().strip().equals(li.text().strip());
        });
    }

    /**
     * "Find a Doctor | Locations | Careers": a block that is nothing but several links (navigation
     * written without a nav element). Lists are never one: causes are often links to their pages.
     */
    private static boolean isLinkBar(Element e) {
        if (INLINE.contains(e.normalName()) || !e.select("ul, ol, li, dl, h1, h2, h3, h4, h5, h6").isEmpty()) {
            return false;
        }
        Elements links = e.select("a");
        if (links.size() < LINK_BAR_LINKS) {
            return false;
        }
        int all = e.text().replaceAll("[\\s|•·/–—-]+", "").length();
        int linked = links.stream().mapToInt(a -> a.text().replaceAll("[\\s|•·/–—-]+", "").length()).sum();
        return all > 0 && linked * 10 >= all * 9;
    }

    /** The page's content, or an element around it, is never dropped, whatever its class says. */
    private static boolean holdsContent(Element e) {
        String tag = e.normalName();
        return tag.equals("html") || tag.equals("body") || tag.equals("main") || tag.equals("article")
                || e.selectFirst("main, article, [role=main], h1") != null;
    }

    private static boolean insideContent(Element e, Element root) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            String tag = p.normalName();
            if (tag.equals("main") || tag.equals("article") || "main".equals(p.attr("role"))) {
                return true;
            }
        }
        return !root.normalName().equals("body");
    }

    /** "site-nav", "adSlot", "newsletter_signup": any word of the name (split at -, _ and case changes). */
    private static boolean hasFurnitureWord(String name) {
        for (String word : name.split("[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])")) {
            if (!word.isEmpty() && FURNITURE_WORD.matcher(word.toLowerCase(Locale.ROOT)).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Turns content elements into blocks. */
    private static final class Renderer {
        final List<Block> blocks = new ArrayList<>();
        private Inline inline = new Inline();
        private int list;
        /** How many blocks there were when the last list ended. */
        private int endOfList = -1;

        /** A block-level element: its inline runs become paragraphs; its block children are read in turn. */
        void container(Element e, int depth) {
            for (Node child : e.childNodes()) {
                if (child instanceof TextNode t) {
                    inline.text(t);
                } else if (child instanceof Element el) {
                    element(el, depth);
                }
            }
        }

        private void element(Element el, int depth) {
            String tag = el.normalName();
            if (tag.equals("br")) {
                inline.lineBreak();
            } else if (HEADING.matcher(tag).matches()) {
                flush();
                heading(el, tag.charAt(1) - '0');
            } else if (LIST.matcher(tag).matches()) {
                flush();
                // A list straight after another, with nothing read between (an advertisement left out), goes on.
                if (blocks.size() != endOfList || blocks.isEmpty()) {
                    list++;
                }
                list(el, depth + 1);
                endOfList = blocks.size();
            } else if (tag.equals("li")) {
                flush();
                item(el, Math.max(depth, 1), 0);
            } else if (tag.equals("dl") && isGlossary(el)) {
                flush();
                list++;
                glossary(el, depth + 1);
            } else if (INLINE.contains(tag) && !hasBlockInside(el)) {
                inline.inlineContent(el);
            } else if (tag.equals("dt") || (tag.equals("p") || tag.equals("div")) && isBoldHeading(el)) {
                flush();
                heading(el, 0);
            } else if (tag.equals("table")) {
                flush();
                table(el);
            } else if (tag.equals("pre")) {
                flush();
                inline.preformatted = true;
                inline.inlineContent(el);
                flush();
            } else {
                flush();
                container(el, depth);
                flush();
            }
        }

        /**
         * A definition list whose descriptions are plain text ("Stroke" — "A blocked or burst blood
         * vessel …"): a list of its terms, each with its description after a colon. One whose
         * descriptions hold lists or headings is a set of groups instead: its terms are headings.
         */
        private static boolean isGlossary(Element dl) {
            return !dl.select("> dt").isEmpty() && dl.select("> dd").stream()
                    .allMatch(dd -> dd.select("ul, ol, dl, table, h1, h2, h3, h4, h5, h6").isEmpty());
        }

        private void glossary(Element dl, int depth) {
            Inline item = null;
            for (Element child : dl.children()) {
                if (child.normalName().equals("dt")) {
                    if (item != null) {
                        item.emit(Block.Type.ITEM, depth, 0, list, blocks);
                    }
                    item = new Inline();
                    item.oneLine = true;
                    item.inlineContent(child);
                } else if (child.normalName().equals("dd") && item != null) {
                    item.text(new TextNode(": "));
                    item.inlineContent(child);
                }
            }
            if (item != null) {
                item.emit(Block.Type.ITEM, depth, 0, list, blocks);
            }
        }

        /** A table's rows of cells, read as {@link Table} says; a table used for layout (cells holding blocks) is read as its content. */
        private void table(Element table) {
            List<List<Block>> rows = new ArrayList<>();
            for (Element tr : table.select("tr")) {
                if (tr.closest("table") != table) {
                    continue;
                }
                List<Block> cells = new ArrayList<>();
                for (Element cell : tr.children()) {
                    if (!cell.normalName().equals("td") && !cell.normalName().equals("th")) {
                        continue;
                    }
                    if (hasBlockInside(cell) && !cell.select("table, ul, ol, h1, h2, h3, h4, h5, h6").isEmpty()) {
                        container(table, 0);  // a layout table: its cells are the page's blocks
                        return;
                    }
                    Inline text = new Inline();
                    text.oneLine = true;
                    text.inlineContent(cell);
                    List<Block> one = new ArrayList<>();
                    text.emit(Block.Type.PROSE, 0, -1, 0, one);
                    cells.add(one.isEmpty() ? Block.of(Block.Type.PROSE, text.lastLine, "", 0) : one.get(0));
                }
                if (!cells.isEmpty()) {
                    rows.add(cells);
                }
            }
            blocks.addAll(new Table(rows).blocks(0, ++list));
        }

        private void heading(Element el, int level) {
            Inline text = new Inline();
            text.oneLine = true;
            text.inlineContent(el);
            text.emit(Block.Type.HEADING, level, -1, 0, blocks);
        }

        private void list(Element listElement, int depth) {
            boolean ordered = listElement.normalName().equals("ol");
            int number = ordered ? startOf(listElement) : 0;
            for (Element child : listElement.children()) {
                String tag = child.normalName();
                if (tag.equals("li")) {
                    if (ordered && child.hasAttr("value")) {
                        number = parse(child.attr("value"), number);
                    }
                    item(child, depth, ordered ? number++ : 0);
                } else if (LIST.matcher(tag).matches()) {
                    // A list placed straight in a list (not in an item): it belongs to the item before it.
                    list(child, depth + 1);
                } else {
                    flush();
                    container(child, depth);
                    flush();
                }
            }
        }

        private static int startOf(Element ol) {
            return ol.hasAttr("start") ? parse(ol.attr("start"), 1) : 1;
        }

        private static int parse(String number, int otherwise) {
            try {
                return Integer.parseInt(number.strip());
            } catch (NumberFormatException e) {
                return otherwise;
            }
        }

        /** One item for the element's own text (nested lists left out), then its nested lists, deeper. */
        private void item(Element li, int depth, int ordinal) {
            Inline own = new Inline();
            own.oneLine = true;
            List<Element> nested = new ArrayList<>();
            collectItem(li, own, nested);
            own.emit(Block.Type.ITEM, depth, ordinal, Math.max(list, 1), blocks);
            for (Element n : nested) {
                list(n, depth + 1);
            }
        }

        private void collectItem(Element e, Inline own, List<Element> nested) {
            for (Node child : e.childNodes()) {
                if (child instanceof TextNode t) {
                    own.text(t);
                } else if (child instanceof Element el) {
                    if (LIST.matcher(el.normalName()).matches()) {
                        nested.add(el);
                    } else if (el.normalName().equals("br")) {
                        own.space();
                    } else if (INLINE.contains(el.normalName())) {
                        collectItem(el, own, nested);
                    } else {
                        // A paragraph or division inside the item: its text is part of the item's, set apart.
                        own.space();
                        collectItem(el, own, nested);
                        own.space();
                    }
                }
            }
        }

        /** Paragraphs as they come; a line typed as a list item ("* Lupus<br>") is one, in a list of such lines. */
        void flush() {
            int from = blocks.size();
            inline.emit(Block.Type.PROSE, 0, -1, 0, blocks);
            inline = new Inline();
            for (int i = from; i < blocks.size(); i++) {
                // Items typed as text continue the list before, also across elements (a div a line).
                boolean continues = i > 0 && blocks.get(i - 1).is(Block.Type.ITEM) && blocks.get(i - 1).list() == list;
                int id = continues ? list : list + 1;
                Optional<Block> item = TextPageReader.asItem(blocks.get(i), id);
                if (item.isPresent()) {
                    list = id;
                    blocks.set(i, item.get());
                }
            }
        }

        /** {@code <p><strong>Less common causes</strong></p>}: a heading written as a bold paragraph. */
        private static boolean isBoldHeading(Element p) {
            String text = p.text().strip();
            if (text.isEmpty() || text.length() > BOLD_HEADING_LENGTH || text.matches(".*[.!,;]$")) {
                return false;
            }
            if (HEADING_STYLE.matcher(p.attr("style")).find() && !hasBlockInside(p)) {
                return true; // <div style="font-weight:bold">Common causes</div>
            }
            StringBuilder bold = new StringBuilder();
            for (Node child : p.childNodes()) {
                if (child instanceof TextNode t && !t.isBlank()) {
                    return false;
                }
                if (child instanceof Element el) {
                    if (!BOLD.contains(el.normalName())) {
                        return false;
                    }
                    bold.append(el.text());
                }
            }
            return bold.toString().strip().equals(text);
        }

        private static boolean hasBlockInside(Element e) {
            for (Element d : e.getAllElements()) {
                String tag = d.normalName();
                if (d != e && !INLINE.contains(tag) && !tag.equals("br")) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Inline text being gathered: white space collapsed as a browser shows it, cut into lines at
     * {@code <br>} (unless it is one line by nature, as a heading or list item is), and for every
     * stretch of text the source line it comes from.
     */
    private static final class Inline {
        boolean oneLine;
        boolean preformatted;
        private final List<StringBuilder> texts = new ArrayList<>();
        private final List<List<Block.Span>> spans = new ArrayList<>();
        private boolean pendingSpace;
        private int lastLine = 0;

        Inline() {
            newLine();
        }

        void inlineContent(Element e) {
            for (Node child : e.childNodes()) {
                if (child instanceof TextNode t) {
                    text(t);
                } else if (child instanceof Element el) {
                    if (el.normalName().equals("br")) {
                        lineBreak();
                    } else {
                        inlineContent(el);
                    }
                }
            }
        }

        void text(TextNode node) {
            String s = node.getWholeText();
            int line = node.sourceRange().isTracked() ? node.sourceRange().start().lineNumber() : lastLine;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\n') {
                    if (preformatted) {
                        lineBreak();
                    } else {
                        pendingSpace = true;
                    }
                    line++;
                } else if (c == '\u200B' || c == '\u00AD' || c == '\uFEFF') {
                    continue;
                } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                    pendingSpace = true;
                } else {
                    append(c, line);
                }
            }
        }

        void space() {
            pendingSpace = true;
        }

        void lineBreak() {
            if (oneLine) {
                pendingSpace = true;
            } else if (current().length() > 0) {
                newLine();
            }
        }

        private void append(char c, int line) {
            StringBuilder t = current();
            if (pendingSpace && t.length() > 0) {
                t.append(' ');
            }
            pendingSpace = false;
            List<Block.Span> sp = spans.get(spans.size() - 1);
            if (line > 0 && (sp.isEmpty() || sp.get(sp.size() - 1).line() != line)) {
                sp.add(new Block.Span(t.length(), line));
            }
            if (line > 0) {
                lastLine = line;
            }
            t.append(c);
        }

        private StringBuilder current() {
            return texts.get(texts.size() - 1);
        }

        private void newLine() {
            texts.add(new StringBuilder());
            spans.add(new ArrayList<>());
            pendingSpace = false;
        }

        /** Adds a block of the given kind for each gathered line. */
        void emit(Block.Type type, int level, int ordinal, int list, List<Block> into) {
            for (int i = 0; i < texts.size(); i++) {
                if (texts.get(i).length() == 0) {
                    continue;
                }
                List<Block.Span> sp = spans.get(i);
                int number = sp.isEmpty() ? lastLine : sp.get(0).line();
                into.add(new Block(type, number, texts.get(i).toString(), level, 0, ordinal, list, sp));
            }
        }
    }
}
