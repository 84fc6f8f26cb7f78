package io.leaklens.attach;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

/**
 * Diagnostic commands run in a target through its attach listener, as the {@code jcmd} tool runs them:
 * {@code GC.class_histogram}, {@code JFR.start}, {@code GC.heap_dump}. Unlike JMX, this starts nothing in the
 * target: on Java 17, starting the management agent alone makes String- and collection-heavy code 25–35 % slower for
 * good (docs/performance.md), and VisualVM and JMC start it too.
 * <p>
 * The JDK's client for this is {@code sun.tools.attach.HotSpotVirtualMachine.executeJCmd}, in a package that
 * {@code jdk.attach} does not export; javac refuses {@code --add-exports} of a system module with {@code --release},
 * so it is called reflectively, and only when the launcher exported the package to us
 * ({@code --add-exports jdk.attach/sun.tools.attach=ALL-UNNAMED}): {@link #available()} says whether it did.
 * Each command opens its own connection to the listener; the target runs them one at a time.
 */
public final class Jcmd implements AutoCloseable {

    private static final String CLIENT_PACKAGE = "sun.tools.attach";
    private static final Method EXECUTE = executeMethod();

    private final VirtualMachine vm;
    private final long pid;

    private Jcmd(VirtualMachine vm, long pid) {
        this.vm = vm;
        this.pid = pid;
    }

    /** Whether this JVM may run diagnostic commands in others: the launcher exported the JDK's client to us. */
    public static boolean available() {
        return EXECUTE != null;
    }

    /** Attaches to the target; the caller has checked the pid ({@link JvmConnector}). */
    static Jcmd attach(long pid) throws IOException, AttachNotSupportedException {
        if (!available()) {
            throw new IOException("this JVM cannot run diagnostic commands in others (start it with --add-exports "
                    + "jdk.attach/" + CLIENT_PACKAGE + "=ALL-UNNAMED)");
        }
        return new Jcmd(VirtualMachine.attach(Long.toString(pid)), pid);
    }

    /**
     * Runs one command, such as {@code GC.class_histogram} or {@code JFR.stop name=x}, and returns what it printed.
     * A command that fails in the target's own words (most JFR commands print their errors) returns normally: the
     * caller checks the text.
     *
     * @throws IOException the target refused the command or went away
     */
    public String execute(String command) throws IOException {
        try (InputStream out = (InputStream) EXECUTE.invoke(vm, command)) {
            return new String(readAll(out), StandardCharsets.UTF_8);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(command + " failed in JVM " + pid + ": " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IOException("the JDK's attach client refused " + command + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads into the start of a buffer each time: the JDK's attach stream mishandles an offset into the buffer (JDK
     * 25.0.3: readAllBytes fails past 16 KB with "Array region out of bounds", and a JDK 17 target's long answer came
     * back cut short).
     */
    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
            all.write(buffer, 0, n);
        }
        return all.toByteArray();
    }

    public long pid() {
        return pid;
    }

    @Override
    public void close() throws IOException {
        vm.detach();
    }

    private static Method executeMethod() {
        Module attach = VirtualMachine.class.getModule();
        if (!attach.isExported(CLIENT_PACKAGE, Jcmd.class.getModule())) {
            return null;
        }
        Class<?> client = Class.forName(attach, CLIENT_PACKAGE + ".HotSpotVirtualMachine");
        try {
            return client == null ? null : client.getMethod("executeJCmd", String.class);
        } catch (NoSuchMethodException e) {
            return null; // a JDK without HotSpot's client: the JMX transport remains
        }
    }
}
