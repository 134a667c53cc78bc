package io.github.scratchnet;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** I/O errors in words for the person at the terminal: no Java class names, one line. */
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
        String m = e.getMessage();
        return m == null || m.isBlank() ? "input/output error" : m.replaceAll("\\s+", " ").trim();
    }
}
