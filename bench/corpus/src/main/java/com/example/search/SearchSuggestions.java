package com.example.search;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Control: search-as-you-type suggestions behind a Guava cache bounded by maximumSize(4_000). Queries come from
 * a huge key space, so the cache fills within seconds and then evicts as fast as it loads.
 */
public class SearchSuggestions {

    private final Cache<String, List<Suggestion>> cache = CacheBuilder.newBuilder()
            .maximumSize(4_000)
            .concurrencyLevel(2)
            .build();

    static final class Suggestion {
        final String text;
        final double score;
        final int[] highlight;

        Suggestion(String text, double score, int[] highlight) {
            this.text = text;
            this.score = score;
            this.highlight = highlight;
        }
    }

    List<Suggestion> suggest(String prefix) throws ExecutionException {
        return cache.get(prefix, () -> compute(prefix));
    }

    private static List<Suggestion> compute(String prefix) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        List<Suggestion> list = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String text = prefix + " " + Long.toString(r.nextLong(1L << 40), 36) + " accessories";
            list.add(new Suggestion(text, r.nextDouble(), new int[] {0, prefix.length()}));
        }
        list.sort((a, b) -> Double.compare(b.score, a.score));
        return Collections.unmodifiableList(list);
    }

    public static void main(String[] args) throws Exception {
        Thread eof = new Thread(() -> {
            try {
                while (System.in.read() >= 0) { }
            } catch (IOException e) { }
            System.exit(0);
        });
        eof.setDaemon(true);
        eof.start();

        SearchSuggestions service = new SearchSuggestions();
        long deadline = System.currentTimeMillis() + 600_000;
        System.out.println("ready");
        long chars = 0;
        while (System.currentTimeMillis() < deadline) {
            for (int i = 0; i < 60; i++) {
                ThreadLocalRandom r = ThreadLocalRandom.current();
                String prefix = r.nextInt(4) == 0
                        ? "popular " + r.nextInt(50)
                        : Integer.toString(r.nextInt(2_000_000), 36);
                for (Suggestion s : service.suggest(prefix)) {
                    chars += ("<li>" + s.text + "</li>").length();
                }
            }
            Thread.sleep(40);
        }
        System.out.println(chars);
        System.exit(0);
    }
}
