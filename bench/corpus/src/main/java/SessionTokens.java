import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

// A login service in plain JDK types: each login stores token -> "user|roles|issued" in a static HashMap so that
// later requests can be checked. Logout removes a token, but most clients never log out and there is no expiry:
// ~400 logins/s, ~300 bytes each, and about 5% of them ever removed.
public class SessionTokens {
    static final Map<String, String> TOKENS = new HashMap<>();

    static final SecureRandom SEED = new SecureRandom();

    static String login(Random random, String user) {
        byte[] raw = new byte[24];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        String claims = user + "|roles=customer,reader" + (random.nextInt(20) == 0 ? ",admin" : "")
                + "|issued=" + System.currentTimeMillis() + "|ip=127.0.0." + random.nextInt(256)
                + "|ua=Mozilla/5.0 (X11; Linux x86_64; rv:" + (100 + random.nextInt(30)) + ".0) Gecko/20100101";
        synchronized (TOKENS) {
            TOKENS.put(token, claims);
        }
        return token;
    }

    static boolean check(String token) {
        String claims;
        synchronized (TOKENS) {
            claims = TOKENS.get(token);
        }
        return claims != null && claims.split("\\|")[1].startsWith("roles=");
    }

    static void logout(String token) {
        synchronized (TOKENS) {
            TOKENS.remove(token);
        }
    }

    public static void main(String[] args) throws Exception {
        var watcher = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                }
            } catch (IOException e) {
            }
            System.exit(0);
        });
        watcher.setDaemon(true);
        watcher.start();

        var random = new Random(SEED.nextLong());
        var end = System.currentTimeMillis() + 10 * 60 * 1000;
        System.out.println("ready");
        int ok = 0;
        while (System.currentTimeMillis() < end) {
            for (int i = 0; i < 40; i++) {
                String token = login(random, "user" + random.nextInt(1_000_000) + "@example.com");
                for (int k = 0; k < 5; k++) {
                    if (check(token)) {
                        ok++;
                    }
                }
                if (random.nextInt(20) == 0) {
                    logout(token);
                }
            }
            Thread.sleep(100);
        }
        System.out.println(ok);
        System.exit(0);
    }
}
