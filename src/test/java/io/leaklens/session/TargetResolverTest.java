package io.leaklens.session;

import io.leaklens.fixtures.Idle;
import io.leaklens.support.ChildJvm;
import io.leaklens.support.SourceFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class TargetResolverTest {

    /** Unique to this run, so that other JVMs on the machine never match. */
    private static final String TAG = "res" + UUID.randomUUID().toString().substring(0, 8);
    private static Path alphaJar;
    private static ChildJvm alpha;
    private static ChildJvm beta;
    private final TargetResolver resolver = new TargetResolver();

    @BeforeAll
    static void startChildren() throws Exception {
        alphaJar = SourceFiles.jar(TAG + "-Alpha.jar", Idle.class);
        Path betaJar = SourceFiles.jar(TAG + "-beta.jar", Idle.class);
        List<ChildJvm> children = ChildJvm.startAll(ChildJvm.ofMain(alphaJar.toString()),
                ChildJvm.ofMain(betaJar.toString()));
        alpha = children.get(0);
        beta = children.get(1);
    }

    @AfterAll
    static void stopChildren() {
        ChildJvm.closeAll(alpha, beta);
    }

    @Test
    void aNumberIsAPidAsItIs() throws Exception {
        assertThat(resolver.resolve("12345")).isEqualTo(12345);
        assertThat(resolver.resolve(" 42 ")).isEqualTo(42);
    }

    @Test
    void aNumberTooLargeForAPidIsNoProcess() {
        assertThatThrownBy(() -> resolver.resolve("99999999999999999999"))
                .isInstanceOf(SessionException.class).hasMessage("no process with pid 99999999999999999999");
    }

    @Test
    void anEmptyTargetIsRefused() {
        assertThatThrownBy(() -> resolver.resolve("  ")).isInstanceOf(SessionException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void aPartOfOneJvmsNameInAnyCaseIsThatJvm() throws Exception {
        assertThat(resolver.resolve(TAG.toUpperCase() + "-alpha")).isEqualTo(alpha.pid());
        assertThat(resolver.resolve(TAG + "-beta.jar")).isEqualTo(beta.pid());
    }

    @Test
    void aPartOfOneJvmsCommandLineIsThatJvmWhenNoNameMatches() throws Exception {
        String folder = alphaJar.getParent().getFileName().toString(); // only in the command line

        assertThat(resolver.resolve(folder)).isEqualTo(alpha.pid());
    }

    @Test
    void noMatchListsTheCandidates() {
        assertThatThrownBy(() -> resolver.resolve("no-such-" + TAG))
                .isInstanceOf(SessionException.class)
                .hasMessageStartingWith("no JVM of this user matches 'no-such-" + TAG + "'; running: ")
                .hasMessageContaining(alpha.pid() + " " + TAG + "-Alpha.jar")
                .hasMessageContaining(beta.pid() + " " + TAG + "-beta.jar");
    }

    @Test
    void severalMatchesAreListedAndAPidAskedFor() {
        assertThatThrownBy(() -> resolver.resolve(TAG))
                .isInstanceOf(SessionException.class)
                .hasMessage("'" + TAG + "' matches 2 JVMs: " + alpha.pid() + " " + TAG + "-Alpha.jar, " + beta.pid()
                        + " " + TAG + "-beta.jar; give a pid");
    }

    @Test
    void neverResolvesToItself() {
        // the test JVM's own launcher jar is unique to this run and in its listed name
        String ownJar = ProcessHandle.current().info().arguments().stream().flatMap(Arrays::stream)
                .filter(a -> a.endsWith(".jar") && a.contains("surefirebooter")).findFirst()
                .map(a -> Path.of(a).getFileName().toString()).orElse(null);
        assumeTrue(ownJar != null, "not run by surefire");

        assertThatThrownBy(() -> resolver.resolve(ownJar)).isInstanceOf(SessionException.class)
                .hasMessageStartingWith("no JVM of this user matches")
                .hasMessageNotContaining(" " + ProcessHandle.current().pid() + " ");
    }
}
