package io.github.scratchnet.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HtmlTextTest {
    @Test
    void joinsFragmentsAndReadsAsPlainText() {
        HtmlText t = HtmlText.of("<p><b>Best:</b> 0.93 &lt; 0.95</p>", "<p>second</p>");
        assertEquals("<p><b>Best:</b> 0.93 &lt; 0.95</p><p>second</p>", t.html());
        assertEquals("Best: 0.93 < 0.95\nsecond", t.toString());
        assertThrows(NullPointerException.class, () -> new HtmlText(null));
    }
}
