package com.acme.plugins.host;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A plugin host that hot-reloads its pricing plugin twice a second (a config watcher gone wild): each reload
 * makes a new URLClassLoader over the plugin's classes and instantiates the plugin from it. The host then records
 * the new plugin in a static registry of "loaded plugins" and switches to it, but never drops the old entries,
 * so every loader, its copy of the plugin class and the class's 128 KB rule table stay alive.
 */
public class PluginHost {

    /** Every plugin version ever loaded, for the admin console. */
    static final List<LoadedPlugin> REGISTRY = new ArrayList<>();

    static final class LoadedPlugin {
        final int generation;
        final URLClassLoader loader;
        final Function<String, Double> plugin;

        LoadedPlugin(int generation, URLClassLoader loader, Function<String, Double> plugin) {
            this.generation = generation;
            this.loader = loader;
            this.plugin = plugin;
        }
    }

    private static final URL PLUGIN_LOCATION = PluginHost.class.getProtectionDomain().getCodeSource().getLocation();

    private volatile Function<String, Double> active;
    private int generation;

    @SuppressWarnings("unchecked")
    void reload() throws ReflectiveOperationException {
        URLClassLoader loader = new URLClassLoader("plugin-gen-" + (++generation), new URL[] {PLUGIN_LOCATION},
                ClassLoader.getPlatformClassLoader());
        Class<?> type = loader.loadClass("com.acme.plugins.impl.PricingRulesPlugin");
        Function<String, Double> plugin = (Function<String, Double>) type.getDeclaredConstructor().newInstance();
        REGISTRY.add(new LoadedPlugin(generation, loader, plugin));
        active = plugin;
    }

    double price(String sku, int cents) {
        return cents * active.apply(sku);
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

        PluginHost host = new PluginHost();
        host.reload();
        Random random = new Random(13);
        long deadline = System.currentTimeMillis() + 600_000;
        System.out.println("ready");
        double total = 0;
        int tick = 0;
        while (System.currentTimeMillis() < deadline) {
            StringBuilder sheet = new StringBuilder();
            for (int i = 0; i < 500; i++) {
                String sku = "SKU-" + random.nextInt(100_000) + "-" + (char) ('A' + random.nextInt(26));
                double price = host.price(sku, 100 + random.nextInt(10_000));
                sheet.append(sku).append(';').append(String.format("%.2f", price / 100)).append('\n');
                total += price;
            }
            total += sheet.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (++tick % 5 == 0) {
                host.reload();
            }
            Thread.sleep(100);
        }
        System.out.println(total + " after " + REGISTRY.size() + " reloads");
        System.exit(0);
    }
}
