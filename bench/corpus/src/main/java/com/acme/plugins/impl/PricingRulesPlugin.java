package com.acme.plugins.impl;

import java.util.function.Function;

/**
 * The plugin that PluginHost reloads: loaded by a fresh URLClassLoader each time, never by the application class
 * loader. Its class initialiser builds a 128 KB rule table, so each copy of the class costs that much heap.
 */
public class PricingRulesPlugin implements Function<String, Double> {

    private static final double[] RULES = new double[16_384];

    static {
        for (int i = 0; i < RULES.length; i++) {
            RULES[i] = 1.0 + ((i * 2654435761L) % 1000) / 10_000.0;
        }
    }

    private final long loadedAt = System.nanoTime();

    @Override
    public Double apply(String sku) {
        return RULES[Math.floorMod(sku.hashCode(), RULES.length)];
    }

    @Override
    public String toString() {
        return "PricingRulesPlugin@" + loadedAt;
    }
}
