package io.leaklens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.leaklens.cli.WatchReport.AllocationJson;
import io.leaklens.cli.WatchReport.HeapJson;
import io.leaklens.cli.WatchReport.HopJson;
import io.leaklens.cli.WatchReport.OldObjectJson;
import io.leaklens.cli.WatchReport.ReportJson;
import io.leaklens.cli.WatchReport.RootJson;
import io.leaklens.cli.WatchReport.RuleJson;
import io.leaklens.cli.WatchReport.TargetJson;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CLI's JSON is laid out exactly as Jackson's default pretty printer lays it out (as it was before). */
class JsonTest {

    private static final ObjectMapper JACKSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static void sameAsJackson(Object value) throws Exception {
        assertThat(Json.write(value)).isEqualTo(JACKSON.writeValueAsString(value));
    }

    @Test
    void aReportWithNestedObjectsListsNullsAndOddNumbers() throws Exception {
        RootJson root = new RootJson("static field", "Class Name: com.acme.\"Quoted\"\\Path");
        List<HopJson> path = List.of(new HopJson("java.lang.Class", "ENTRIES"), new HopJson("java.lang.Object[]", null));
        ReportJson report = new ReportJson(
                new TargetJson(4711, "demo\tshop\n", "25.0.3", "", List.of()),
                41.924,
                new HeapJson(155_777_768, 5_278_096, 2_831_155_200L, -1, 5_278_096, -141.8420090309556, null, 4324,
                        7240, 11631, 10, 3.0301006599968903E10, 2345),
                List.of(new AllocationJson("byte[]", 2.7903414926865955E11, "Foo.bar(Foo.java:54)", 11_723_898_815_672L,
                        0.9664699132901168), new AllocationJson("java.lang.String", 0.0, null, 0, 1.2751809715615127E-5)),
                183_402.66666666666, "leak", "grows \u0001 and \u001f, caf\u00e9 \u2603", null,
                List.of(new SuspectJson("com.acme.Entry", 0.5, Double.NaN, Double.POSITIVE_INFINITY, null, root, path,
                        "x\r\b\f", SuspectJson.HEAP_DUMP_HINT)),
                List.of(new RuleJson("live-set", "ok", Double.NEGATIVE_INFINITY, 1, "s", "e")),
                List.of(new OldObjectJson("byte[]", 1.5, 1024, "Foo.bar(Foo.java:1)", null, List.of())),
                new WatchReport.PausesJson(4, 95L, null, "class histograms are off: \"2.1 s\"", 1.3, null),
                null, new WatchReport.RecordingJson(12, 2, 1, List.of(
                        new WatchReport.RecordedJvmJson(4711, "2026-12-07T15:00:00Z", "demo.Main", "17.0.15", "VM"),
                        new WatchReport.RecordedJvmJson(4712, null, "", "", ""))), null);

        sameAsJackson(report);
    }

    @Test
    void listsOfEveryShape() throws Exception {
        sameAsJackson(new ListCommand.ListJson(List.of()));
        sameAsJackson(new ListCommand.ListJson(List.of(new ListCommand.JvmJson(1, "a", true, "java -jar a.jar"),
                new ListCommand.JvmJson(2, "b", false, null))));
        sameAsJackson(new TargetJson(0, "x", "17", "vm", List.of("G1 Young", "G1 Old")));
    }

    @Test
    void whatItCannotWriteIsAnError() {
        assertThatThrownBy(() -> Json.write(new Object())).isInstanceOf(IllegalArgumentException.class);
    }
}
