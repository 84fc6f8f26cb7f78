import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Control (unnamed package): a search node that loads its index shard by shard for the first 20 seconds
 * (~1 MB/s of posting lists kept in a static map), then only answers queries from it. Growth that stops.
 */
public class WarmupIndexer {

    static final Map<String, Posting> INDEX = new HashMap<>();
    static final long WARMUP_MILLIS = 20_000;

    static final class Posting {
        final String term;
        final int[] documents;

        Posting(String term, int[] documents) {
            this.term = term;
            this.documents = documents;
        }
    }

    static void loadShard(Random random, int shard) {
        for (int i = 0; i < 200; i++) {
            String term = "term-" + shard + "-" + i;
            int[] docs = new int[100 + random.nextInt(60)];
            for (int d = 0; d < docs.length; d++) {
                docs[d] = random.nextInt(5_000_000);
            }
            INDEX.put(term, new Posting(term, docs));
        }
    }

    static List<Integer> query(Random random, int shards) {
        List<Integer> hits = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            Posting p = INDEX.get("term-" + random.nextInt(Math.max(1, shards)) + "-" + random.nextInt(200));
            if (p != null) {
                for (int doc : p.documents) {
                    if ((doc & 7) == 0) {
                        hits.add(doc);
                    }
                }
            }
        }
        return hits;
    }

    public static void main(String[] args) throws InterruptedException {
        Thread eof = new Thread(() -> {
            try {
                while (System.in.read() != -1) { }
            } catch (IOException e) { }
            System.exit(0);
        }, "stdin-watch");
        eof.setDaemon(true);
        eof.start();

        Random random = new Random(4);
        long start = System.currentTimeMillis();
        long deadline = start + 10 * 60_000;
        int shards = 0;
        long hits = 0;
        System.out.println("ready");
        while (System.currentTimeMillis() < deadline) {
            if (System.currentTimeMillis() - start < WARMUP_MILLIS) {
                loadShard(random, shards++);
            }
            for (int q = 0; q < 100; q++) {
                hits += query(random, shards).size();
            }
            Thread.sleep(100);
        }
        System.out.println(INDEX.size() + " terms, " + hits + " hits");
        System.exit(0);
    }
}
