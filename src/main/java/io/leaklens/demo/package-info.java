/**
 * The built-in demo target: a small shop service with a real leak, a bounded cache and plenty of short-lived
 * garbage, run in a JVM of its own so that a new user sees LeakLens at work at once. Uses java.base only, and
 * nothing else of LeakLens depends on it (it is started by class name).
 */
package io.leaklens.demo;
