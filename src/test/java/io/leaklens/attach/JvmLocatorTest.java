package io.leaklens.attach;

import io.leaklens.fixtures.Idle;
import io.leaklens.model.JvmInfo;
import io.leaklens.support.ChildJvm;
import io.leaklens.support.SourceFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class JvmLocatorTest {

    private static ChildJvm idle;
    private static ChildJvm jar;
    private static ChildJvm source17;
    private static ChildJvm source25;
    private static ChildJvm attachDisabled;
    private static ChildJvm noPerfData;
    private static List<JvmInfo> listed;

    @BeforeAll
    static void startChildren() throws Exception {
        Path jarFile = SourceFiles.jar("idle-shop.jar", Idle.class);
        Path foo = SourceFiles.fooJava();
        List<ChildJvm> children = ChildJvm.startAll(
                ChildJvm.of(Idle.class),
                ChildJvm.ofMain(jarFile.toString()),
                ChildJvm.hasJdk(17) ? ChildJvm.ofMain(foo.toString()).jdk(17) : null,
                ChildJvm.ofMain(foo.toString()),
                // an option with a separate value before the main class must not be taken for it
                ChildJvm.of(Idle.class).jvmOptions("-XX:+DisableAttachMechanism",
                        "--add-opens", "java.base/java.lang=ALL-UNNAMED"),
                ChildJvm.of(Idle.class).jvmOptions("-XX:-UsePerfData"));
        idle = children.get(0);
        jar = children.get(1);
        source17 = children.get(2);
        source25 = children.get(3);
        attachDisabled = children.get(4);
        noPerfData = children.get(5);
        listed = new JvmLocator().list();
    }

    @AfterAll
    static void stopChildren() {
        ChildJvm.closeAll(idle, jar, source17, source25, attachDisabled, noPerfData);
    }

    private static Optional<JvmInfo> listed(ChildJvm child) {
        return listed.stream().filter(j -> j.pid() == child.pid()).findFirst();
    }

    @Test
    void listsAJvmByItsMainClass() {
        assertThat(listed(idle)).hasValueSatisfying(jvm -> {
            assertThat(jvm.displayName()).isEqualTo("io.leaklens.fixtures.Idle");
            assertThat(jvm.commandLine()).startsWith("io.leaklens.fixtures.Idle");
            assertThat(jvm.attachable()).isTrue();
        });
    }

    @Test
    void listsAJarByItsFileName() {
        assertThat(listed(jar)).map(JvmInfo::displayName).hasValue("idle-shop.jar");
    }

    @Test
    void listsASourceLaunchedProgramByItsFileNameOnJdk17() {
        assumeTrue(source17 != null, "no JDK 17 installed");
        assertThat(listed(source17)).map(JvmInfo::displayName).hasValue("Foo.java");
    }

    @Test
    void listsASourceLaunchedProgramByItsFileNameOnJdk25() {
        assertThat(listed(source25)).map(JvmInfo::displayName).hasValue("Foo.java");
    }

    @Test
    void listsAJvmThatRefusesAttachAsNotAttachable() {
        assertThat(listed(attachDisabled)).hasValueSatisfying(jvm -> {
            assertThat(jvm.attachable()).isFalse();
            assertThat(jvm.displayName()).isEqualTo("io.leaklens.fixtures.Idle");
        });
    }

    @Test
    void aJvmWithoutPerformanceDataIsNotListed() {
        assertThat(listed(noPerfData)).isEmpty();
    }

    @Test
    void neverListsItself() {
        assertThat(listed).extracting(JvmInfo::pid).doesNotContain(ProcessHandle.current().pid());
        assertThat(new JvmLocator().find(ProcessHandle.current().pid())).isEmpty();
    }

    @Test
    void listsEachJvmOnceSortedByName() {
        assertThat(listed).extracting(JvmInfo::pid).doesNotHaveDuplicates();
        assertThat(listed).extracting(JvmInfo::displayName).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
    }

    @Test
    void findsAListedJvmByPid() {
        assertThat(new JvmLocator().find(idle.pid())).map(JvmInfo::displayName).hasValue("io.leaklens.fixtures.Idle");
    }

    @Test
    void aFinishedJvmIsNoLongerListed() {
        ChildJvm shortLived = ChildJvm.of(Idle.class).start();
        assertThat(new JvmLocator().find(shortLived.pid())).isPresent();

        shortLived.kill();

        assertThat(new JvmLocator().find(shortLived.pid())).isEmpty();
    }
}
