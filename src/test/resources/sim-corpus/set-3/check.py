#!/usr/bin/env python3
"""Self-check of sim-corpus set-3 (a copy of the shared corpus check.py, extended).

For every pages/<slug>.txt or pages/<slug>.html there must be an expected/<slug>.json (and the
reverse). For each pair this script checks that the expected facts are anchored in the page text:

  * a .txt page starts with "SOURCE: <url>" and a blank line, and <url> equals the JSON "url";
    a .html page is a saved HTML document whose <link rel="canonical"> (or, when there is none,
    <meta property="og:url">) equals the JSON "url";
  * the page text is at most MAX_TEXT_BYTES bytes of UTF-8 (for .html: the visible text, see
    html_text below) and a .txt page has no trailing newline;
  * every cause "raw" is a substring of the page text (whitespace collapsed);
  * every alias and brand is a substring of its cause's raw text;
  * every "leadIn" is a substring of the page text; every heading name is a whole line
    (a table row with one non-empty cell, "| **Label** | |", counts as the line "Label");
  * field values are from the documented sets (nameFrom, frequency), parents exist,
    category names are unique within a page;
  * nonCauses occur in the page and are not also expected causes; mustNotAppear words occur in
    the page but in no cause;
  * "date" is ISO and matches a date line of the page: a line that is only a date, a labelled
    date line ("Last reviewed: 11/2/2022", "Page last reviewed: 18 March 2024", "Medically
    Reviewed by X on October 12, 2022", …) or, in .html pages, a <time datetime="…"> element;
    a null date means the page has none of these.

Then it prints one row per page (causes, categories, drugs, brands, date) and the totals.
Exit status 0 when everything holds, 1 otherwise.  Usage: python3 check.py [corpus_dir]
"""
import json
import os
import re
import sys
from html.parser import HTMLParser

NAME_FROM = {"heading", "intro-list", "lead-in", "missing"}
FREQUENCY = {"most-common", "common", "less-common", "rare", "other", None}
MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
MAX_TEXT_BYTES = 3000

# Date forms: "Feb. 14, 2014" / "February 14, 2014", "18 March 2024" / "21 Feb 2023", "11/2/2022".
MDY = r"(?P<m1>[A-Z][a-z]+)\.? (?P<d1>\d{1,2}), (?P<y1>\d{4})"
DMY = r"(?P<d2>\d{1,2}) (?P<m2>[A-Z][a-z]+) (?P<y2>\d{4})"
NUM = r"(?P<m3>\d{1,2})/(?P<d3>\d{1,2})/(?P<y3>\d{4})"
DATE = rf"(?:{MDY}|{DMY}|{NUM})"
LABELS = (r"Updated(?: on)?|Last updated|Page last updated|Content last updated|Last edited|"
          r"Page last reviewed|Last reviewed(?: on)?|Date Last Reviewed|Content reviewed|Review Date|"
          r"Medically Reviewed")
DATE_LINE = re.compile(rf"^(?:(?:{LABELS})(?: by .+? on)?:? )?{DATE}\.?$", re.IGNORECASE)


def squash(text):
    """Collapse every run of whitespace (including no-break spaces) into one space."""
    return re.sub(r"\s+", " ", text).strip()


def iso(m):
    """ISO date from a DATE_LINE match, or None when the month word is not a month."""
    if m.group("y3"):
        return f"{m.group('y3')}-{int(m.group('m3')):02d}-{int(m.group('d3')):02d}"
    word, day, year = ((m.group("m1"), m.group("d1"), m.group("y1")) if m.group("y1")
                       else (m.group("m2"), m.group("d2"), m.group("y2")))
    month = MONTHS.get(word[:3].lower())
    return f"{year}-{month:02d}-{int(day):02d}" if month else None


def date_lines(lines):
    """ISO dates of the lines that are a date, optionally after a review/update label."""
    found = []
    for line in lines:
        m = DATE_LINE.match(line.strip())
        if m and iso(m):
            found.append(iso(m))
    return found


class _TextExtractor(HTMLParser):
    """Visible text of a saved HTML page: block elements start new lines, table cells are
    separated by a tab, <head>, <script>, <style>, <noscript>, <template> and <svg> are skipped.
    Also collects the canonical address, og:url and <time datetime> values."""
    BLOCK = {"address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt",
             "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
             "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody",
             "thead", "tfoot", "tr", "ul", "label", "details", "summary"}
    SKIP = {"head", "script", "style", "noscript", "template", "svg"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skip, self.canonical, self.og_url, self.times = [], 0, None, None, []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and (a.get("rel") or "").lower() == "canonical":
            self.canonical = a.get("href")
        if tag == "meta" and a.get("property") == "og:url":
            self.og_url = a.get("content")
        if tag == "time" and a.get("datetime"):
            self.times.append(a["datetime"][:10])
        if tag in self.SKIP:
            self.skip += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append("\t")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in self.SKIP:
            self.skip -= 1

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(re.sub(r"[ \t\r\n\f]+", " ", data))


def html_text(source):
    """(visible text, canonical-or-og:url, <time> dates) of an HTML document."""
    p = _TextExtractor()
    p.feed(source)
    p.close()
    lines = [l.strip(" \t") for l in "".join(p.parts).split("\n")]
    text = "\n".join(l for l in lines if l.strip())
    return text, (p.canonical or p.og_url), p.times


def heading_forms(line):
    """A line and its forms without markup: a table row with one non-empty cell
    ('| **Label** | |' -> 'Label') and a Markdown heading ('### Label' -> 'Label', as in set-2)."""
    forms = {line}
    if line.startswith("#"):
        forms.add(line.lstrip("#").strip())
    if line.startswith("|"):
        cells = [c.strip() for c in line.strip("|").split("|") if c.strip()]
        if len(cells) == 1:
            forms.add(cells[0].strip("*").strip())
    return forms


def check_page(corpus, slug, ext, problems, notes):
    def bad(msg):
        problems.append(f"{slug}: {msg}")

    raw_page = open(os.path.join(corpus, "pages", slug + ext), encoding="utf-8", newline="").read()
    exp = json.load(open(os.path.join(corpus, "expected", slug + ".json"), encoding="utf-8"))

    times = []
    if ext == ".html":
        text, url, times = html_text(raw_page)
        if not url:
            bad("no <link rel=\"canonical\"> and no <meta property=\"og:url\">")
        elif url != exp.get("url"):
            bad(f"url {exp.get('url')!r} differs from the page's canonical/og:url {url!r}")
        if "<title>" not in raw_page:
            bad("saved HTML page without <title>")
    else:
        head, sep, text = raw_page.partition("\n\n")
        if not head.startswith("SOURCE: ") or "\n" in head or not sep:
            bad("page must start with 'SOURCE: <url>' and a blank line")
        elif head[len("SOURCE: "):] != exp.get("url"):
            bad(f"url {exp.get('url')!r} differs from the SOURCE line")
        if text.endswith("\n"):
            bad("page text ends with a newline")
    size = len(text.encode("utf-8"))
    if size > MAX_TEXT_BYTES:
        bad(f"page text is {size} bytes (limit {MAX_TEXT_BYTES})")
    flat = squash(text)
    lines = [l.strip() for l in text.split("\n")]
    heading_lines = set()
    for l in lines:
        heading_lines |= heading_forms(l)

    for key in ("symptom", "symptomFrom", "date", "source", "url", "categories"):
        if key not in exp:
            bad(f"missing key {key!r}")
    if exp.get("source") != f"pages/{slug}{ext}":
        bad(f"source should be 'pages/{slug}{ext}'")
    names_of_symptom = [exp.get("symptom", "")] + exp.get("symptomAcceptAlso", [])
    if not any(squash(n).lower() in flat.lower() for n in names_of_symptom if n):
        notes.append(f"{slug}: note: neither the symptom nor an accepted name occurs in the page text")

    date = exp.get("date")
    dates = date_lines(lines) + times
    if date is None:
        if dates:
            bad(f"date is null but the page has a date line {dates}")
    elif not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        bad(f"date {date!r} is not ISO yyyy-mm-dd")
    elif date not in dates:
        bad(f"date {date} matches no date line (found {dates})")

    cats = exp.get("categories", [])
    names = [c.get("name") for c in cats]
    if len(set(names)) != len(names):
        bad("category names are not unique")
    cause_names = set()
    stats = {"causes": 0, "categories": len(cats), "drugs": 0, "brands": 0, "bytes": size}
    for c in cats:
        where = f"category {c.get('name')!r}"
        if c.get("nameFrom") not in NAME_FROM:
            bad(f"{where}: nameFrom {c.get('nameFrom')!r} not in {sorted(NAME_FROM)}")
        if "frequency" not in c or c["frequency"] not in FREQUENCY:
            bad(f"{where}: frequency missing or not one of {sorted(f for f in FREQUENCY if f)} / null")
        if "parent" not in c:
            bad(f"{where}: missing key 'parent'")
        elif c["parent"] is not None and c["parent"] not in names:
            bad(f"{where}: parent {c['parent']!r} is not a category of this page")
        elif c["parent"] == c.get("name"):
            bad(f"{where}: is its own parent")
        if c.get("nameFrom") == "heading" and c["name"] not in heading_lines:
            bad(f"{where}: heading name is not a line of the page")
        if c.get("leadIn") and squash(c["leadIn"]) not in flat:
            bad(f"{where}: leadIn not found in the page")
        if c.get("nameFrom") == "lead-in" and not c.get("leadIn"):
            bad(f"{where}: a lead-in category needs its leadIn sentence")
        if c.get("prose") and not c.get("leadIn"):
            bad(f"{where}: a prose category needs its sentence as leadIn")
        if not c.get("causes") and not any(k.get("parent") == c.get("name") for k in cats):
            bad(f"{where}: no causes and no sub-categories")
        seen = set()
        for x in c.get("causes", []):
            label = f"{where} cause {x.get('name')!r}"
            for key in ("name", "aliases", "brands", "moreBrands", "raw"):
                if key not in x:
                    bad(f"{label}: missing key {key!r}")
            raw = squash(x.get("raw", ""))
            if raw not in flat:
                bad(f"{label}: raw {x.get('raw')!r} is not in the page text")
            if raw in seen:
                bad(f"{label}: raw repeated within the category")
            seen.add(raw)
            for a in x.get("aliases", []):
                if squash(a) not in raw:
                    bad(f"{label}: alias {a!r} is not part of raw")
            for b in x.get("brands", []):
                if squash(b) not in raw:
                    bad(f"{label}: brand {b!r} is not part of raw")
            if (x.get("brands") or x.get("moreBrands")) and not x.get("drug"):
                bad(f"{label}: brands on a cause not marked drug")
            if x.get("moreBrands") and "others" not in raw:
                bad(f"{label}: moreBrands without 'others' in raw")
            if x.get("groupLabel") and not x.get("drug"):
                bad(f"{label}: groupLabel on a cause not marked drug")
            stats["causes"] += 1
            stats["drugs"] += bool(x.get("drug"))
            stats["brands"] += len(x.get("brands", []))
            cause_names.add(x.get("name", "").lower())
    if stats["causes"] == 0:
        bad("no causes at all")

    for n in exp.get("nonCauses", []):
        if squash(n).lower() not in flat.lower():
            bad(f"nonCause {n!r} does not occur in the page")
        if n.lower() in cause_names:
            bad(f"nonCause {n!r} is also an expected cause")
    for w in exp.get("mustNotAppear", []):
        if w.lower() not in flat.lower():
            bad(f"mustNotAppear word {w!r} does not occur in the page (nothing to test)")
        for c in cats:
            for x in c.get("causes", []):
                if w.lower() in x.get("raw", "").lower():
                    bad(f"mustNotAppear word {w!r} occurs in cause {x['name']!r}")
    stats["date"] = date or "-"
    stats["partial"] = "partial" if exp.get("partial") else ""
    stats["kind"] = ext[1:]
    return stats


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    pages = {}
    for f in sorted(os.listdir(os.path.join(corpus, "pages"))):
        stem, ext = os.path.splitext(f)
        if ext in (".txt", ".html"):
            if stem in pages:
                print(f"PROBLEM {stem}: both .txt and .html")
                return 1
            pages[stem] = ext
    expected = {f[:-5] for f in os.listdir(os.path.join(corpus, "expected")) if f.endswith(".json")}
    problems = [f"{s}: page without expected JSON" for s in sorted(set(pages) - expected)]
    problems += [f"{s}: expected JSON without page" for s in sorted(expected - set(pages))]
    rows, notes = [], []
    for slug in sorted(set(pages) & expected):
        try:
            rows.append((slug, check_page(corpus, slug, pages[slug], problems, notes)))
        except (OSError, ValueError) as e:
            problems.append(f"{slug}: cannot be read ({e})")
    width = max([len(s) for s, _ in rows] + [4])
    print(f"{'page':<{width}}  kind  bytes  causes  cats  drugs  brands  date        note")
    for slug, s in rows:
        print(f"{slug:<{width}}  {s['kind']:<4}  {s['bytes']:>5}  {s['causes']:>6}  {s['categories']:>4}  "
              f"{s['drugs']:>5}  {s['brands']:>6}  {s['date']:<10}  {s['partial']}")
    total = {k: sum(s[k] for _, s in rows) for k in ("causes", "categories", "drugs", "brands")}
    print(f"{'TOTAL':<{width}}              {total['causes']:>6}  {total['categories']:>4}  {total['drugs']:>5}  "
          f"{total['brands']:>6}  ({len(rows)} pages, {sum(1 for _, s in rows if s['kind'] == 'html')} html, "
          f"{sum(1 for _, s in rows if s['date'] != '-')} dated)")
    for n in notes:
        print(n)
    for p in problems:
        print("PROBLEM", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
