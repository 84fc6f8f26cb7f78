package com.acme.dns;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Control: a DNS resolver cache, an access-ordered LinkedHashMap bounded by removeEldestEntry at 18,000 entries.
 * New host names arrive at ~100/s (each entry ~1 KB), so the cache is still filling after a minute and reaches its
 * bound only after about three minutes; from then on it evicts as fast as it adds.
 */
public class ResolverCache {

    static final int MAX_ENTRIES = 18_000;

    record Resolution(String host, List<byte[]> addresses, List<String> txt, long expiresAt) { }

    private final Map<String, Resolution> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Resolution> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    private final Random random = new Random(53);
    long misses;

    synchronized Resolution resolve(String host) {
        Resolution r = cache.get(host);
        if (r == null) {
            misses++;
            r = query(host);
            cache.put(host, r);
        }
        return r;
    }

    private Resolution query(String host) {
        List<byte[]> addresses = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(4); i++) {
            addresses.add(new byte[] {127, 0, 0, (byte) random.nextInt(256)});
        }
        List<String> txt = new ArrayList<>();
        txt.add("v=spf1 include:_spf." + host + " ~all");
        txt.add("site-verification=" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36).repeat(8));
        txt.add("policy=" + "p".repeat(300 + random.nextInt(200)));
        return new Resolution(host, addresses, txt, System.currentTimeMillis() + 300_000);
    }

    int size() {
        return cache.size();
    }

    public static void main(String[] args) throws InterruptedException {
        Thread eof = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    Thread.onSpinWait();
                }
            } catch (IOException ignored) {
            }
            System.exit(0);
        }, "stdin-eof");
        eof.setDaemon(true);
        eof.start();

        ResolverCache resolver = new ResolverCache();
        Random traffic = new Random(54);
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        int newHosts = 0;
        long bytes = 0;
        System.out.println("ready");
        while (System.nanoTime() < end) {
            for (int i = 0; i < 40; i++) {
                String host;
                if (i < 10) {
                    host = "host-" + (newHosts++) + ".example.net"; // 10 new names per tick: ~100/s
                } else {
                    host = "host-" + traffic.nextInt(Math.max(1, newHosts)) + ".example.net";
                }
                Resolution res = resolver.resolve(host);
                String answer = res.host() + " A " + res.addresses().size() + " TXT " + res.txt();
                bytes += answer.length();
            }
            Thread.sleep(100);
        }
        System.out.println(resolver.size() + " entries, " + resolver.misses + " misses, " + bytes);
        System.exit(0);
    }
}
