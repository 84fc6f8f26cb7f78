package io.leaklens.support;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The TCP sockets a process listens on, from Linux's {@code /proc}: the process's socket inodes from
 * {@code /proc/PID/fd}, matched with the LISTEN rows of {@code /proc/net/tcp} and {@code tcp6}.
 */
public final class ListeningSockets {

    private static final String LISTEN = "0A";

    /** One listening socket: the address it is bound to and its port. */
    public record Socket(InetAddress address, int port) {
        @Override
        public String toString() {
            return address.getHostAddress() + ":" + port;
        }
    }

    private ListeningSockets() {
    }

    public static List<Socket> of(long pid) throws IOException {
        Map<String, Socket> listening = new HashMap<>();
        readTable(Path.of("/proc/net/tcp"), listening);
        readTable(Path.of("/proc/net/tcp6"), listening);
        List<Socket> sockets = new ArrayList<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                String link;
                try {
                    link = Files.readSymbolicLink(fd).toString();
                } catch (IOException e) {
                    continue; // closed meanwhile
                }
                if (link.startsWith("socket:[") && listening.containsKey(link.substring(8, link.length() - 1))) {
                    sockets.add(listening.get(link.substring(8, link.length() - 1)));
                }
            }
        }
        return sockets;
    }

    /** Rows: {@code sl local_address rem_address st ... uid timeout inode ...}, addresses in hex. */
    private static void readTable(Path table, Map<String, Socket> byInode) throws IOException {
        if (!Files.exists(table)) {
            return;
        }
        for (String row : Files.readAllLines(table).stream().skip(1).toList()) {
            String[] columns = row.strip().split("\\s+");
            if (columns.length > 9 && columns[3].equals(LISTEN)) {
                String[] local = columns[1].split(":");
                byInode.put(columns[9], new Socket(address(local[0]), Integer.parseInt(local[1], 16)));
            }
        }
    }

    /** The kernel prints each 32-bit word of the address in the machine's (little-endian) order. */
    private static InetAddress address(String hex) throws IOException {
        byte[] raw = HexFormat.of().parseHex(hex);
        for (int word = 0; word < raw.length; word += 4) {
            for (int i = 0; i < 2; i++) {
                byte b = raw[word + i];
                raw[word + i] = raw[word + 3 - i];
                raw[word + 3 - i] = b;
            }
        }
        return InetAddress.getByAddress(raw); // an IPv4-mapped IPv6 address comes back as IPv4
    }
}
