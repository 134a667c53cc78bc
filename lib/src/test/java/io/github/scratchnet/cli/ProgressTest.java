package io.github.scratchnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void aBarRedrawsInPlaceAndKeepsNotesOnTheirOwnLines() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (Progress p = Progress.bar(err, "sweep", 4, "runs", 100)) {
            p.status("bs16 epoch 1");
            p.stepTo(3);
            p.note("done   [3/4] bs16");
        }
        String s = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(s.contains("\r"), "a bar redraws with carriage returns");
        assertTrue(s.contains("3/4"), s);
        assertTrue(s.contains("done   [3/4] bs16\n"), s);
    }

    @Test
    void linesModePrintsEachStatusAndQuietNothing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (Progress p = Progress.lines(err)) {
            p.status("a");
            p.stepTo(1);
            p.note("b");
        }
        assertEquals("a\nb\n", bytes.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
        try (Progress p = Progress.create(true, "x", 1, "runs")) {
            p.note("never shown");
        }
    }
}
