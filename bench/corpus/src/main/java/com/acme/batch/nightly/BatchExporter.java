package com.acme.batch.nightly;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Control: an exporter that, every 15 seconds, loads a batch of 300,000 rows (~100 MB) into memory, writes them
 * as CSV to a sink, and lets the batch go. Between batches it serves small status requests. Spiky, not leaking.
 */
public class BatchExporter {

    record Row(long id, String customer, LocalDate date, double amount, String currency, String memo) { }

    private final Random random = new Random(8);
    private long exported;

    List<Row> loadBatch(int rows) {
        List<Row> batch = new ArrayList<>(rows);
        LocalDate day = LocalDate.of(2024, 1, 1);
        for (int i = 0; i < rows; i++) {
            batch.add(new Row(exported + i, "customer-" + random.nextInt(1_000_000), day.plusDays(i % 365),
                    random.nextDouble() * 1000, i % 3 == 0 ? "EUR" : "USD",
                    "invoice " + Long.toHexString(random.nextLong()) + " for services rendered in period " + (i % 12)
                            + ", net 30 days, reference " + Long.toString(random.nextLong() & Long.MAX_VALUE, 36)));
        }
        return batch;
    }

    void export(OutputStream sink) throws IOException {
        List<Row> batch = loadBatch(300_000);
        StringBuilder line = new StringBuilder(256);
        for (Row row : batch) {
            line.setLength(0);
            line.append(row.id()).append(',').append(row.customer()).append(',').append(row.date()).append(',')
                    .append(String.format("%.2f", row.amount())).append(',').append(row.currency()).append(",\"")
                    .append(row.memo()).append("\"\n");
            sink.write(line.toString().getBytes(StandardCharsets.UTF_8));
        }
        exported += batch.size();
    }

    public static void main(String[] args) throws Exception {
        Thread stdinWatch = new Thread(() -> {
            try {
                while (System.in.read() != -1) { }
            } catch (IOException ignored) { }
            System.exit(0);
        }, "stdin-watch");
        stdinWatch.setDaemon(true);
        stdinWatch.start();

        BatchExporter exporter = new BatchExporter();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        scheduler.scheduleAtFixedRate(() -> {
            try {
                exporter.export(OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }, 5, 15, TimeUnit.SECONDS);
        scheduler.schedule(() -> System.exit(0), 10, TimeUnit.MINUTES);
        System.out.println("ready");
        Random random = new Random(9);
        long status = 0;
        while (true) {
            for (int i = 0; i < 20; i++) {
                status += ("{\"exported\":" + exporter.exported + ",\"queue\":" + random.nextInt(10) + "}").length();
            }
            Thread.sleep(100);
        }
    }
}
