package com.shopfront.pricing;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shipping quotes memoised in a Caffeine LoadingCache that was meant to be "small": it has no maximumSize and no
 * expiry, and the key holds the basket weight in grams, so nearly every quote is a new entry. Three request
 * threads, ~120 new quotes/s of ~1.3 KB each.
 */
public class QuoteService {

    public record QuoteRequest(String fromZip, String toZip, int weightGrams, String carrier) { }

    public record Quote(QuoteRequest request, long cents, List<Leg> legs, String terms) { }

    public record Leg(String hub, int hours, long cents) { }

    private final LoadingCache<QuoteRequest, Quote> quotes = Caffeine.newBuilder()
            .recordStats()
            .build(QuoteService::price);

    private static Quote price(QuoteRequest request) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        List<Leg> legs = new ArrayList<>();
        long total = 0;
        for (int i = 0, n = 2 + r.nextInt(4); i < n; i++) {
            Leg leg = new Leg("HUB-" + (char) ('A' + r.nextInt(26)) + r.nextInt(100), 2 + r.nextInt(20),
                    request.weightGrams() / 10L + r.nextInt(500));
            total += leg.cents();
            legs.add(leg);
        }
        String terms = ("Quote valid for 24h. Carrier " + request.carrier() + " liability limited to "
                + (request.weightGrams() / 100) + " EUR. ").repeat(6);
        return new Quote(request, total, List.copyOf(legs), terms);
    }

    Quote quote(String from, String to, int grams, String carrier) {
        return quotes.get(new QuoteRequest(from, to, grams, carrier));
    }

    public static void main(String[] args) throws InterruptedException {
        Thread t = new Thread(() -> {
            try (InputStream in = System.in) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException ignored) {
                // closed
            }
            System.exit(0);
        }, "eof-watch");
        t.setDaemon(true);
        t.start();

        QuoteService service = new QuoteService();
        AtomicLong revenue = new AtomicLong();
        long deadline = System.currentTimeMillis() + 10 * 60 * 1000;
        String[] carriers = {"DHL", "UPS", "PostNL", "GLS", "DPD"};
        CountDownLatch done = new CountDownLatch(3);
        for (int w = 0; w < 3; w++) {
            new Thread(() -> {
                ThreadLocalRandom r = ThreadLocalRandom.current();
                while (System.currentTimeMillis() < deadline) {
                    for (int i = 0; i < 4; i++) {
                        String from = String.format("%04d", r.nextInt(10_000));
                        String to = String.format("%04d", r.nextInt(10_000));
                        Quote q = service.quote(from, to, 500 + r.nextInt(30_000), carriers[r.nextInt(5)]);
                        // render the answer and drop it
                        StringBuilder html = new StringBuilder();
                        for (Leg leg : q.legs()) {
                            html.append("<tr><td>").append(leg.hub()).append("</td><td>").append(leg.hours())
                                    .append("h</td></tr>");
                        }
                        byte[] out = new byte[16 * 1024]; // the response buffer of this request
                        byte[] body = html.append(q.terms()).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                        System.arraycopy(body, 0, out, 0, Math.min(body.length, out.length));
                        revenue.addAndGet(q.cents() + out[0]);
                    }
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                done.countDown();
            }, "quote-http-" + w).start();
        }
        System.out.println("ready");
        done.await();
        System.out.println(revenue.get() + " " + service.quotes.stats());
        System.exit(0);
    }
}
