package io.leaklens.attach;

import io.leaklens.attach.AttachException.Reason;
import io.leaklens.fixtures.Idle;
import io.leaklens.model.JvmInfo;
import io.leaklens.support.ChildJvm;
import io.leaklens.support.SourceFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A JVM of another user (we run as root; the child runs as {@code nobody}) is neither listed nor attached to. */
class OtherUserTest {

    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private static Path shared;
    private static ChildJvm nobodys;

    @BeforeAll
    static void startAJvmAsNobody() throws Exception {
        assumeTrue(Files.isExecutable(SETPRIV), "setpriv is not installed");
        assumeTrue(ProcessHandle.current().info().user().filter("root"::equals).isPresent(),
                "only root can start a process as another user");
        shared = SourceFiles.worldReadableFixtures(ChildJvm.CURRENT);
        nobodys = ChildJvm.of(Idle.class).classPath(shared).workDir(shared)
                .prefix(SETPRIV.toString(), "--reuid=65534", "--regid=65534", "--clear-groups")
                .start();
        assertThat(ProcessHandle.of(nobodys.pid()).flatMap(p -> p.info().user())).hasValue("nobody");
    }

    @AfterAll
    static void stop() throws Exception {
        ChildJvm.closeAll(nobodys);
        SourceFiles.delete(shared);
    }

    @Test
    void isNotListed() {
        assertThat(new JvmLocator().list()).extracting(JvmInfo::pid).doesNotContain(nobodys.pid());
    }

    @Test
    void isRefusedWithTheOwnerNamed() {
        AttachException e = catchThrowableOfType(AttachException.class,
                () -> new JvmConnector().connect(nobodys.pid()).close());

        assertThat(e).isNotNull();
        assertThat(e.reason()).isEqualTo(Reason.OTHER_USER);
        assertThat(e).hasMessage("process " + nobodys.pid() + " belongs to nobody; LeakLens can only attach to JVMs"
                + " of its own user (root)");
    }
}
