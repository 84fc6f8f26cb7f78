package io.leaklens.heapdump;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;

/**
 * Big-endian reads from a dump through one 1 MB buffer, counting the byte offset for messages. Reads a file channel
 * (skips by moving its position) or any channel (a gzip stream: skips by reading). Never holds more than the buffer.
 */
final class HprofInput implements AutoCloseable {

    private static final int BUFFER_BYTES = 1 << 20;

    private final ReadableByteChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
    /** The file offset of the buffer's first byte. */
    private long bufferStart;
    private int idSize = 8;
    private long recordStart;

    HprofInput(ReadableByteChannel channel) {
        this.channel = channel;
        buffer.limit(0);
    }

    void idSize(int size) {
        this.idSize = size;
    }

    int idSize() {
        return idSize;
    }

    long offset() {
        return bufferStart + buffer.position();
    }

    /** Notes that a record starts here, for messages about where a dump ends or breaks. */
    void markRecord() {
        recordStart = offset();
    }

    long recordStart() {
        return recordStart;
    }

    /** Bytes left in the file, or -1 when unknown (a gzip stream). */
    long remaining() throws IOException {
        return channel instanceof FileChannel file ? file.size() - offset() : -1;
    }

    /** Whether the dump ends here (reads ahead when the buffer is empty). */
    boolean atEnd() throws IOException {
        return !buffer.hasRemaining() && !fill(1);
    }

    int u1() throws IOException {
        need(1);
        return buffer.get() & 0xFF;
    }

    int u2() throws IOException {
        need(2);
        return buffer.getShort() & 0xFFFF;
    }

    int u4AsInt() throws IOException {
        need(4);
        return buffer.getInt();
    }

    long u4() throws IOException {
        return u4AsInt() & 0xFFFF_FFFFL;
    }

    long u8() throws IOException {
        need(8);
        return buffer.getLong();
    }

    long id() throws IOException {
        return idSize == 8 ? u8() : u4();
    }

    void bytes(byte[] into, int length) throws IOException {
        int done = 0;
        while (done < length) {
            need(1);
            int n = Math.min(length - done, buffer.remaining());
            buffer.get(into, done, n);
            done += n;
        }
    }

    void skip(long count) throws IOException {
        if (channel instanceof FileChannel file && offset() + count > file.size()) {
            throw new EOFException();
        }
        long left = count;
        int inBuffer = (int) Math.min(left, buffer.remaining());
        buffer.position(buffer.position() + inBuffer);
        left -= inBuffer;
        if (left == 0) {
            return;
        }
        if (channel instanceof FileChannel file) {
            long target = offset() + left;
            file.position(target);
            bufferStart = target;
            buffer.clear().limit(0);
            return;
        }
        while (left > 0) {
            need(1);
            int n = (int) Math.min(left, buffer.remaining());
            buffer.position(buffer.position() + n);
            left -= n;
        }
    }

    private void need(int count) throws IOException {
        if (buffer.remaining() < count && !fill(count)) {
            throw new EOFException();
        }
    }

    /** Moves what is left to the front and reads until at least {@code count} bytes are there, or the end. */
    private boolean fill(int count) throws IOException {
        bufferStart += buffer.position();
        buffer.compact();
        while (buffer.position() < count) {
            if (channel.read(buffer) < 0) {
                buffer.flip();
                return false;
            }
        }
        buffer.flip();
        return true;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
