package io.github.scratchnet.experiment;

import io.github.scratchnet.IoErrors;
import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.data.Npz;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import tech.tablesaw.api.Table;

/**
 * A freshly trained sweep folder against the {@link CommittedStore}'s tables of the same label:
 * for the runs both hold, every cell of {@code runs.csv} and {@code checks.csv} compared bit for bit
 * (doubles as {@link Double#equals}), the training times aside, and the arrays of the committed
 * model files against the new ones'. What {@code make reproduce} prints at its end.
 *
 * @param label the sweep's label (its folder name under both roots)
 * @param committed runs in the store
 * @param retrained runs in the new sweep
 * @param compared runs in both
 * @param differing ids of the runs in both whose rows or checks differ, with the first column that does
 * @param onlyCommitted ids in the store the new sweep did not train
 * @param onlyRetrained ids of the new sweep the store does not hold
 * @param models committed model files compared
 * @param differingModels ids whose committed model file differs from the new one (or has none beside it)
 */
public record StoreComparison(String label, int committed, int retrained, int compared, List<String> differing,
        Set<String> onlyCommitted, Set<String> onlyRetrained, int models, List<String> differingModels) {

    /** Columns that hold times, which depend on the machine and its load, not on the computation. */
    static final Set<String> TIMES = Set.of(ResultsStore.TIME, ResultsStore.SECONDS);

    /** True when every run and model both hold is the same, whatever either holds alone. */
    public boolean equal() {
        return differing.isEmpty() && differingModels.isEmpty();
    }

    /** Compares {@code sweepDir} (a sweep's output folder) with the store's tables of {@code label}. */
    public static StoreComparison of(CommittedStore store, String label, Path sweepDir) {
        Path dir = store.root().resolve(label);
        Table fresh = ResultsStore.read(sweepDir.resolve(ResultsStore.RUNS_CSV));
        Table old = ResultsStore.upgrade(ResultsStore.read(dir.resolve(CommittedStore.RUNS)), fresh);
        Map<String, List<Object>> oldRows = rows(old, ResultsStore.RUN_ID);
        Map<String, List<Object>> newRows = rows(fresh, ResultsStore.RUN_ID);
        Map<String, List<List<Object>>> oldChecks = grouped(ResultsStore.read(dir.resolve(CommittedStore.CHECKS)));
        Map<String, List<List<Object>>> newChecks = grouped(ResultsStore.read(sweepDir.resolve(ResultsStore.CHECKS_CSV)));
        List<String> oldColumns = old.columnNames();
        Set<String> both = new TreeSet<>(oldRows.keySet());
        both.retainAll(newRows.keySet());
        List<String> differing = new ArrayList<>();
        for (String id : both) {
            String column = firstDifference(oldColumns, oldRows.get(id), fresh.columnNames(), newRows.get(id));
            if (column == null && !sameChecks(oldChecks.get(id), newChecks.get(id))) column = "its checks";
            if (column != null) differing.add(id + " (" + column + ")");
        }
        Set<String> onlyOld = new TreeSet<>(oldRows.keySet());
        onlyOld.removeAll(newRows.keySet());
        Set<String> onlyNew = new TreeSet<>(newRows.keySet());
        onlyNew.removeAll(oldRows.keySet());
        List<String> differingModels = new ArrayList<>();
        int models = 0;
        Path modelDir = dir.resolve(CommittedStore.MODELS);
        if (Files.isDirectory(modelDir)) {
            try (var files = Files.list(modelDir)) {
                for (Path committed : files.sorted().toList()) {
                    models++;
                    Path retrained = sweepDir.resolve(Sweep.RUNS).resolve(committed.getFileName());
                    if (!Files.isRegularFile(retrained) || !sameArrays(Npz.read(committed), Npz.read(retrained))) {
                        differingModels.add(committed.getFileName().toString());
                    }
                }
            } catch (IOException e) {
                throw new ScratchnetException("cannot compare the model files in " + modelDir + " ("
                        + IoErrors.describe(e) + ")", e);
            }
        }
        return new StoreComparison(label, oldRows.size(), newRows.size(), both.size(), differing, onlyOld, onlyNew,
                models, differingModels);
    }

    /** One line for a person: the outcome first, then the counts, then what differs. */
    public String describe() {
        StringBuilder sb = new StringBuilder(label).append(": ");
        sb.append(equal() ? "same" : "DIFFERENT").append(" — ").append(compared).append(" runs in both compared bit for bit")
                .append(" (times aside)");
        if (!differing.isEmpty()) sb.append(", ").append(differing.size()).append(" differ: ").append(first(differing));
        sb.append("; ").append(models).append(" model files compared");
        if (!differingModels.isEmpty()) sb.append(", ").append(differingModels.size()).append(" differ: ").append(first(differingModels));
        if (!onlyCommitted.isEmpty()) sb.append("; ").append(onlyCommitted.size()).append(" runs only in the committed store");
        if (!onlyRetrained.isEmpty()) sb.append("; ").append(onlyRetrained.size()).append(" runs only in the new one");
        return sb.toString();
    }

    /**
     * Every array of the committed model file is in the new one, equal bit for bit; the new file may
     * hold more (entries a later version adds, such as the optimiser's state).
     */
    static boolean sameArrays(Npz committed, Npz retrained) {
        for (String name : committed.names()) {
            if (!retrained.contains(name)) return false;
            boolean text = isText(committed, name);
            if (text != isText(retrained, name)) return false;
            boolean same = text ? committed.string(name).equals(retrained.string(name))
                    : Arrays.equals(committed.matrix(name).data, retrained.matrix(name).data);
            if (!same) return false;
        }
        return true;
    }

    private static boolean isText(Npz npz, String name) {
        try {
            npz.string(name);
            return true;
        } catch (ScratchnetException e) {
            return false;
        }
    }

    private static String first(List<String> ids) {
        return String.join(", ", ids.subList(0, Math.min(3, ids.size()))) + (ids.size() > 3 ? ", …" : "");
    }

    private static Map<String, List<Object>> rows(Table t, String key) {
        Map<String, List<Object>> out = new HashMap<>();
        for (int i = 0; i < t.rowCount(); i++) out.put(t.stringColumn(key).get(i), row(t, i));
        return out;
    }

    private static Map<String, List<List<Object>>> grouped(Table checks) {
        Map<String, List<List<Object>>> out = new HashMap<>();
        for (int i = 0; i < checks.rowCount(); i++) {
            out.computeIfAbsent(checks.stringColumn(ResultsStore.RUN_ID).get(i), k -> new ArrayList<>()).add(row(checks, i));
        }
        return out;
    }

    // A row's cells, times left out (as null) so that they never count as a difference.
    private static List<Object> row(Table t, int i) {
        List<Object> cells = new ArrayList<>();
        for (String c : t.columnNames()) cells.add(TIMES.contains(c) ? null : t.column(c).get(i));
        return cells;
    }

    private static String firstDifference(List<String> oldColumns, List<Object> a, List<String> newColumns, List<Object> b) {
        Set<String> columns = new LinkedHashSet<>(newColumns);
        columns.addAll(oldColumns);
        for (String c : columns) {
            int i = oldColumns.indexOf(c);
            int j = newColumns.indexOf(c);
            if (i < 0 || j < 0 || !Objects.equals(a.get(i), b.get(j))) return c;
        }
        return null;
    }

    private static boolean sameChecks(List<List<Object>> a, List<List<Object>> b) {
        return Objects.equals(a == null ? List.of() : a, b == null ? List.of() : b);
    }
}
