package com.example.catalog;

import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * A product catalogue that renders product views through a Guava LoadingCache. The cache key includes the
 * caller's locale and the price-list version, which changes every 30 seconds, so keys never repeat for long;
 * the cache has neither maximumSize nor an expiry, and keeps every view it ever rendered (~150 views/s, ~2 KB).
 */
public class ProductCatalogService {

    static final ProductCatalogService INSTANCE = new ProductCatalogService();

    public record ViewKey(long productId, String locale, int priceListVersion) { }

    public record ProductView(long productId, String title, String description, List<String> badges,
                              long priceCents, byte[] thumbnail) { }

    private final LoadingCache<ViewKey, ProductView> views = CacheBuilder.newBuilder()
            .recordStats()
            .build(new CacheLoader<>() {
                @Override
                public ProductView load(ViewKey key) {
                    return render(key);
                }
            });

    private static ProductView render(ViewKey key) {
        Random r = new Random(key.productId());
        String title = "Product " + key.productId() + " (" + key.locale() + ")";
        StringBuilder description = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            description.append("feature-").append(r.nextInt(1000)).append(i % 3 == 0 ? ". " : ", ");
        }
        List<String> badges = new ArrayList<>();
        for (int i = 0; i < 1 + r.nextInt(4); i++) {
            badges.add(List.of("new", "sale", "eco", "bestseller", "limited").get(r.nextInt(5)));
        }
        byte[] thumbnail = new byte[1024 + r.nextInt(512)];
        r.nextBytes(thumbnail);
        return new ProductView(key.productId(), title, description.toString().toUpperCase(Locale.ROOT), badges,
                key.priceListVersion() * 10L + r.nextInt(10_000), thumbnail);
    }

    ProductView view(long productId, String locale, int priceListVersion) {
        return views.getUnchecked(new ViewKey(productId, locale, priceListVersion));
    }

    public static void main(String[] args) throws InterruptedException {
        Thread stdin = new Thread(() -> {
            try {
                System.in.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (java.io.IOException ignored) {
            }
            System.exit(0);
        });
        stdin.setDaemon(true);
        stdin.start();

        String[] locales = {"en-US", "en-GB", "de-DE", "fr-FR", "nl-NL", "pl-PL"};
        Random random = new Random(3);
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        long started = System.nanoTime();
        long bytesServed = 0;
        System.out.println("ready");
        while (System.nanoTime() < end) {
            int priceListVersion = (int) TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) / 30;
            for (int i = 0; i < 25; i++) {
                // popular products are asked for again and again; the long tail is new every time
                long productId = random.nextInt(10) < 8 ? random.nextInt(200) : random.nextInt(5_000_000);
                ProductView v = INSTANCE.view(productId, locales[random.nextInt(locales.length)], priceListVersion);
                String json = "{\"id\":" + v.productId() + ",\"title\":\"" + v.title() + "\",\"description\":\""
                        + v.description() + "\",\"badges\":" + v.badges() + ",\"price\":" + v.priceCents() + "}";
                byte[] gzipBuffer = new byte[8192]; // per-response output buffer
                byte[] body = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                System.arraycopy(body, 0, gzipBuffer, 0, Math.min(body.length, gzipBuffer.length));
                bytesServed += body.length + gzipBuffer[0];
            }
            Thread.sleep(50);
        }
        System.out.println("served " + bytesServed + " bytes, " + INSTANCE.views.stats());
        System.exit(0);
    }
}
