import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The fixed build of OrderHistory: the same order service, but an order leaves the static list of open orders
 * once it has shipped (about two seconds after it was placed), so the list stays near 500 orders.
 */
public class OrderHistoryFixed {

    static final List<Order> OPEN_ORDERS = new ArrayList<>();

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

        boolean shipped(Instant now) {
            return placedAt.plusSeconds(2).isBefore(now);
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
        synchronized (OPEN_ORDERS) {
            OPEN_ORDERS.add(order);
        }
        return order;
    }

    static void shipOrders() {
        Instant now = Instant.now();
        synchronized (OPEN_ORDERS) {
            for (Iterator<Order> it = OPEN_ORDERS.iterator(); it.hasNext(); ) {
                if (it.next().shipped(now)) {
                    it.remove();
                }
            }
        }
    }

    static long priceOf(Order order) {
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
            shipOrders();
            Thread.sleep(100);
        }
        System.out.println("revenue " + revenue);
        System.exit(0);
    }
}
