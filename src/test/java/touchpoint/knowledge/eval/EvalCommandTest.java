package touchpoint.knowledge.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.serde.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvalCommandTest {

    private static String resource(String name) throws Exception {
        return Path.of(EvalCommandTest.class.getResource("/knowledge/" + name).toURI()).toString();
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_print_one_json_report_as_the_last_stdout_line() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = EvalCommand.run(new String[] {"--faq", resource("faq"), "--queries", resource("queries.jsonl"),
                    "--learn", resource("learn.jsonl")});
        } finally {
            System.setOut(original);
        }
        assertThat(exit).isZero();
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        Map<String, Object> report = ObjectMapper.getDefault().readValue(lines.get(lines.size() - 1), Map.class);
        assertThat(report).containsKeys("queries", "inScope", "top1", "top3", "inScopeAccuracy", "withinOneClarification",
                "clarifyRate", "oosRecall", "oosPrecision", "p50Ms", "p99Ms", "quickShare", "p50CpuMs", "cpuMsPerQuery");
        assertThat(report.get("queries")).isEqualTo(5);
        assertThat(report.get("inScope")).isEqualTo(4);
        assertThat(((Number) report.get("top3")).doubleValue()).isBetween(0.0, 1.0);
        assertThat(((Number) report.get("quickShare")).doubleValue()).isBetween(0.0, 1.0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_count_mixed_in_off_topic_questions_as_out_of_scope_except_an_excluded_domain() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = EvalCommand.run(new String[] {"--faq", resource("faq"), "--queries", resource("queries.jsonl"),
                    "--oos", resource("oos-mini.jsonl"), "--oos-exclude-domain", "near-bank", "--oos-scores"});
        } finally {
            System.setOut(original);
        }
        assertThat(exit).isZero();
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        Map<String, Object> report = ObjectMapper.getDefault().readValue(lines.get(lines.size() - 1), Map.class);
        assertThat(report.get("queries")).isEqualTo(8);
        assertThat(report.get("inScope")).isEqualTo(4);
        assertThat(report).containsKeys("oosRecall", "oosPrecision", "inScopeFallbackRate");
        assertThat(lines).anyMatch(l -> l.startsWith("| relative Mahalanobis |"));
    }

    @Test
    void should_fail_with_usage_when_required_options_are_missing() {
        assertThat(EvalCommand.run(new String[] {"--faq", "x"})).isNotZero();
    }
}
