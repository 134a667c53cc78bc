package io.github.scratchnet.notebook;

import java.util.Objects;

/**
 * A piece of HTML (a verdict, a few sentences computed from results) that a notebook cell can end
 * with: the notebook extension shows it as HTML, where a plain {@code String} would be shown as
 * quoted text. {@link #toString()} gives the text without tags.
 */
public record HtmlText(String html) {
    public HtmlText {
        Objects.requireNonNull(html, "html");
    }

    /** The fragments joined in order. */
    public static HtmlText of(String... fragments) {
        return new HtmlText(String.join("", fragments));
    }

    @Override
    public String toString() {
        return html.replaceAll("<(p|br|li|tr)[^>]*>", "\n").replaceAll("<[^>]+>", "").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&").strip();
    }
}
