package io.github.scratchnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.InvalidParameterException;
import io.github.scratchnet.nn.Formulas;
import io.github.scratchnet.nn.Initialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProtocolTest {
    @Test
    void theReportsAndTheEnginesFieldByField() {
        assertEquals(Map.of("split", "report", "init", Initialization.WIDTH_SCALED.label(), "order", "fixed",
                "softmax", "unshifted", "cost", Formulas.CrossEntropy.LOG_PLUS_MILLI.label(), "batchnorm",
                Formulas.BatchNormForm.REPORT.label(), "l2", Formulas.L2Scope.ALL_PARAMETERS.label(), "stopping",
                "cost-change", "counting", "report"), Protocol.REPORT.fields());
        assertEquals(Map.of("split", "seeded", "init", Initialization.HE.label(), "order", "reshuffled",
                "softmax", "shifted", "cost", "exact", "batchnorm", Formulas.BatchNormForm.STANDARD.label(), "l2",
                Formulas.L2Scope.WEIGHTS.label(), "stopping", "patience", "counting", "plain"), Protocol.SOUND.fields());
        assertEquals(List.of("split", "init", "order", "softmax", "cost", "batchnorm", "l2", "stopping", "counting"),
                List.copyOf(Protocol.REPORT.fields().keySet()), "in declaration order");
        assertEquals(Formulas.REPORT, Protocol.REPORT.formulas());
        assertEquals(Formulas.SOUND, Protocol.SOUND.formulas());
        assertEquals(42, Protocol.REPORT.defaultSeed());
        assertEquals(1, Protocol.SOUND.defaultSeed());
    }

    @Test
    void textRoundTripsForTheNamedProtocolsAndMixes() {
        assertEquals("report", Protocol.REPORT.toString());
        assertEquals("sound", Protocol.SOUND.toString());
        assertEquals(Protocol.REPORT, Protocol.parse(" Report "));
        assertEquals(Protocol.SOUND, Protocol.parse("sound"));
        Protocol he = Protocol.parse("report,init=he");
        assertEquals(Initialization.HE, he.init());
        assertEquals(Protocol.Split.REPORT, he.split());
        assertEquals("report,init=he", he.toString());
        assertEquals(he, Protocol.REPORT.with("init", "he"));
        // a mix is written from the named protocol it is closer to
        Protocol mostlySound = Protocol.parse("report,split=seeded,init=he,order=reshuffled,softmax=shifted,cost=exact");
        assertEquals("sound,batchnorm=" + Formulas.BatchNormForm.REPORT.label() + ",l2="
                + Formulas.L2Scope.ALL_PARAMETERS.label() + ",stopping=cost-change,counting=report", mostlySound.toString());
        for (Protocol p : List.of(Protocol.REPORT, Protocol.SOUND, he, mostlySound, Protocol.SOUND.with("counting", "report"),
                Protocol.REPORT.with("split", "seeded").with("stopping", "patience"))) {
            assertEquals(p, Protocol.parse(p.toString()), p.toString());
        }
        assertNotEquals(Protocol.REPORT, he);
    }

    @Test
    void unknownNamesKeysAndChoicesAreRefusedNamingTheProtocol() {
        for (String bad : List.of("bogus", "report,frob=1", "report,init", "report,init=lecun", "sound,split=random", "")) {
            InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> Protocol.parse(bad), bad);
            assertEquals("protocol", e.parameter());
            assertTrue(e.getMessage().contains("protocol"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertTrue(e.messageNaming("--protocol").contains("--protocol"), e.getMessage());
        }
        assertTrue(assertThrows(InvalidParameterException.class, () -> Protocol.parse("report,init=lecun")).getMessage()
                .contains("use one of he, width-scaled, xavier"));
        InvalidParameterException missing = assertThrows(InvalidParameterException.class,
                () -> new Protocol(null, Initialization.HE, Protocol.BatchOrder.FIXED, Formulas.Softmax.SHIFTED,
                        Formulas.CrossEntropy.EXACT, Formulas.BatchNormForm.STANDARD, Formulas.L2Scope.WEIGHTS,
                        Protocol.Stopping.PATIENCE, Protocol.Counting.PLAIN));
        assertTrue(missing.getMessage().contains("field split is missing"), missing.getMessage());
    }
}
