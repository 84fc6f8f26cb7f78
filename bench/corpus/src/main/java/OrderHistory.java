import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A small order service in the unnamed package. Every order it takes is appended to a static history "for the
 * admin page", and nothing ever trims it: ~250 orders/s of ~1 KB each stay alive for good.
 */
public class OrderHistory {

    static final List<Order> HISTORY = new ArrayList<>();

    static class Order {
        final long id;
        final String customer;
        final Instant placedAt;
        final List<String> skus = new ArrayList<>();
        final long[] quantities;
        String note;

        Order(long id, String customer, int lines) {
            this.id = id;
            this.customer = customer;
            this.placedAt = Instant.now();
            this.quantities = new long[lines];
        }
    }

    private static long nextId = 1;

    static Order takeOrder(Random random) {
        int lines = 3 + random.nextInt(6);
        Order order = new Order(nextId++, "customer-" + random.nextInt(50_000), lines);
        for (int i = 0; i < lines; i++) {
            order.skus.add("SKU-" + Integer.toHexString(random.nextInt()) + "-" + i);
            order.quantities[i] = 1 + random.nextInt(4);
        }
        order.note = "deliver to door " + random.nextInt(400) + ", ring twice, leave with neighbour if absent; "
                + "gift wrap: " + random.nextBoolean() + "; promo " + Long.toString(random.nextLong(), 36);
        synchronized (HISTORY) {
            HISTORY.add(order);
        }
        return order;
    }

    static long priceOf(Order order) {
        // Garbage: a receipt rendered and thrown away.
        StringBuilder receipt = new StringBuilder();
        long total = 0;
        for (int i = 0; i < order.skus.size(); i++) {
            long cents = (order.skus.get(i).hashCode() & 0xffff) * order.quantities[i];
            total += cents;
            receipt.append(order.skus.get(i)).append(" x").append(order.quantities[i]).append(" = ")
                    .append(String.format("%d.%02d", cents / 100, cents % 100)).append('\n');
        }
        return total + receipt.toString().length();
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
        long deadline = System.currentTimeMillis() + 10 * 60_000;

        Random random = new Random(7);
        System.out.println("ready");
        long revenue = 0;
        while (System.currentTimeMillis() < deadline) {
            for (int i = 0; i < 25; i++) {
                Order order = takeOrder(random);
                revenue += priceOf(order);
                byte[] scratch = new byte[2048 + ThreadLocalRandom.current().nextInt(8192)];
                revenue += scratch.length;
            }
            Thread.sleep(100);
        }
        System.out.println("revenue " + revenue);
        System.exit(0);
    }
}
