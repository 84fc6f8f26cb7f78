import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Control (unnamed package): an access-log analyser on two threads. It parses synthetic log lines with a regular
 * expression and counts them by status and endpoint into maps whose key space is fixed: steady garbage
 * (~7 MB/s here), nothing retained.
 */
public class LogParser {

    private static final Pattern LINE = Pattern.compile(
            "^(\\S+) - - \\[([^]]+)] \"(GET|POST|PUT|DELETE) (\\S+) HTTP/1\\.1\" (\\d{3}) (\\d+) \"([^\"]*)\"$");
    private static final String[] ENDPOINTS = {"/", "/login", "/api/items", "/api/items/42", "/api/cart", "/static/app.js"};

    private final Map<String, LongAdder> byStatus = new HashMap<>();
    private final Map<String, LongAdder> byEndpoint = new HashMap<>();

    synchronized void count(String status, String endpoint) {
        byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
        byEndpoint.computeIfAbsent(endpoint, s -> new LongAdder()).increment();
    }

    void parse(String line) {
        Matcher m = LINE.matcher(line);
        if (m.matches()) {
            String path = m.group(4);
            int q = path.indexOf('?');
            count(m.group(5), q >= 0 ? path.substring(0, q) : path);
        }
    }

    static String line(Random r) {
        return "127.0.0." + r.nextInt(256) + " - - [12/Mar/2025:10:" + (10 + r.nextInt(50)) + ":" + (10 + r.nextInt(50))
                + " +0000] \"GET " + ENDPOINTS[r.nextInt(ENDPOINTS.length)] + "?session=" + Long.toHexString(r.nextLong())
                + " HTTP/1.1\" " + (r.nextInt(10) == 0 ? 404 : 200) + " " + r.nextInt(50_000)
                + " \"Mozilla/5.0 (X11; Linux x86_64) Firefox/" + (100 + r.nextInt(30)) + ".0\"";
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

        LogParser parser = new LogParser();
        long deadline = System.currentTimeMillis() + 10 * 60 * 1000;
        Runnable worker = () -> {
            Random r = new Random();
            while (System.currentTimeMillis() < deadline) {
                for (int i = 0; i < 2_000; i++) {
                    parser.parse(line(r));
                }
                try {
                    Thread.sleep(40);
                } catch (InterruptedException e) {
                    return;
                }
            }
        };
        Thread a = new Thread(worker, "parser-1");
        Thread b = new Thread(worker, "parser-2");
        System.out.println("ready");
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println(parser.byStatus);
        System.exit(0);
    }
}
