package io.leaklens.heapdump;

import io.leaklens.model.HeapDumpReport;
import io.leaklens.support.ChildJvm;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeapDumpTest {

    @Test
    void printsTheReport() throws Exception {
        HeapDump dump = HeapDump.read(FixtureDumps.plain(ChildJvm.CURRENT));
        HeapDumpReport report = dump.report(10);
        System.out.println(report.summary());
        report.topClasses().forEach(System.out::println);
        report.topDominators().forEach(System.out::println);
        report.suspects().forEach(System.out::println);
        System.out.println(report.timings());
        assertThat(report.suspects()).isNotEmpty();
    }
}
