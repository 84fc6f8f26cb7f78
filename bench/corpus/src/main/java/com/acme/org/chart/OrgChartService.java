package com.acme.org.chart;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * An HR service that imports org-chart snapshots from a feed. A Department points to its Employees and each
 * Employee back to its Department (and to its manager). Every import registers the new snapshot of a department
 * under a new version id in a static registry that nobody prunes: ~40 departments/s with 8 employees each stay
 * alive as parent/child cycles (~80 KB/s).
 */
public class OrgChartService {

    static final Map<Long, Department> REGISTRY = new HashMap<>();

    static class Department {
        final long versionId;
        final String name;
        final List<Employee> members = new ArrayList<>();
        Employee head;

        Department(long versionId, String name) {
            this.versionId = versionId;
            this.name = name;
        }
    }

    static class Employee {
        final String name;
        final String title;
        final Department department;
        Employee manager;
        final byte[] badgePhotoHash = new byte[64];

        Employee(String name, String title, Department department) {
            this.name = name;
            this.title = title;
            this.department = department;
        }
    }

    private long nextVersion = 1;

    Department importSnapshot(String csv) {
        char[] readBuffer = new char[32 * 1024]; // the feed is read through a fresh buffer each time
        csv.getChars(0, csv.length(), readBuffer, 0);
        String[] rows = new String(readBuffer, 0, csv.length()).split("\n");
        Department d = new Department(nextVersion++, rows[0]);
        for (int i = 1; i < rows.length; i++) {
            String[] cols = rows[i].split(",");
            Employee e = new Employee(cols[0].trim(), cols[1].trim(), d);
            e.badgePhotoHash[0] = (byte) i;
            if (d.head == null) {
                d.head = e;
            } else {
                e.manager = d.head;
            }
            d.members.add(e);
        }
        REGISTRY.put(d.versionId, d);
        return d;
    }

    static String fakeFeed(Random r) {
        StringBuilder csv = new StringBuilder("dept-").append(r.nextInt(300)).append('\n');
        String[] titles = {"Engineer", "Senior Engineer", "Manager", "Analyst", "Designer"};
        for (int i = 0; i < 8; i++) {
            csv.append("Employee ").append(r.nextInt(100_000)).append(", ").append(titles[r.nextInt(titles.length)])
                    .append(", ").append("x".repeat(40)).append('\n');
        }
        return csv.toString();
    }

    public static void main(String[] args) throws InterruptedException {
        Thread stdin = new Thread(() -> {
            try {
                while (System.in.read() >= 0) { }
            } catch (IOException ignored) { }
            System.exit(0);
        }, "stdin");
        stdin.setDaemon(true);
        stdin.start();

        OrgChartService service = new OrgChartService();
        Random random = new Random(21);
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        System.out.println("ready");
        int heads = 0;
        while (System.nanoTime() < until) {
            for (int i = 0; i < 4; i++) {
                Department d = service.importSnapshot(fakeFeed(random));
                heads += d.head.name.length();
            }
            Thread.sleep(100);
        }
        System.out.println(heads);
        System.exit(0);
    }
}
