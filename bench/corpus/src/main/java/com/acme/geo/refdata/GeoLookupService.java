package com.acme.geo.refdata;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A geo-IP lookup service with ~2 GB of reference data loaded at start (1.5 GB of sorted IP-range tables in
 * 512 KB chunks, two million City records in a HashMap, a postcode index) and then stable. Run it with -Xmx4g.
 * Each lookup appends a LookupAudit record to a static list that was meant to be shipped to an audit store and
 * cleared, but the shipper was never scheduled: ~400 records/s of ~300 bytes, a small leak of ~120 KB/s on a
 * large heap.
 */
public class GeoLookupService {

    record City(int id, String name, String country, double latitude, double longitude) { }

    record LookupAudit(long ipHash, int cityId, String clientId, long timestamp, String userAgent) { }

    static final List<LookupAudit> AUDIT_TRAIL = new ArrayList<>();

    private static final String[] COUNTRIES = {"NL", "BE", "DE", "FR", "GB", "IE", "ES", "PT", "IT", "PL", "SE", "NO"};
    private static final int CHUNK = 65_536;

    private final long[][] rangeStarts;
    private final Map<Integer, City> cities;
    private final int[] postcodeToCity;

    GeoLookupService(int chunks, int cityCount) {
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
            AUDIT_TRAIL.add(new LookupAudit(Long.hashCode(ip), city.id(), clientId, System.currentTimeMillis(),
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

        GeoLookupService service = new GeoLookupService(3_000, 2_000_000);
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
