package io.leaklens.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * A shop that takes orders. Each order makes short-lived garbage (parsing, pricing), goes through a bounded price
 * cache that fills and then plateaus (not a leak), and is appended to an audit log that nothing ever trims
 * (the leak: {@code OrderLog.ENTRIES}). Every few seconds a checkout session registers a price listener and never
 * removes it (a second, slower leak).
 * <p>
 * Arguments: {@code --seconds N} (0: run until stopped), {@code --parent PID} (exit when that process ends),
 * {@code --orders-per-second N}.
 */
public final class DemoShop {

    /** Keeps the demo alive for hours within a small heap: when the log reaches this, it starts over. */
    private static final long LOG_LIMIT_BYTES = 120L * 1024 * 1024;

    private final PriceCache prices = new PriceCache(5_000);
    private final PriceFeed feed = new PriceFeed();
    private final byte[][] outbox = new byte[16][];
    private long orders;
    private long sink;

    public static void main(String[] args) {
        long seconds = 0;
        long parent = -1;
        int ordersPerSecond = 400;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--seconds" -> seconds = Long.parseLong(args[i + 1]);
                case "--parent" -> parent = Long.parseLong(args[i + 1]);
                case "--orders-per-second" -> ordersPerSecond = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Instant end = seconds > 0 ? Instant.now().plusSeconds(seconds) : Instant.MAX;
        System.out.println("LeakLens demo shop: pid " + ProcessHandle.current().pid() + ", taking " + ordersPerSecond
                + " orders/s" + (seconds > 0 ? " for " + seconds + " s" : ""));
        new DemoShop().run(end, parent, ordersPerSecond);
        System.out.println("LeakLens demo shop: closed");
    }

    /**
     * Takes orders in small batches so that the rate holds whatever the timer's precision: each round catches up
     * with the orders due since the start, then sleeps a little.
     */
    private void run(Instant end, long parent, int ordersPerSecond) {
        long start = System.nanoTime();
        long nextCheck = 0;
        long taken = 0;
        while (true) {
            long now = System.nanoTime();
            long due = (now - start) * ordersPerSecond / 1_000_000_000L;
            if (due - taken > ordersPerSecond) { // paused for a while (a debugger, SIGSTOP): do not rush to catch up
                start = now - taken * 1_000_000_000L / ordersPerSecond;
                due = taken;
            }
            while (taken < due) {
                takeOrder();
                taken++;
            }
            if (now > nextCheck) {
                nextCheck = now + Duration.ofSeconds(1).toNanos();
                if (Instant.now().isAfter(end) || (parent > 0 && !ProcessHandle.of(parent).map(ProcessHandle::isAlive).orElse(false))) {
                    return;
                }
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private void takeOrder() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long id = ++orders;
        String request = "order=" + id + ";sku=" + random.nextInt(20_000) + ";qty=" + (1 + random.nextInt(5));
        Map<String, String> fields = parse(request);
        String sku = fields.get("sku");
        long price = prices.priceOf(sku);
        byte[] invoice = new byte[16 * 1024 + random.nextInt(32 * 1024)]; // rendered and sent, then garbage
        invoice[0] = (byte) price;
        // The outbox keeps the last few invoices: it makes them escape, or the JIT would not allocate them at all.
        outbox[(int) (id % outbox.length)] = invoice;
        sink += invoice.length + price;
        OrderLog.record(id, sku, price);
        if (id % 2_000 == 0) {
            new CheckoutSession(id).open(feed);
        }
        if (OrderLog.bytes() > LOG_LIMIT_BYTES) {
            System.out.println("LeakLens demo shop: the audit log reached " + (LOG_LIMIT_BYTES >> 20)
                    + " MB; clearing it so that the demo keeps running");
            OrderLog.clear();
        }
    }

    private static Map<String, String> parse(String request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : request.split(";")) {
            String[] kv = pair.split("=", 2);
            fields.put(kv[0], kv[1]);
        }
        return fields;
    }

    long sink() {
        return sink;
    }

    /** The leak: an audit log kept in a static list that nothing trims. */
    static final class OrderLog {
        private static final List<Entry> ENTRIES = new ArrayList<>();

        record Entry(long orderId, String sku, long price, Instant time, byte[] details) {
        }

        static void record(long orderId, String sku, long price) {
            ENTRIES.add(new Entry(orderId, sku, price, Instant.now(), new byte[256]));
        }

        static long bytes() {
            return ENTRIES.size() * 400L;
        }

        static void clear() {
            ENTRIES.clear();
        }
    }

    /** Not a leak: a bounded least-recently-used cache that fills and then stays the same size. */
    static final class PriceCache extends LinkedHashMap<String, Long> {
        private final int capacity;

        PriceCache(int capacity) {
            super(capacity * 2, 0.75f, true);
            this.capacity = capacity;
        }

        long priceOf(String sku) {
            return computeIfAbsent(sku, s -> 100L + Math.abs(s.hashCode() % 10_000));
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > capacity;
        }
    }

    /** A listener list that sessions join and never leave: each listener keeps its whole session alive. */
    static final class PriceFeed {
        private final List<Runnable> listeners = new ArrayList<>();

        void addListener(Runnable listener) {
            listeners.add(listener);
        }
    }

    static final class CheckoutSession {
        private final long id;
        private final byte[] cart = new byte[8 * 1024];

        CheckoutSession(long id) {
            this.id = id;
        }

        void open(PriceFeed feed) {
            feed.addListener(() -> cart[0] = (byte) id); // captures this session, and is never removed
        }
    }
}
