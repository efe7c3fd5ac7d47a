// Reads a saved web page as Mozilla's Readability reads it, for Article Atlas. Loaded on demand
// (after the vendored Readability.js beside it) the first time a page is opened, dropped or
// pasted; src/ui/page_reader.rs calls `articleAtlasReadPage`.
// The page is parsed with DOMParser: an inert document whose scripts never run and whose
// images and styles are never fetched. Only its content's HTML, as a string, goes back.
(function () {
    "use strict";
    const text = (value) => (typeof value === "string" && value.trim() !== "" ? value : null);

    // Readability 0.6.0, the latest on npm, splits a document title only at | - \ / > » between
    // spaces, so "Story – Site" keeps its site name. Upstream's later `_getArticleTitle`
    // (mozilla/readability, "titleSeparators" after 0.6.0) also splits at en and em dashes, as does
    // dom_smoothie in the CLI. This mirrors that later rule step by step: the last separator's
    // tail goes (or, when under three words remain, the first part); a colon title keeps the part
    // after the colon unless a heading repeats it whole; a too short or too long title gives way to
    // the one h1; four words or fewer fall back to the whole title. With `dashes` false it is
    // 0.6.0's rule, which tells whether Readability's title came from the document title at all
    // (rather than from the page's metadata) and so may be replaced.
    const documentTitle = (doc, dashes) => {
        const separators = dashes ? "|\\-\u2013\u2014\\\\/>\u00bb" : "|\\-\\\\/>\u00bb";
        const spaced = dashes ? "\\s" : " ";
        const separator = new RegExp(`${spaced}[${separators}]${spaced}`, "g");
        const words = (value) => value.split(/\s+/).length;
        const original = (doc.title || "").trim();
        let title = original;
        let hierarchical = false;
        if (new RegExp(separator.source).test(title)) {
            hierarchical = new RegExp(`${spaced}[\\\\/>\u00bb]${spaced}`).test(title);
            title = original.substring(0, Array.from(original.matchAll(separator)).pop().index);
            if (words(title) < 3) title = original.replace(new RegExp(`^[^${separators}]*[${separators}]`, "gi"), "");
        } else if (title.includes(": ")) {
            const headings = Array.from(doc.querySelectorAll("h1, h2"));
            if (!headings.some((heading) => heading.textContent.trim() === title)) {
                title = original.substring(original.lastIndexOf(":") + 1);
                if (words(title) < 3) title = original.substring(original.indexOf(":") + 1);
                else if (words(original.substring(0, original.indexOf(":"))) > 5) title = original;
            }
        } else if (title.length > 150 || title.length < 15) {
            const h1s = doc.getElementsByTagName("h1");
            if (h1s.length === 1) title = h1s[0].textContent.trim().replace(/\s{2,}/g, " ");
        }
        title = title.trim().replace(/\s{2,}/g, " ");
        const count = words(title);
        const originalCount = words(original.replace(new RegExp(`[${separators}]+`, "g"), ""));
        if (count <= 4 && (!hierarchical || count !== originalCount - 1)) title = original;
        return title;
    };
    globalThis.articleAtlasReadPage = function (html) {
        // The parsed document is inert, yet the browser checks its inline event handlers, style
        // attributes, style elements and base address against this page's CSP, which blocks
        // each and reports a violation. They are dropped from the markup first so that a saved
        // page does not fill the console; any the patterns miss is still blocked by the CSP.
        const quiet = html
            .replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, "")
            .replace(/<base\b[^>]*>/gi, "")
            .replace(/<[a-zA-Z][^\s/>]*(?:\s+[^\s=/>"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]*))?)*\s*\/?>/g, (tag) =>
                // Attribute by attribute, values whole, so that no value's words are touched.
                tag.replace(/(\s+)([^\s=/>"']+)(\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]*))?/g,
                    (attribute, space, name) => (/^on|^style$/i.test(name) ? "" : attribute)));
        const doc = new DOMParser().parseFromString(quiet, "text/html");
        // Before parse(), which rewrites the document's headings.
        const legacyTitle = documentTitle(doc, false);
        const newerTitle = documentTitle(doc, true);
        const article = new Readability(doc).parse();
        if (!article) return null;
        return {
            title: text(article.title === legacyTitle ? newerTitle : article.title),
            byline: text(article.byline),
            published_time: text(article.publishedTime),
            site_name: text(article.siteName),
            lang: text(article.lang),
            excerpt: text(article.excerpt),
            content: article.content || "",
        };
    };
})();
