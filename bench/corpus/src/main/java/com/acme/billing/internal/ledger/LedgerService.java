package com.acme.billing.internal.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A ledger service that posts payments. Each request parks a {@link LedgerEntry} in a static map keyed by its
 * request id while it is posted; the success path removes it, but a declined payment returns early and the entry
 * stays forever. About one request in eight is declined: ~100 entries/s of ~1 KB.
 */
public final class LedgerService {

    /** Requests in flight, by request id. */
    static final Map<String, LedgerEntry> IN_FLIGHT = new ConcurrentHashMap<>();

    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "ledger-worker");
        t.setDaemon(true);
        return t;
    });

    boolean post(String requestId, String account, BigDecimal amount) {
        LedgerEntry entry = new LedgerEntry(requestId, account, amount);
        IN_FLIGHT.put(requestId, entry);
        entry.audit("received " + amount + " for " + account);
        if (!authorize(entry)) {
            entry.audit("declined");
            return false; // the entry is never removed from IN_FLIGHT
        }
        entry.audit("posted");
        IN_FLIGHT.remove(requestId);
        return true;
    }

    private static boolean authorize(LedgerEntry entry) {
        // garbage: a fake signature over a serialised form of the entry
        byte[] form = (entry.requestId + '|' + entry.account + '|' + entry.amount.toPlainString())
                .repeat(8).getBytes(StandardCharsets.UTF_8);
        int hash = 0;
        for (byte b : form) {
            hash = 31 * hash + b;
        }
        return ThreadLocalRandom.current().nextInt(8) != 0 || hash == 42;
    }

    void serve(int requestsPerSecond, long untilMillis) throws InterruptedException {
        while (System.currentTimeMillis() < untilMillis) {
            long start = System.nanoTime();
            for (int i = 0; i < requestsPerSecond / 10; i++) {
                String id = UUID.randomUUID().toString();
                String account = "ACC-" + ThreadLocalRandom.current().nextInt(100_000);
                BigDecimal amount = BigDecimal.valueOf(ThreadLocalRandom.current().nextLong(1, 1_000_000), 2)
                        .setScale(2, RoundingMode.HALF_EVEN);
                workers.execute(() -> post(id, account, amount));
            }
            long spent = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            Thread.sleep(Math.max(1, 100 - spent));
        }
    }

    public static void main(String[] args) throws Exception {
        Thread watcher = new Thread(LedgerService::exitWhenStdinCloses, "stdin-eof");
        watcher.setDaemon(true);
        watcher.start();

        LedgerService service = new LedgerService();
        System.out.println("ready");
        service.serve(800, System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(10));
        System.exit(0);
    }

    private static void exitWhenStdinCloses() {
        try {
            byte[] buffer = new byte[256];
            while (System.in.read(buffer) >= 0) {
                // ignore whatever is typed
            }
        } catch (java.io.IOException e) {
            // treat as closed
        }
        System.exit(0);
    }
}

/** One payment being posted, with its audit trail. */
final class LedgerEntry {
    final String requestId;
    final String account;
    final BigDecimal amount;
    final long createdNanos = System.nanoTime();
    final StringBuilder auditTrail = new StringBuilder(256);
    final byte[] idempotencyKey = new byte[512];

    LedgerEntry(String requestId, String account, BigDecimal amount) {
        this.requestId = requestId;
        this.account = account;
        this.amount = amount;
        ThreadLocalRandom.current().nextBytes(idempotencyKey);
    }

    void audit(String line) {
        auditTrail.append(System.nanoTime() - createdNanos).append("ns ").append(line).append('\n');
    }
}
