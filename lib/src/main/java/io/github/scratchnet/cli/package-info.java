/**
 * The command line ({@code java -jar scratchnet.jar train|sweep|evaluate|bench}). A user error ends
 * with one line on stderr and a non-zero exit code, never a stack trace.
 */
package io.github.scratchnet.cli;
