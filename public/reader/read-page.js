// Reads a saved web page as Mozilla's Readability reads it, for Article Atlas. Loaded on demand
// (after the vendored Readability.js beside it) the first time a page is opened, dropped or
// pasted; src/ui/page_reader.rs calls `articleAtlasReadPage`.
// The page is parsed with DOMParser: an inert document whose scripts never run and whose
// images and styles are never fetched. Only its content's HTML, as a string, goes back.
(function () {
    "use strict";
    const text = (value) => (typeof value === "string" && value.trim() !== "" ? value : null);
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
        const article = new Readability(doc).parse();
        if (!article) return null;
        return {
            title: text(article.title),
            byline: text(article.byline),
            published_time: text(article.publishedTime),
            site_name: text(article.siteName),
            lang: text(article.lang),
            excerpt: text(article.excerpt),
            content: article.content || "",
        };
    };
})();
