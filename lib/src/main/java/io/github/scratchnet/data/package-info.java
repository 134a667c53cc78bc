/**
 * The data a network trains on: MNIST and Fashion-MNIST, each described by a
 * {@link io.github.scratchnet.data.DataSetKind} (files, checksums, sources, class names).
 *
 * <p>Conventions:
 *
 * <ul>
 *   <li>A {@link io.github.scratchnet.data.Dataset} holds one sample per row in compressed sparse
 *       rows, because MNIST images are about 80% background (Fashion-MNIST's 50%) and the first
 *       layer can skip zeros.
 *   <li>Pixels are unsigned bytes scaled to [0, 1] by dividing by 255; nothing else (no mean
 *       subtraction), so a pixel's meaning does not depend on the data set it came from.
 *   <li>{@link io.github.scratchnet.data.DataSetKind#load} (and, for MNIST,
 *       {@link io.github.scratchnet.data.Mnist#load}) shuffles the 60000 training images with the
 *       given seed and cuts them into 48000 for training and 12000 for validation; the 10000 test
 *       images are kept apart for the final score.
 *   <li>Files are IDX (big-endian header: magic 2051 for images with count, rows, columns; 2049 for
 *       labels with count; then unsigned bytes), plain or gzip-compressed; see
 *       {@link io.github.scratchnet.data.Idx}. {@link io.github.scratchnet.data.DataFiles} fetches
 *       them and checks their SHA-256.
 *   <li>Every problem with a file is a {@link io.github.scratchnet.ScratchnetException} whose one
 *       line names the file, what is wrong with it and how to fix it.
 * </ul>
 */
package io.github.scratchnet.data;
