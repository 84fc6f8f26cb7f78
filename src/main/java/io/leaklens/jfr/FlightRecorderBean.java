package io.leaklens.jfr;

import jdk.management.jfr.FlightRecorderMXBean;

import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import java.io.IOException;

/** The target's {@code jdk.management.jfr:type=FlightRecorder} bean, reached over a JMX connection. */
final class FlightRecorderBean {

    static final ObjectName NAME = objectName();

    private FlightRecorderBean() {
    }

    /** Whether the target has a Flight Recorder bean; a failing connection throws. */
    static void check(MBeanServerConnection connection) throws IOException {
        if (!connection.isRegistered(NAME)) {
            throw new IOException("the target JVM has no Flight Recorder (no " + NAME + " bean)");
        }
    }

    /** Whether the target still answers over this connection: a cheap JMX round trip. */
    static boolean answers(MBeanServerConnection connection) {
        try {
            return connection.isRegistered(NAME);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static FlightRecorderMXBean proxy(MBeanServerConnection connection) {
        return JMX.newMXBeanProxy(connection, NAME, FlightRecorderMXBean.class);
    }

    private static ObjectName objectName() {
        try {
            return new ObjectName(FlightRecorderMXBean.MXBEAN_NAME);
        } catch (MalformedObjectNameException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
