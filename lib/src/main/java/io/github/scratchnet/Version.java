package io.github.scratchnet;

/** The library's version, written into run files so a result names the code that produced it. */
public final class Version {
    public static final String VERSION = "0.1.0";

    private Version() {}
}
