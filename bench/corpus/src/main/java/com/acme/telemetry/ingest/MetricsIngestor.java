package com.acme.telemetry.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A metrics ingester that parses text lines ("name{tags} value timestamp") at a high rate and aggregates them per
 * second: lots of short-lived strings, arrays and maps (well over 50 MB/s of garbage). About 1 line in 2,000 is
 * malformed; each rejected line is recorded as an IngestError in a static list meant for a dashboard that was
 * never built, so the list only grows: ~40 errors/s of ~250 bytes, a slow leak of ~10 KB/s.
 */
public final class MetricsIngestor {

    public record IngestError(long timestamp, String metric, String reason, String rawLine) { }

    static final List<IngestError> RECENT_ERRORS = new ArrayList<>();

    private final Map<String, double[]> perSecond = new HashMap<>();

    void ingest(String line) {
        int brace = line.indexOf('{');
        int close = line.indexOf('}');
        String[] rest = line.substring(close + 1).trim().split(" ");
        if (brace < 0 || close < brace || rest.length != 2) {
            reject(line, "malformed");
            return;
        }
        String name = line.substring(0, brace);
        Map<String, String> tags = new HashMap<>();
        for (String kv : line.substring(brace + 1, close).split(",")) {
            String[] p = kv.split("=");
            tags.put(p[0], p.length > 1 ? p[1] : "");
        }
        double value;
        try {
            value = Double.parseDouble(rest[0]);
        } catch (NumberFormatException e) {
            reject(line, "bad value");
            return;
        }
        String key = name + tags.getOrDefault("service", "?") + tags.getOrDefault("region", "?");
        double[] agg = perSecond.computeIfAbsent(key, k -> new double[3]);
        agg[0] += value;
        agg[1]++;
        agg[2] = Math.max(agg[2], value);
    }

    private static void reject(String line, String reason) {
        int brace = line.indexOf('{');
        RECENT_ERRORS.add(new IngestError(System.currentTimeMillis(),
                brace > 0 ? line.substring(0, brace) : "?", reason, line));
    }

    void flush() {
        perSecond.clear();
    }

    static String line(ThreadLocalRandom r) {
        String tags = "service=svc-" + r.nextInt(40) + ",region=eu-" + r.nextInt(4) + ",host=h" + r.nextInt(2000)
                + ",path=/api/v1/items/" + r.nextInt(100_000);
        String value = r.nextInt(2_000) == 0 ? "NaN?" : Double.toString(r.nextDouble() * 1000);
        return "http_request_seconds{" + tags + "} " + value + " " + System.currentTimeMillis();
    }

    public static void main(String[] args) throws InterruptedException {
        Thread stdin = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // ignore
                }
            } catch (IOException ignored) {
                // closed
            }
            System.exit(0);
        }, "stdin-watch");
        stdin.setDaemon(true);
        stdin.start();

        MetricsIngestor ingestor = new MetricsIngestor();
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        System.out.println("ready");
        while (System.nanoTime() < end) {
            long second = System.nanoTime();
            ThreadLocalRandom r = ThreadLocalRandom.current();
            for (int batch = 0; batch < 10; batch++) {
                for (int i = 0; i < 8_000; i++) {
                    ingestor.ingest(line(r));
                }
                Thread.sleep(40);
            }
            ingestor.flush();
            long left = 1000 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - second);
            if (left > 0) {
                Thread.sleep(left);
            }
        }
        System.exit(0);
    }
}
