package com.shopfront.profile;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Control: customer profiles cached in Caffeine with maximumSize(3_000) and expireAfterWrite(20s). Visitors
 * come from a pool of two million, so the cache is full within seconds and stays at its bound.
 */
public class ProfileCache {

    record Profile(long customerId, String displayName, Map<String, String> preferences, byte[] avatarHash) { }

    private final Cache<Long, Profile> profiles = Caffeine.newBuilder()
            .maximumSize(3_000)
            .expireAfterWrite(Duration.ofSeconds(20))
            .build();

    private final Random random = new Random(11);

    Profile load(long customerId) {
        Map<String, String> prefs = new HashMap<>();
        prefs.put("lang", random.nextBoolean() ? "en" : "nl");
        prefs.put("currency", "EUR");
        prefs.put("newsletter", Boolean.toString(random.nextBoolean()));
        prefs.put("theme", "theme-" + random.nextInt(5));
        byte[] avatar = new byte[600];
        random.nextBytes(avatar);
        return new Profile(customerId, "Customer #" + customerId, prefs, avatar);
    }

    String page(long customerId) {
        Profile p = profiles.get(customerId, this::load);
        return "<h1>Hello " + p.displayName() + "</h1>" + p.preferences() + " ".repeat(200);
    }

    public static void main(String[] args) throws Exception {
        Thread stdinWatcher = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // keep reading
                }
            } catch (java.io.IOException ignored) {
                // closed
            }
            System.exit(0);
        });
        stdinWatcher.setDaemon(true);
        stdinWatcher.start();

        ProfileCache cache = new ProfileCache();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        scheduler.schedule(() -> System.exit(0), 10, TimeUnit.MINUTES);
        Random visitors = new Random(5);
        System.out.println("ready");
        long bytes = 0;
        while (true) {
            for (int i = 0; i < 30; i++) {
                long customer = visitors.nextInt(3) == 0 ? visitors.nextInt(500) : visitors.nextInt(2_000_000);
                synchronized (cache) {
                    bytes += cache.page(customer).length();
                }
            }
            Thread.sleep(50);
        }
    }
}
