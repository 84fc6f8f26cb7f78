package com.acme.events.bus;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An inventory service with an application-wide event bus. Every "watch this product" request creates a
 * StockWatcher, an inner class that keeps the last 1,024 stock levels it saw, and subscribes it to the bus; the
 * unsubscribe call was forgotten, so watchers pile up on the bus: ~40/s of ~4.3 KB.
 */
public class InventoryService {

    /** The one bus of the application. */
    static final class EventBus {
        static final EventBus DEFAULT = new EventBus();

        private final List<Consumer<? super StockChanged>> subscribers = new ArrayList<>();

        synchronized void subscribe(Consumer<? super StockChanged> subscriber) {
            subscribers.add(subscriber);
        }

        synchronized void unsubscribe(Consumer<? super StockChanged> subscriber) {
            subscribers.remove(subscriber);
        }

        void publish(StockChanged event) {
            List<Consumer<? super StockChanged>> snapshot;
            synchronized (this) {
                snapshot = new ArrayList<>(subscribers);
            }
            for (Consumer<? super StockChanged> s : snapshot) {
                s.accept(event);
            }
        }
    }

    record StockChanged(String sku, int level) { }

    private final String warehouse;
    private long notifications;

    InventoryService(String warehouse) {
        this.warehouse = warehouse;
    }

    /** Watches one product for one browser tab. */
    final class StockWatcher implements Consumer<StockChanged> {
        private final String sku;
        private final int[] lastLevels = new int[1024];
        private int seen;

        StockWatcher(String sku) {
            this.sku = sku;
        }

        @Override
        public void accept(StockChanged event) {
            if (event.sku().equals(sku)) {
                lastLevels[seen++ % lastLevels.length] = event.level();
                notifications++;
            }
        }
    }

    String watch(String sku) {
        StockWatcher watcher = new StockWatcher(sku);
        EventBus.DEFAULT.subscribe(watcher);
        return "watching " + sku + " in " + warehouse;
    }

    public static void main(String[] args) throws Exception {
        Thread stdin = new Thread(() -> {
            try {
                byte[] b = new byte[64];
                while (System.in.read(b) > -1) { }
            } catch (IOException e) { }
            System.exit(0);
        });
        stdin.setDaemon(true);
        stdin.start();

        InventoryService service = new InventoryService("AMS-1");
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stock-feed");
            t.setDaemon(true);
            return t;
        });
        Random feed = new Random(1);
        ticker.scheduleAtFixedRate(() -> EventBus.DEFAULT.publish(
                new StockChanged("SKU-" + feed.nextInt(5_000), feed.nextInt(100))), 0, 200, TimeUnit.MILLISECONDS);

        Random requests = new Random(2);
        long end = System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(10);
        System.out.println("ready");
        int chars = 0;
        while (System.currentTimeMillis() < end) {
            for (int i = 0; i < 4; i++) {
                String page = service.watch("SKU-" + requests.nextInt(5_000));
                char[] html = new char[16_384 + requests.nextInt(16_384)];
                page.getChars(0, page.length(), html, 0);
                chars += html.length;
            }
            Thread.sleep(100);
        }
        System.out.println(chars + " " + service.notifications);
        System.exit(0);
    }
}
