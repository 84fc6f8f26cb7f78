package com.acme.net.frames;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

/**
 * A binary protocol gateway that assembles 64 KB frames in direct buffers (to hand them to a socket without a
 * copy) and keeps each sent frame "until the peer acknowledges it" for retransmission. The acknowledgement path
 * was never wired up: ~6 direct buffers/s (~384 KB/s of native memory) stay referenced from a static list.
 */
public class FrameAssembler {

    static final List<ByteBuffer> UNACKED = new ArrayList<>();
    private static final int FRAME_SIZE = 64 * 1024;
    private static long sequence;

    static ByteBuffer assemble(byte[][] messages) {
        ByteBuffer frame = ByteBuffer.allocateDirect(FRAME_SIZE).order(ByteOrder.BIG_ENDIAN);
        frame.putLong(++sequence);
        frame.putInt(messages.length);
        CRC32 crc = new CRC32();
        for (byte[] m : messages) {
            if (frame.remaining() < m.length + 8) {
                break;
            }
            frame.putInt(m.length);
            frame.put(m);
            crc.update(m);
        }
        frame.putInt((int) crc.getValue());
        frame.flip();
        byte[] staging = new byte[frame.remaining()]; // a heap copy for the wire log
        frame.duplicate().get(staging);
        return frame;
    }

    static void send(ByteBuffer frame) {
        synchronized (UNACKED) {
            UNACKED.add(frame);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Thread eofWatcher = new Thread(() -> {
            try {
                System.in.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException ignored) {
            }
            System.exit(0);
        });
        eofWatcher.setDaemon(true);
        eofWatcher.start();

        long deadline = System.currentTimeMillis() + 10 * 60_000;
        System.out.println("ready");
        while (System.currentTimeMillis() < deadline) {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            for (int f = 0; f < 3; f++) {
                byte[][] messages = new byte[40][];
                for (int i = 0; i < messages.length; i++) {
                    messages[i] = new byte[200 + r.nextInt(1200)]; // heap garbage: decoded upstream messages
                    r.nextBytes(messages[i]);
                }
                send(assemble(messages));
            }
            Thread.sleep(500);
        }
        System.exit(0);
    }
}
