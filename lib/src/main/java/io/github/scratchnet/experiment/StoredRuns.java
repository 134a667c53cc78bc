package io.github.scratchnet.experiment;

import io.github.scratchnet.IoErrors;
import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.data.DataSetKind;
import io.github.scratchnet.nn.ModelFile;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The finished runs in a sweep's {@code runs/} folder, read from their run files: what lets a
 * sweep's tables list every run on disk, including those of other shards writing to the same
 * folder and of earlier sweeps with other options. A run counts once its {@code <id>.json} is
 * there, valid, with its model file beside it (the model is written first, both atomically).
 */
final class StoredRuns {
    private final Path runsDir;
    // Run files do not change once written; re-read one only when its time changes (a run redone).
    private final Map<String, Cached> cache = new HashMap<>();

    private record Cached(FileTime time, SweepRun run) {}

    StoredRuns(Path runsDir) {
        this.runsDir = runsDir;
    }

    /** The finished run {@code id}, reused as it is on disk. */
    static SweepRun load(Path runsDir, String id) throws RunFile.Invalid {
        Path json = runsDir.resolve(id + ".json");
        Path npz = runsDir.resolve(id + ".npz");
        RunFile.Stored s = RunFile.read(json);
        if (!Files.isRegularFile(npz)) throw new RunFile.Invalid("its model file " + npz.getFileName() + " is missing");
        return new SweepRun(s.config(), s.summary(), s.history(), true, json, npz, null);
    }

    /**
     * Run ids do not name the data set, so a folder of runs on one data set must not be resumed
     * with the other: its finished runs would be taken for runs on this one. The model file of
     * any run says which data set the folder holds.
     */
    static void requireDataSet(Path runsDir, DataSetKind dataSet, Path sweepDir) {
        Path model;
        try (var files = Files.list(runsDir)) {
            model = files.filter(f -> f.getFileName().toString().endsWith(".npz")).findFirst().orElse(null);
        } catch (IOException e) {
            throw new ScratchnetException("cannot list " + runsDir + " (" + IoErrors.describe(e)
                    + "); choose another output folder", e);
        }
        if (model == null) return;
        DataSetKind there = ModelFile.dataSet(model);
        if (there != dataSet) {
            throw new ScratchnetException("the sweep folder " + sweepDir + " holds runs on " + there.displayName()
                    + ", not " + dataSet.displayName() + "; give each data set its own output folder");
        }
    }

    /**
     * Every valid finished run on disk whose id is not in {@code except}, sorted by id. Files that
     * cannot be used (damaged, a run being redone) are left out here; the sweep that owns them says so.
     */
    synchronized List<SweepRun> others(Set<String> except) {
        Map<String, SweepRun> found = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(runsDir, "*.json")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                String id = name.substring(0, name.length() - ".json".length());
                if (name.startsWith(".") || except.contains(id)) continue;
                SweepRun run = read(id, f);
                if (run != null) found.put(id, run);
            }
        } catch (IOException e) {
            throw new ScratchnetException("cannot list the run files in " + runsDir + " (" + IoErrors.describe(e) + ")", e);
        }
        return new ArrayList<>(found.values());
    }

    private SweepRun read(String id, Path json) {
        FileTime time;
        try {
            time = Files.getLastModifiedTime(json);
        } catch (IOException e) {
            return null; // gone since the listing: a run being redone
        }
        Cached c = cache.get(id);
        if (c != null && c.time().equals(time)) return c.run();
        try {
            SweepRun run = load(runsDir, id);
            cache.put(id, new Cached(time, run));
            return run;
        } catch (RunFile.Invalid e) {
            return null;
        }
    }
}
