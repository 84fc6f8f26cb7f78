package com.shop.checkout;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A checkout flow. Each PendingCheckout (holding three CartLines) registers a settlement callback, a lambda that
 * captures the checkout, with the payment gateway. The gateway calls back once per payment, but nothing ever
 * removes the callback, so every PendingCheckout stays alive with its lines: ~50 checkouts/s, ~1 KB each.
 * PendingCheckout is the class to fix (it should deregister itself once settled).
 */
public class CheckoutFlow {

    /** A long-lived client of the payment provider. */
    static final class PaymentGateway {
        static final PaymentGateway INSTANCE = new PaymentGateway();

        private final Map<String, Consumer<String>> settlementCallbacks = new ConcurrentHashMap<>();

        void onSettlement(String paymentId, Consumer<String> callback) {
            settlementCallbacks.put(paymentId, callback);
        }

        void settle(String paymentId, String status) {
            Consumer<String> callback = settlementCallbacks.get(paymentId);
            if (callback != null) {
                callback.accept(status); // and the callback stays in the map
            }
        }
    }

    record CartLine(String sku, String description, int quantity, BigDecimal unitPrice) {
        BigDecimal total() {
            return unitPrice.multiply(BigDecimal.valueOf(quantity));
        }
    }

    static final class PendingCheckout {
        final String paymentId;
        final List<CartLine> lines;
        final Instant started = Instant.now();
        String status = "pending";

        PendingCheckout(String paymentId, List<CartLine> lines) {
            this.paymentId = paymentId;
            this.lines = lines;
            PaymentGateway.INSTANCE.onSettlement(paymentId, result -> this.status = result);
        }

        BigDecimal total() {
            return lines.stream().map(CartLine::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Thread eof = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // discard
                }
            } catch (IOException ignored) {
            }
            System.exit(0);
        });
        eof.setDaemon(true);
        eof.start();

        Random random = new Random(1234);
        long endAt = System.currentTimeMillis() + 600_000;
        long n = 0;
        BigDecimal revenue = BigDecimal.ZERO;
        System.out.println("ready");
        while (System.currentTimeMillis() < endAt) {
            for (int i = 0; i < 5; i++) {
                List<CartLine> lines = List.of(line(random), line(random), line(random));
                PendingCheckout checkout = new PendingCheckout("pay_" + (n++) + "_" + random.nextInt(1 << 20), lines);
                revenue = revenue.add(checkout.total());
                // the provider confirms right away in this simulation; the callback is not removed
                PaymentGateway.INSTANCE.settle(checkout.paymentId, random.nextInt(30) == 0 ? "failed" : "paid");
                String confirmation = ("<p>Order " + checkout.paymentId + " " + checkout.status + ": "
                        + checkout.total() + "</p>").repeat(20);
                byte[] email = confirmation.repeat(8).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                revenue = revenue.add(BigDecimal.valueOf(email.length % 2));
            }
            Thread.sleep(100);
        }
        System.out.println(revenue);
        System.exit(0);
    }

    private static CartLine line(Random random) {
        String sku = "SKU-" + Integer.toString(random.nextInt(1 << 24), 36).toUpperCase();
        String description = "Item " + sku + ": " + "organic cotton t-shirt, size M, colour "
                + random.nextInt(40) + ", machine washable at 30 degrees, ships in 2 days";
        return new CartLine(sku, description, 1 + random.nextInt(3),
                BigDecimal.valueOf(random.nextInt(10_000) + 99, 2));
    }
}
