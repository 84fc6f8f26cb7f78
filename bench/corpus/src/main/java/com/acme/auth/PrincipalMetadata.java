package com.acme.auth;

import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.Random;
import java.util.WeakHashMap;

/**
 * Control: an authorisation layer that attaches computed metadata (granted scopes, a 1 KB policy digest) to each
 * request's Principal through a static WeakHashMap. The Principal is request-scoped and the metadata does not
 * refer back to it, so each entry disappears once its request is over and the collector has run.
 */
public class PrincipalMetadata {

    static final Map<Principal, Metadata> METADATA = Collections.synchronizedMap(new WeakHashMap<>());

    static final class Principal {
        final String subject;
        final long issuedAt;

        Principal(String subject, long issuedAt) {
            this.subject = subject;
            this.issuedAt = issuedAt;
        }
    }

    static final class Metadata {
        final String[] scopes;
        final byte[] policyDigest = new byte[1024];

        Metadata(String[] scopes) {
            this.scopes = scopes;
        }
    }

    static Metadata metadataFor(Principal p, Random random) {
        return METADATA.computeIfAbsent(p, key -> {
            Metadata m = new Metadata(new String[] {"orders:read", "orders:write", "profile:" + key.subject});
            random.nextBytes(m.policyDigest);
            return m;
        });
    }

    static boolean authorize(Principal principal, String scope, Random random) {
        Metadata m = metadataFor(principal, random);
        for (String s : m.scopes) {
            if (s.equals(scope)) {
                return true;
            }
        }
        return false;
    }

    public static void main(String[] args) throws Exception {
        Thread stdinWatcher = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // discard
                }
            } catch (IOException ignored) {
                // closed
            }
            System.exit(0);
        });
        stdinWatcher.setDaemon(true);
        stdinWatcher.start();

        Random random = new Random(77);
        long deadline = System.currentTimeMillis() + 600_000L;
        int allowed = 0;
        System.out.println("ready");
        while (System.currentTimeMillis() < deadline) {
            for (int i = 0; i < 50; i++) {
                Principal principal = new Principal("user-" + random.nextInt(100_000), System.currentTimeMillis());
                for (String scope : new String[] {"orders:read", "orders:delete", "profile:me"}) {
                    if (authorize(principal, scope, random)) {
                        allowed++;
                    }
                }
                String log = "principal " + principal.subject + " allowed " + allowed;
                allowed += log.length() & 1;
            }
            Thread.sleep(100);
        }
        System.out.println(allowed);
        System.exit(0);
    }
}
