package org.symptomgraph.importer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * The HTML front end: reads a saved web page with jsoup and renders its content as the lines the
 * plain-text reader reads ({@link BlockReader}) — h1..h6 as "#"-headings of that level, list items
 * as bullets indented by their nesting, paragraphs between blank lines — each line still knowing
 * its source line. So a page and its text version go through the same reading and give the same
 * document.
 *
 * <p>Page furniture is dropped before reading: navigation, site header and footer, asides, scripts,
 * styles, forms, frames, hidden elements, and elements whose id, class or role say they are
 * navigation, menus, ads, banners, newsletter or cookie notices, sharing buttons, related links or
 * breadcrumbs. If the page marks its main content ({@code <main>}, {@code role="main"}, or a single
 * {@code <article>}), only that is read.
 */
public final class HtmlReader {

    /** Elements that are never content. */
    private static final Set<String> NEVER_CONTENT = Set.of("script", "style", "noscript", "template", "head",
            "title", "meta", "link", "iframe", "frame", "frameset", "object", "embed", "svg", "canvas", "video",
            "audio", "map", "img", "picture", "button", "select", "input", "textarea", "option", "label");
    /** Elements that are furniture unless they hold the content itself. */
    private static final Set<String> FURNITURE = Set.of("nav", "aside", "form", "dialog", "menu");
    /** Site-wide header and footer; inside the content ({@code <main>}, {@code <article>}) they are content. */
    private static final Set<String> PAGE_FRAME = Set.of("header", "footer");
    /** Words in an id or class that mark furniture. */
    private static final Pattern FURNITURE_WORD = Pattern.compile(
            "nav|navbar|navigation|menu|menubar|breadcrumbs?|ads?|advert\\w*|adslot|adunit|adsbygoogle|sponsor(ed)?|"
                    + "promo|banner|newsletters?|subscribe|subscription|signup|cookies?|consent|gdpr|share|sharing|"
                    + "social|related|sidebar|popup|modal|toolbar|skip(link)?|masthead");
    private static final Set<String> FURNITURE_ROLES = Set.of("navigation", "banner", "contentinfo", "complementary",
            "search", "menu", "menubar", "dialog", "alertdialog");
    private static final Set<String> INLINE = Set.of("a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn",
            "em", "font", "i", "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup",
            "time", "tt", "u", "var", "wbr", "ins", "del", "big", "nobr");
    private static final Pattern HEADING = Pattern.compile("h[1-6]");
    private static final Pattern LIST = Pattern.compile("ul|ol|dir");

    private HtmlReader() {
    }

    /** Whether text that came without a telling file name is an HTML page. */
    static boolean looksLikeHtml(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.ISO_8859_1)
                .replace("\u00EF\u00BB\u00BF", "").stripLeading().toLowerCase(Locale.ROOT);
        if (head.startsWith("<?xml") || head.startsWith("<!--")) {
            return head.contains("<html");
        }
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<head")
                || head.startsWith("<body");
    }

    /** The blocks of a page (its text already decoded and its line ends normalised). */
    public static List<Block> read(String html) {
        Document doc = Jsoup.parse(html, "", Parser.htmlParser().setTrackPosition(true));
        Element root = contentRoot(doc);
        dropFurniture(root);
        Renderer r = new Renderer();
        r.container(root, 0);
        r.flush();
        return BlockReader.readLines(r.lines);
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
        return hasFurnitureWord(e.id()) || e.classNames().stream().anyMatch(HtmlReader::hasFurnitureWord);
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

    /** Renders content elements as text lines for the block reader. */
    private static final class Renderer {
        final List<BlockReader.Line> lines = new ArrayList<>();
        private Inline inline = new Inline(false);

        /** A block-level element: its inline runs become paragraphs; its block children are rendered in turn. */
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
                Inline text = new Inline(true);
                text.inlineContent(el);
                int level = tag.charAt(1) - '0';
                text.emit("#".repeat(level) + " ", lines);
                blank();
            } else if (LIST.matcher(tag).matches()) {
                flush();
                list(el, depth + 1);
                blank();
            } else if (tag.equals("li")) {
                flush();
                item(el, Math.max(depth, 1));
                blank();
            } else if (INLINE.contains(tag) && !hasBlockInside(el)) {
                inline.inlineContent(el);
            } else if (tag.equals("pre")) {
                flush();
                Inline pre = new Inline(false);
                pre.preformatted = true;
                pre.inlineContent(el);
                pre.emit("", lines);
                blank();
            } else {
                flush();
                container(el, depth);
                flush();
            }
        }

        private void list(Element list, int depth) {
            for (Element child : list.children()) {
                String tag = child.normalName();
                if (tag.equals("li")) {
                    item(child, depth);
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

        /** One bullet line for the item's own text (nested lists left out), then its nested lists, deeper. */
        private void item(Element li, int depth) {
            Inline own = new Inline(true);
            List<Element> nested = new ArrayList<>();
            collectItem(li, own, nested);
            own.emit("  ".repeat(depth - 1) + "- ", lines);
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

        void flush() {
            if (!inline.isEmpty()) {
                blank();
                inline.emit("", lines);
                blank();
            }
            inline = new Inline(false);
        }

        private void blank() {
            if (!lines.isEmpty() && !lines.get(lines.size() - 1).text().isEmpty()) {
                lines.add(new BlockReader.Line("", 0));
            }
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
     * Inline text being gathered: white space collapsed as a browser shows it, split into lines at
     * {@code <br>} (unless it is one line by nature, as a heading or list item is), and for every
     * stretch of text the source line it comes from.
     */
    private static final class Inline {
        private final boolean oneLine;
        boolean preformatted;
        private final List<StringBuilder> texts = new ArrayList<>();
        private final List<List<Block.Span>> spans = new ArrayList<>();
        private boolean pendingSpace;
        private int lastLine = 0;

        Inline(boolean oneLine) {
            this.oneLine = oneLine;
            newLine();
        }

        boolean isEmpty() {
            return texts.stream().allMatch(t -> t.length() == 0);
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

        /** Adds the gathered lines, each after {@code prefix}, to {@code into}. */
        void emit(String prefix, List<BlockReader.Line> into) {
            for (int i = 0; i < texts.size(); i++) {
                if (texts.get(i).length() == 0) {
                    continue;
                }
                List<Block.Span> shifted = new ArrayList<>();
                for (Block.Span s : spans.get(i)) {
                    shifted.add(new Block.Span(s.offset() + prefix.length(), s.line()));
                }
                int number = shifted.isEmpty() ? lastLine : shifted.get(0).line();
                if (!shifted.isEmpty() && !prefix.isEmpty()) {
                    shifted.set(0, new Block.Span(0, number));
                }
                into.add(new BlockReader.Line(prefix + texts.get(i), number, shifted));
            }
        }
    }
}
