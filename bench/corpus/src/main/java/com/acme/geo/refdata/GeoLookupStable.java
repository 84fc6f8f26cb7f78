package com.acme.geo.refdata;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Control: the same geo-IP lookup service as GeoLookupService, with the same ~2 GB of reference data loaded at
 * start and then stable (run it with -Xmx4g), but the audit trail is a ring of the last 2,000 lookups, full within
 * five seconds. Nothing grows after start.
 */
public class GeoLookupStable {

    record City(int id, String name, String country, double latitude, double longitude) { }

    record LookupAudit(long ipHash, int cityId, String clientId, long timestamp, String userAgent) { }

    static final ArrayDeque<LookupAudit> AUDIT_TRAIL = new ArrayDeque<>();
    private static final int AUDIT_CAPACITY = 2_000;

    private static final String[] COUNTRIES = {"NL", "BE", "DE", "FR", "GB", "IE", "ES", "PT", "IT", "PL", "SE", "NO"};
    private static final int CHUNK = 65_536;

    private final long[][] rangeStarts;
    private final Map<Integer, City> cities;
    private final int[] postcodeToCity;

    GeoLookupStable(int chunks, int cityCount) {
        rangeStarts = new long[chunks][];
        long next = 1;
        for (int c = 0; c < chunks; c++) {
            long[] chunk = new long[CHUNK];
            for (int i = 0; i < CHUNK; i++) {
                next += 1 + (i & 15);
                chunk[i] = next;
            }
            rangeStarts[c] = chunk;
        }
        cities = new HashMap<>(cityCount * 4 / 3 + 1);
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int id = 0; id < cityCount; id++) {
            cities.put(id, new City(id, "City-" + id, COUNTRIES[id % COUNTRIES.length],
                    r.nextDouble(-90, 90), r.nextDouble(-180, 180)));
        }
        postcodeToCity = new int[40_000_000];
        for (int i = 0; i < postcodeToCity.length; i++) {
            postcodeToCity[i] = i % cityCount;
        }
    }

    City lookup(long ip, String clientId, String userAgent) {
        long[] chunk = rangeStarts[(int) Math.floorMod(ip >>> 20, (long) rangeStarts.length)];
        int lo = 0;
        int hi = chunk.length - 1;
        long key = chunk[0] + Math.floorMod(ip, chunk[chunk.length - 1] - chunk[0]);
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (chunk[mid] <= key) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        City city = cities.get(postcodeToCity[Math.floorMod(lo * 31 + (int) ip, postcodeToCity.length)]);
        synchronized (AUDIT_TRAIL) {
            if (AUDIT_TRAIL.size() == AUDIT_CAPACITY) {
                AUDIT_TRAIL.removeFirst();
            }
            AUDIT_TRAIL.addLast(new LookupAudit(Long.hashCode(ip), city.id(), clientId, System.currentTimeMillis(),
                    userAgent));
        }
        return city;
    }

    public static void main(String[] args) throws InterruptedException {
        Thread stdinWatch = new Thread(() -> {
            try {
                while (System.in.read() != -1) { }
            } catch (IOException ignored) { }
            System.exit(0);
        }, "stdin-watch");
        stdinWatch.setDaemon(true);
        stdinWatch.start();
        Thread deadline = new Thread(() -> {
            try {
                Thread.sleep(TimeUnit.MINUTES.toMillis(10));
            } catch (InterruptedException ignored) {
            }
            System.exit(0);
        }, "deadline");
        deadline.setDaemon(true);
        deadline.start();

        GeoLookupStable service = new GeoLookupStable(3_000, 2_000_000);
        System.out.println("ready");
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long served = 0;
        while (true) {
            for (int i = 0; i < 40; i++) {
                String clientId = "client-" + Integer.toHexString(r.nextInt());
                String userAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "Chrome/" + (100 + r.nextInt(40)) + ".0." + r.nextInt(9999) + "." + r.nextInt(200)
                        + " Safari/537.36 session/" + Long.toHexString(r.nextLong());
                City city = service.lookup(r.nextLong(), clientId, userAgent);
                String json = "{\"city\":\"" + city.name() + "\",\"country\":\"" + city.country() + "\",\"lat\":"
                        + city.latitude() + ",\"lon\":" + city.longitude() + "}";
                byte[] response = new byte[json.length() * 40]; // a padded response buffer, thrown away
                served += response.length;
            }
            Thread.sleep(100);
        }
    }
}
