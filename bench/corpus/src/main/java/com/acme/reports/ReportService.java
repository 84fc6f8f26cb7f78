package com.acme.reports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reporting endpoint that fans each report out over "its own" thread pool: every request builds
 * Executors.newFixedThreadPool(3), runs three section queries on it, and returns without shutdown(). The idle
 * workers wait on their queues forever: 2 requests/s leave 6 new threads/s behind.
 */
public class ReportService {

    private static final AtomicInteger REPORTS = new AtomicInteger();

    record Section(String title, double[] values) {
        double total() {
            double t = 0;
            for (double v : values) {
                t += v;
            }
            return t;
        }
    }

    String buildReport(String customer) throws Exception {
        int reportNo = REPORTS.incrementAndGet();
        AtomicInteger worker = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(3,
                r -> new Thread(r, "report-" + reportNo + "-worker-" + worker.incrementAndGet()));
        List<Callable<Section>> queries = new ArrayList<>();
        for (String title : List.of("revenue", "refunds", "shipping")) {
            queries.add(() -> query(customer, title));
        }
        StringBuilder out = new StringBuilder("Report for ").append(customer).append('\n');
        for (Future<Section> f : pool.invokeAll(queries)) {
            Section s = f.get();
            out.append(s.title()).append(": ").append(String.format("%.2f", s.total())).append('\n');
        }
        return out.toString(); // the pool is never shut down
    }

    private static Section query(String customer, String title) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        double[] rows = new double[20_000 + r.nextInt(20_000)];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = r.nextDouble() * (customer.length() + title.length());
        }
        return new Section(title, rows);
    }

    public static void main(String[] args) throws Exception {
        Thread eof = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    Thread.onSpinWait();
                }
            } catch (IOException ignored) {
            }
            System.exit(0);
        }, "eof");
        eof.setDaemon(true);
        eof.start();

        ReportService service = new ReportService();
        long stopAt = System.currentTimeMillis() + 10 * 60 * 1000L;
        System.out.println("ready");
        long chars = 0;
        while (System.currentTimeMillis() < stopAt) {
            chars += service.buildReport("customer-" + ThreadLocalRandom.current().nextInt(1000)).length();
            Thread.sleep(500);
        }
        System.out.println(chars);
        System.exit(0);
    }
}
