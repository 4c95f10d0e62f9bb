package org.synergia.web.site;

/**
 * Addresses between the portal's pages. The same pages are served live (absolute paths such as
 * {@code /es/cases/mali-cash-plus}) and exported as static files (relative paths such as
 * {@code ../../es/cases/mali-cash-plus/index.html}, so the export can be hosted under any folder
 * or opened from disk). A page's path is language-free ({@code cases/mali-cash-plus}); English
 * pages have no language prefix.
 *
 * @param exported true for the static export
 * @param depth how many folders deep the current page lies in the export (0 for the English home)
 */
public record Links(boolean exported, int depth) {

    /** The links of every live page. */
    public static final Links LIVE = new Links(false, 0);

    /**
     * @param language the page's language
     * @param path the page's language-free path, empty for the home page
     * @return the links of an exported page, which lies in {@code <lang>/<path>/index.html}
     */
    public static Links exported(String language, String path) {
        return new Links(true, segments(prefix(language) + path));
    }

    /** @return whether pages that need the server (search) can be linked */
    public boolean live() {
        return !exported;
    }

    /**
     * @param language the target's language
     * @param path the target's language-free path
     * @return the address of that page
     */
    public String page(String language, String path) {
        String p = prefix(language) + path;
        if (!exported) {
            return "/" + (p.endsWith("/") ? p.substring(0, p.length() - 1) : p);
        }
        return root() + p + (p.isEmpty() || p.endsWith("/") ? "" : "/") + "index.html";
    }

    /**
     * @param file a file under the site's root ({@code assets/site.css}, {@code reports/en/x.pdf})
     * @return its address
     */
    public String file(String file) {
        return root() + file;
    }

    private String root() {
        return exported ? "../".repeat(depth) : "/";
    }

    /**
     * @param language a language
     * @return its path prefix: empty for English, {@code es/} for Spanish
     */
    public static String prefix(String language) {
        return language.equals("en") ? "" : language + "/";
    }

    private static int segments(String path) {
        int n = 0;
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                n++;
            }
        }
        return n;
    }
}
