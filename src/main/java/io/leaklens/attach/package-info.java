/**
 * Finding local JVMs and connecting to them. Listing never attaches (it reads what each JVM publishes about
 * itself). Connecting, by default, starts nothing in the target ({@link io.leaklens.attach.JcmdConnection}): memory
 * from its performance data, CPU from /proc, histograms and heap dumps by diagnostic commands through the attach
 * listener ({@link io.leaklens.attach.Jcmd}). Over JMX ({@link io.leaklens.attach.JmxConnection}), it attaches once to
 * start an agent in the target that listens on loopback only, and then talks JMX to it.
 * Every failure becomes an {@link io.leaklens.attach.AttachException} whose message is one sentence for a person.
 * May use model, jdk.attach and java.management only.
 */
package io.leaklens.attach;
