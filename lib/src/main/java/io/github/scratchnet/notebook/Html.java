package io.github.scratchnet.notebook;

import java.util.Locale;

/** The few HTML pieces the notebook helpers share. */
final class Html {
    private Html() {}

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A fraction with four decimals, e.g. {@code 0.9312}. */
    static String acc(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /** Seconds with one decimal, e.g. {@code 45.1 s}. */
    static String secs(double v) {
        return String.format(Locale.ROOT, "%.1f s", v);
    }

    /** A signed difference with four decimals, e.g. {@code +0.0123}. */
    static String signed(double v) {
        return String.format(Locale.ROOT, "%+.4f", v);
    }

    /** A number without needless zeros: {@code 0.05}, {@code 16}. */
    static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
