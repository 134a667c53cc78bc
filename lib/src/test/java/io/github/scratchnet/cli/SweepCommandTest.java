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
import java.util.Collections;
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
        // A kill can land while a table is being rewritten: then its temporary file is left (never a
        // half-written table), and the resumed sweep removes it.
        for (String f : names(out)) {
            assertTrue(List.of("runs", "runs.csv", "checks.csv").contains(f) || f.matches("\\..+\\.[0-9a-f]+\\.tmp"), "stray " + f);
        }
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
        assertEquals(List.of("checks.csv", "runs", "runs.csv"), names(out).stream().sorted().toList(), "a temporary file left");
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
        List<String> rows = Files.readAllLines(out.resolve("runs.csv"));
        assertEquals(5, rows.size());
        assertTrue(rows.get(0).endsWith(",Protocol,Activation,Optimizer") && rows.stream().skip(1).allMatch(l -> l.endsWith(",sound,relu,sgd")), rows.toString());
        assertFalse(r.out().contains("by configuration"), "one seed: no per-configuration table");

        Cli.Result again = Cli.run("sweep", "--data-dir", DATA, "--max-train", "1000", "--max-epochs", "1",
                "--batch-sizes", "250,500", "--l2-values", "0,0.05", "--out", out.toString());
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("(4 reused, 0 computed)"), again.out());
        assertTrue(again.err().lines().allMatch(l -> l.startsWith("reused [")), again.err());
    }

    @Test
    void twoShardProcessesThenTheUnshardedCommandGiveTheTablesOfOneUnshardedSweep() throws Exception {
        List<String> sweep = List.of("sweep", "--data-dir", DATA, "--max-train", "1000", "--max-epochs", "1",
                "--eval-every", "1", "--batch-sizes", "250,500", "--l2-values", "0,0.05", "--seeds", "1,2",
                "--parallel", "1", "--quiet");
        Path sharded = tmp.resolve("sharded").resolve("sweep");
        Path single = tmp.resolve("single").resolve("sweep"); // the same folder name: the same Question label
        // the shards in two JVMs at once, writing to one folder, their options in different orders
        List<Process> shards = new ArrayList<>();
        for (int k = 1; k <= 2; k++) {
            shards.add(start(k == 1 ? sweep : reordered(sweep), "--shard", k + "/2", "--out", sharded.toString()));
        }
        List<List<String>> computed = new ArrayList<>();
        for (int k = 1; k <= 2; k++) {
            Process p = shards.get(k - 1);
            assertTrue(p.waitFor(180, TimeUnit.SECONDS), "shard " + k + " did not finish");
            String out = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.exitValue(), out);
            assertTrue(out.contains("(0 reused, 4 computed)") && out.contains("(shard " + k + "/2: 4 of the sweep's 8 runs)"), out);
            computed.add(out.lines().filter(l -> l.startsWith("bs")).map(l -> l.split(" ")[0]).toList());
        }
        assertEquals(4, computed.get(0).size());
        assertTrue(Collections.disjoint(computed.get(0), computed.get(1)), "each shard computed only its slice: " + computed);

        Cli.Result merged = Cli.run(with(sweep, "--out", sharded.toString()));
        assertEquals(0, merged.exit(), merged.err());
        assertTrue(merged.out().contains("sweep: 8 runs (8 reused, 0 computed)"), merged.out());
        Cli.Result once = Cli.run(with(sweep, "--out", single.toString()));
        assertEquals(0, once.exit(), once.err());
        List<String> all = once.out().lines().filter(l -> l.startsWith("bs")).map(l -> l.split(" ")[0]).sorted().toList();
        assertEquals(all, Stream.concat(computed.get(0).stream(), computed.get(1).stream()).sorted().toList());

        assertEquals(withoutColumn(single.resolve("runs.csv"), "Train Time in sec"),
                withoutColumn(sharded.resolve("runs.csv"), "Train Time in sec"));
        assertEquals(withoutColumn(single.resolve("checks.csv"), "Seconds"), withoutColumn(sharded.resolve("checks.csv"), "Seconds"));
        assertEquals(9, Files.readAllLines(sharded.resolve("runs.csv")).size());
    }

    /** The same options with the list options in another order. */
    private static List<String> reordered(List<String> sweep) {
        List<String> a = new ArrayList<>(sweep.subList(0, 9)); // sweep, data, max-train, max-epochs, eval-every
        a.addAll(List.of("--seeds", "2,1", "--l2-values", "0.05,0", "--batch-sizes", "500,250", "--quiet", "--parallel", "1"));
        return a;
    }

    private Process start(List<String> args, String... more) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dscratchnet.relaunch=false", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        command.addAll(List.of(more));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String[] with(List<String> args, String... more) {
        return Stream.concat(args.stream(), Stream.of(more)).toArray(String[]::new);
    }

    /** The CSV's text, bit for bit, with one column (a wall time) blanked. */
    private static List<String> withoutColumn(Path csv, String column) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        int i = List.of(lines.get(0).split(",", -1)).indexOf(column);
        assertTrue(i >= 0, column + " not in " + lines.get(0));
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            String[] cells = l.split(",", -1);
            cells[i] = "";
            out.add(String.join(",", cells));
        }
        return out;
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
        assertEquals("error: the sweep folder " + out + " holds runs on MNIST, not Fashion-MNIST; give each data set"
                + " its own output folder", other.err().strip());
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
