package io.github.scratchnet.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * How a command shows progress on stderr: a progress bar when a person watches a terminal,
 * short lines when stderr goes to a file or a pipe (a bar there is a mess of carriage returns),
 * nothing with {@code --quiet}. Safe to call from several threads.
 */
abstract class Progress implements AutoCloseable {
    /** Shows nothing. */
    static final Progress NONE = new Progress() {
        @Override
        void status(String line, String brief) {}

        @Override
        void note(String text) {}

        @Override
        void stepTo(long n) {}

        @Override
        public void close() {}
    };

    /** The right kind for this process: quiet, a bar on a terminal, or lines. */
    static Progress create(boolean quiet, String task, long max, String unit) {
        if (quiet) return NONE;
        if (System.console() != null) return bar(System.err, task, max, unit, -1);
        return lines(System.err);
    }

    /** A bar of {@code max} units; {@code width} <= 0 asks the terminal for its width. */
    static Progress bar(PrintStream err, String task, long max, String unit, int width) {
        return new Bar(err, task, max, unit, width);
    }

    static Progress lines(PrintStream err) {
        return new Lines(err);
    }

    /** What is going on now: the bar's trailing message, or a line of its own. */
    void status(String text) {
        status(text, text);
    }

    /**
     * {@code line} as a line of its own, or {@code brief} after the bar, where a long message
     * would squeeze the bar itself to nothing.
     */
    abstract void status(String line, String brief);

    /** Something that must stay visible (a warning, a finished run): a line in both kinds. */
    abstract void note(String text);

    /** Moves the bar to {@code n} units done; lines show no position. */
    abstract void stepTo(long n);

    @Override
    public abstract void close();

    private static final class Lines extends Progress {
        private final PrintStream err;

        Lines(PrintStream err) {
            this.err = err;
        }

        @Override
        void status(String line, String brief) {
            if (!line.isEmpty()) err.println(line);
        }

        @Override
        void note(String text) {
            err.println(text);
        }

        @Override
        void stepTo(long n) {}

        @Override
        public void close() {
            err.flush();
        }
    }

    private static final class Bar extends Progress {
        private final PrintStream err;
        private final ProgressBar bar;
        private boolean closed;

        Bar(PrintStream err, String task, long max, String unit, int width) {
            this.err = err;
            ConsoleProgressBarConsumer consumer = width > 0 ? new ConsoleProgressBarConsumer(err, width)
                    : new ConsoleProgressBarConsumer(err);
            this.bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setUnit(" " + unit, 1)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(consumer).setUpdateIntervalMillis(250).build();
        }

        @Override
        void status(String line, String brief) {
            bar.setExtraMessage(brief.isEmpty() ? "" : " " + brief);
        }

        @Override
        synchronized void note(String text) {
            // Clear the bar's line first so the note does not end up glued to it; the bar redraws below.
            err.print("\r\033[K");
            err.println(text);
            bar.refresh();
        }

        @Override
        synchronized void stepTo(long n) {
            bar.stepTo(n);
        }

        @Override
        public synchronized void close() {
            if (closed) return;
            closed = true;
            bar.close();
        }
    }
}
