package io.github.scratchnet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sweep} end to end on small MNIST subsets. */
class SweepCommandTest {
    @TempDir Path tmp;
    private static final String DATA = Path.of(System.getProperty("scratchnet.dataDir", "../data/mnist")).toAbsolutePath().toString();

    @Test
    void aKilledSweepResumesWithoutRecomputingItsFinishedRuns() throws Exception {
        Path out = tmp.resolve("sweep");
        // Three seeds one after the other: after the first run the child loads the next seed's
        // data, which leaves a wide window to kill it between two runs.
        List<String> args = List.of("sweep", "--data-dir", DATA, "--max-train", "2000", "--max-epochs", "1",
                "--batch-sizes", "500", "--seeds", "1,2,3", "--parallel", "1", "--out", out.toString());
        // One JVM, not a parent that starts a second with the vector module: the kill is meant for the sweep itself.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dscratchnet.relaunch=false", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile()).start();
        Path runs = out.resolve("runs");
        Path summary = out.resolve("runs.csv");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        // The summary is written after the run file: once it lists a run, that run is complete on disk.
        while (!(Files.exists(summary) && Files.readAllLines(summary).size() >= 2)) {
            assertTrue(child.isAlive(), "the child ended early:\n" + Files.readString(tmp.resolve("child.log")));
            assertTrue(System.nanoTime() < deadline, "no run finished in time");
            Thread.sleep(10);
        }
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));

        List<String> left = names(runs);
        assertTrue(left.size() == 2 || left.size() == 4, "finished runs only: " + left);
        for (String f : left) assertTrue(f.matches("bs500_bn-off_l2-0_seed\\d_[0-9a-f]{8}\\.(json|npz)"), "not a run file: " + f);
        for (String f : names(out)) assertTrue(List.of("runs", "runs.csv", "checks.csv").contains(f), "stray " + f);
        String first = left.get(0).replace(".json", "").replace(".npz", "");
        assertTrue(first.contains("seed1"), first);
        Path firstJson = runs.resolve(first + ".json");
        Path firstNpz = runs.resolve(first + ".npz");
        byte[] json = Files.readAllBytes(firstJson);
        byte[] npz = Files.readAllBytes(firstNpz);
        FileTime jsonTime = Files.getLastModifiedTime(firstJson);
        FileTime npzTime = Files.getLastModifiedTime(firstNpz);

        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("reused [1/3] " + first), r.err());
        assertTrue(r.out().contains("sweep: 3 runs (" + (left.size() / 2) + " reused"), r.out());
        assertArrayEquals(json, Files.readAllBytes(firstJson));
        assertArrayEquals(npz, Files.readAllBytes(firstNpz));
        assertEquals(jsonTime, Files.getLastModifiedTime(firstJson));
        assertEquals(npzTime, Files.getLastModifiedTime(firstNpz));
        List<String> rows = Files.readAllLines(summary);
        assertEquals(4, rows.size(), String.join("\n", rows));
        for (String seed : List.of("seed1", "seed2", "seed3")) {
            assertTrue(rows.stream().anyMatch(l -> l.contains("_" + seed + "_")), seed + " missing:\n" + rows);
        }
        assertTrue(r.out().contains("by configuration (mean and std over seeds)"), r.out());
        assertEquals(6, names(runs).size());
    }

    @Test
    void quietSweepPrintsTheTableAndNothingOnStderr() throws IOException {
        Path out = tmp.resolve("quiet");
        Cli.Result r = Cli.run("sweep", "--data-dir", DATA, "--max-train", "1000", "--max-epochs", "1",
                "--batch-sizes", "250,500", "--l2-values", "0,0.05", "--out", out.toString(), "--quiet");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("runs: " + out.resolve("runs.csv")), r.out());
        assertTrue(r.out().contains("bs500_bn-off_l2-0.05_seed1_"), r.out());
        assertEquals(5, Files.readAllLines(out.resolve("runs.csv")).size());
        assertFalse(r.out().contains("by configuration"), "one seed: no per-configuration table");

        Cli.Result again = Cli.run("sweep", "--data-dir", DATA, "--max-train", "1000", "--max-epochs", "1",
                "--batch-sizes", "250,500", "--l2-values", "0,0.05", "--out", out.toString());
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("(4 reused, 0 computed)"), again.out());
        assertTrue(again.err().lines().allMatch(l -> l.startsWith("reused [")), again.err());
    }

    @Test
    void aFolderOfRunsOnOneDataSetIsNotResumedWithTheOther() {
        Path out = tmp.resolve("mnist-runs");
        Cli.Result r = Cli.run("sweep", "--data-dir", DATA, "--max-train", "500", "--max-epochs", "1",
                "--batch-size", "250", "--out", out.toString(), "--quiet");
        assertEquals(0, r.exit(), r.err());
        // The check comes before any data is read, so the MNIST folder stands in for Fashion-MNIST's.
        Cli.Result other = Cli.run("sweep", "--dataset", "fashion-mnist", "--data-dir", DATA, "--max-train", "500",
                "--max-epochs", "1", "--batch-size", "250", "--out", out.toString(), "--quiet");
        assertEquals(1, other.exit());
        assertEquals("error: the output folder " + out + " holds runs on MNIST, not Fashion-MNIST; give each data set"
                + " its own --out", other.err().strip());
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
