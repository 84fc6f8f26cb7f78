package io.leaklens.model;

import java.time.Instant;

/**
 * The memory of a target at one moment. Byte counts; {@code -1} where the target does not tell.
 *
 * @param time                  when it was read
 * @param heapUsed              bytes in use on the Java heap, garbage included
 * @param heapCommitted         bytes the heap has reserved from the OS
 * @param heapMax               the heap's limit ({@code -Xmx}), or -1
 * @param metaspaceUsed         bytes of class metadata
 * @param nonHeapUsed           all non-heap pools together (metaspace, code cache, ...)
 * @param directBufferUsed      bytes held by direct {@code ByteBuffer}s
 * @param mappedBufferUsed      bytes held by mapped buffers
 * @param threadCount           live threads
 * @param gcCount               collections since the target started, all collectors
 * @param gcTimeMillis          time spent collecting since the target started, all collectors
 * @param allocationRate        bytes allocated per second since the previous sample, or NaN when not yet known
 * @param processCpu            CPU the target used since the previous sample, in cores (1.0: one core busy), or NaN
 * @param monitoringCpu         of that, what its threads that serve monitoring tools used ({@link MonitoringThread}:
 *                              LeakLens's reads, histograms and JFR stream among them), in cores, or NaN
 */
public record HeapSample(Instant time, long heapUsed, long heapCommitted, long heapMax, long metaspaceUsed,
                         long nonHeapUsed, long directBufferUsed, long mappedBufferUsed, int threadCount,
                         long gcCount, long gcTimeMillis, double allocationRate, double processCpu,
                         double monitoringCpu) {

    /** A sample without CPU figures. */
    public HeapSample(Instant time, long heapUsed, long heapCommitted, long heapMax, long metaspaceUsed,
                      long nonHeapUsed, long directBufferUsed, long mappedBufferUsed, int threadCount,
                      long gcCount, long gcTimeMillis, double allocationRate) {
        this(time, heapUsed, heapCommitted, heapMax, metaspaceUsed, nonHeapUsed, directBufferUsed, mappedBufferUsed,
                threadCount, gcCount, gcTimeMillis, allocationRate, Double.NaN, Double.NaN);
    }

    /** The same sample with what direct buffers hold filled in, from another source than the sample's. */
    public HeapSample withDirectBufferUsed(long bytes) {
        return new HeapSample(time, heapUsed, heapCommitted, heapMax, metaspaceUsed, nonHeapUsed, bytes,
                mappedBufferUsed, threadCount, gcCount, gcTimeMillis, allocationRate, processCpu, monitoringCpu);
    }

    /** The same sample with the allocation rate filled in. */
    public HeapSample withAllocationRate(double bytesPerSecond) {
        return new HeapSample(time, heapUsed, heapCommitted, heapMax, metaspaceUsed, nonHeapUsed, directBufferUsed,
                mappedBufferUsed, threadCount, gcCount, gcTimeMillis, bytesPerSecond, processCpu, monitoringCpu);
    }
}
