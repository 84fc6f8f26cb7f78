package com.acme.media.thumbs;

import java.io.IOException;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.SoftReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Control: an image service that keeps rendered thumbnails (48 KB each) behind SoftReferences, ~30 new ones a
 * second. The heap is small (run with -Xmx96m), so the cache grows until the collector clears the soft
 * references it no longer can afford; cleared entries are purged through a ReferenceQueue. Memory use rises and
 * falls but nothing leaks.
 */
public class ThumbnailCache {

    private static final class Entry extends SoftReference<byte[]> {
        final String key;

        Entry(String key, byte[] pixels, ReferenceQueue<byte[]> queue) {
            super(pixels, queue);
            this.key = key;
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final ReferenceQueue<byte[]> cleared = new ReferenceQueue<>();
    private long renders;

    byte[] thumbnail(String imageId, int size) {
        purge();
        String key = imageId + "@" + size;
        Entry entry = entries.get(key);
        byte[] pixels = entry == null ? null : entry.get();
        if (pixels == null) {
            pixels = render(imageId, size);
            entries.put(key, new Entry(key, pixels, cleared));
        }
        return pixels;
    }

    private void purge() {
        for (Reference<? extends byte[]> ref; (ref = cleared.poll()) != null; ) {
            Entry e = (Entry) ref;
            entries.remove(e.key, e);
        }
    }

    private byte[] render(String imageId, int size) {
        renders++;
        byte[] pixels = new byte[48 * 1024];
        int seed = imageId.hashCode() * 31 + size;
        for (int i = 0; i < pixels.length; i += 64) {
            pixels[i] = (byte) (seed ^ i);
        }
        return pixels;
    }

    public static void main(String[] args) throws InterruptedException {
        Thread stdin = new Thread(() -> {
            try {
                System.in.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException ignored) {
            }
            System.exit(0);
        }, "stdin-watch");
        stdin.setDaemon(true);
        stdin.start();

        ThumbnailCache cache = new ThumbnailCache();
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        int nextImage = 0;
        long bytes = 0;
        System.out.println("ready");
        while (System.nanoTime() < end) {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            for (int i = 0; i < 10; i++) {
                // a third of the requests are for recent images, the rest for new uploads
                String id = r.nextInt(3) == 0 && nextImage > 100 ? "img-" + (nextImage - r.nextInt(100))
                        : "img-" + (++nextImage);
                byte[] pixels = cache.thumbnail(id, 256);
                byte[] encoded = new byte[pixels.length / 3]; // pretend JPEG, written out and dropped
                System.arraycopy(pixels, 0, encoded, 0, encoded.length);
                bytes += encoded.length;
            }
            Thread.sleep(230);
        }
        System.out.println(bytes + " bytes, " + cache.renders + " renders");
        System.exit(0);
    }
}
