package com.acme.gateway.ctx;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * An API gateway whose audit filter collects the entries of "the current request" in a ThreadLocal list. The
 * worker threads belong to a fixed pool and live forever; the filter never calls remove() or clear(), so each
 * worker's list keeps every entry it ever saw: ~400 entries/s of ~400 bytes over 4 threads.
 */
public final class RequestAuditor {

    public record AuditEntry(String requestId, String method, String path, int status, long nanos,
                             Map<String, String> headers) { }

    private static final ThreadLocal<List<AuditEntry>> CURRENT = ThreadLocal.withInitial(ArrayList::new);

    private RequestAuditor() {
    }

    static void audit(AuditEntry entry) {
        CURRENT.get().add(entry);
    }

    static int handle(String method, String path) {
        long start = System.nanoTime();
        ThreadLocalRandom r = ThreadLocalRandom.current();
        // pretend to proxy: build the upstream request and parse a response (garbage)
        String upstream = method + " " + path + " HTTP/1.1\r\nHost: backend\r\nX-Trace: " + r.nextLong() + "\r\n\r\n";
        String[] lines = (upstream + "HTTP/1.1 200 OK\r\nContent-Length: 512\r\n" + "x".repeat(512)).split("\r\n");
        int status = lines.length > 4 && r.nextInt(50) != 0 ? 200 : 502;
        audit(new AuditEntry(UUID.randomUUID().toString(), method, path, status, System.nanoTime() - start,
                Map.of("user-agent", "curl/8." + r.nextInt(10), "x-forwarded-for", "127.0.0." + r.nextInt(255))));
        return status;
    }

    public static void main(String[] args) throws InterruptedException {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // nothing to do with input
                }
            } catch (IOException ignored) {
                // closed
            }
            System.exit(0);
        });
        watcher.setDaemon(true);
        watcher.start();

        ExecutorService workers = Executors.newFixedThreadPool(4);
        String[] paths = {"/api/orders", "/api/orders/{id}", "/api/customers", "/api/search", "/health"};
        long end = System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(10);
        System.out.println("ready");
        while (System.currentTimeMillis() < end) {
            for (int i = 0; i < 40; i++) {
                String path = paths[ThreadLocalRandom.current().nextInt(paths.length)]
                        .replace("{id}", Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000)));
                String method = i % 3 == 0 ? "POST" : "GET";
                workers.execute(() -> handle(method, path));
            }
            Thread.sleep(100);
        }
        System.exit(0);
    }
}
