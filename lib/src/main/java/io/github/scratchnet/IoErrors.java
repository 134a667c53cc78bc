package io.github.scratchnet;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;

/**
 * Errors in words for the person at the terminal: one line, no Java class names. The one place
 * that turns an {@link IOException} (or a parser's or HTTP client's exception) into the text that
 * goes between the parentheses of a {@link ScratchnetException} message.
 */
public final class IoErrors {
    private IoErrors() {}

    /** What went wrong, e.g. "permission denied on /x" or "part of /a/b is a file, not a folder". */
    public static String describe(IOException e) {
        if (e instanceof FileAlreadyExistsException f) return f.getFile() + " exists and is not a folder";
        if (e instanceof NoSuchFileException f) return f.getFile() + " does not exist";
        if (e instanceof AccessDeniedException f) return "permission denied on " + f.getFile();
        if (e instanceof FileSystemException f && "Not a directory".equals(f.getReason())) {
            return "part of " + f.getFile() + " is a file, not a folder";
        }
        if (e instanceof EOFException && e.getMessage() == null) return "the file ends too early";
        return message(e);
    }

    /**
     * An exception and its causes on one line, e.g. "connect timed out: Connection refused": an
     * HTTP client's own message is often empty and the reason sits in a cause.
     */
    public static String describeWithCauses(Throwable e) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = e; t != null && parts.size() < 4; t = t.getCause() == t ? null : t.getCause()) {
            String part = t instanceof IOException io ? describe(io) : message(t);
            if (!parts.contains(part)) parts.add(part);
        }
        return String.join(": ", parts);
    }

    /**
     * The exception's own message without Java class names and troubleshooting links (Gson adds
     * both), or the class's simple name when there is no message at all.
     */
    public static String message(Throwable e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        int see = m.indexOf("See https://");
        if (see >= 0) m = m.substring(0, see);
        m = oneLine(m.replaceAll("([a-z]\\w*\\.)+\\w*(Exception|Error): ", ""));
        if (!m.isEmpty()) return m;
        return e instanceof IOException ? "input/output error" : e.getClass().getSimpleName();
    }

    /** {@code s} with every run of white space, line breaks included, as one space; "" for null. */
    public static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }
}
