/**
 * Finding local JVMs and connecting to them. Listing never attaches (it reads what each JVM publishes about
 * itself); connecting attaches once to start a JMX agent in the target that listens on loopback only, and then
 * talks JMX to it.
 * Every failure becomes an {@link io.leaklens.attach.AttachException} whose message is one sentence for a person.
 * May use model, jdk.attach and java.management only.
 */
package io.leaklens.attach;
