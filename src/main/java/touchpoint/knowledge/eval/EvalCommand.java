package touchpoint.knowledge.eval;

import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import touchpoint.knowledge.Decision;
import touchpoint.knowledge.Faq;
import touchpoint.knowledge.KnowledgeConfig;
import touchpoint.knowledge.KnowledgeEngine;
import touchpoint.knowledge.Question;
import touchpoint.knowledge.content.FaqLoader;
import touchpoint.knowledge.content.LoadReport;
import touchpoint.knowledge.retrieval.EmbeddingChoice;
import touchpoint.knowledge.retrieval.Ranking;
import touchpoint.knowledge.retrieval.ScopeScores;

/**
 * Offline evaluation of the knowledge engine on a faq-content directory and a JSONL query file. Builds the
 * engine directly (no application context, no database). Progress goes to stderr; the last stdout line is
 * one JSON object.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Measure retrieval and decisions on labelled queries.")
public final class EvalCommand implements Callable<Integer> {

    private static final int WARM_UP = 30;
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    // The whole process's CPU, since an idle engine's encoder runs on every core. Linux counts it in 10 ms
    // ticks, so only the mean over many queries is meaningful; the calling thread's time is exact.
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    @Option(names = "--faq", required = true, description = "faq-content directory")
    Path faqDir;

    @Option(names = "--queries", required = true, description = "JSONL {\"text\":..., \"expected\": id|null}")
    Path queries;

    @Option(names = "--learn", description = "JSONL phrasings to add to their FAQs before indexing")
    Path learn;

    @Option(names = "--learn-approved",
            description = "JSONL questions answered by agents with an FAQ, added the way the product adds them: each"
                    + " proposed as a phrasing (PII-masked, clipped, repeats skipped), every proposal approved")
    Path learnApproved;

    @Option(names = "--baseline", description = "rank by plain nearest-neighbour cosine instead")
    boolean baseline;

    @Option(names = "--holdout-fraction", defaultValue = "0",
            description = "remove this share of FAQs (seeded); their queries become out of scope")
    double holdoutFraction;

    @Option(names = "--seed", defaultValue = "7", description = "seed for --holdout-fraction")
    long seed;

    @Option(names = "--embeddings", description = "CASCADE, BGE, MINILM or BOTH (default: the engine's default, CASCADE)")
    EmbeddingChoice embeddings;

    @Option(names = "--cascade-confidence",
            description = "with CASCADE, the small model's ranking stands from this confidence on (default 0.8)")
    Double cascadeConfidence;

    @Option(names = "--fallback-threshold", description = "override the calibrated fallback threshold")
    Double fallbackThreshold;

    @Option(names = "--oos",
            description = "JSONL {\"text\":..., \"domain\":...} of off-topic questions, mixed in as out of scope")
    Path oos;

    @Option(names = "--oos-exclude-domain", split = ",",
            description = "off-topic domains not counted as out of scope (e.g. near-bank when a bank is in scope);"
                    + " their fallback rate is reported on its own")
    List<String> oosExcludedDomains = new ArrayList<>();

    @Option(names = "--oos-scores",
            description = "also compare out-of-scope scores on the large model's embeddings (AUROC, recall at 2 %"
                    + " in-scope fallbacks), printed as a markdown table before the JSON line")
    boolean oosScores;

    @Option(names = "--background",
            description = "with --oos-scores, JSONL off-topic questions used as evidence of what is not ours")
    Path background;

    @Option(names = "--not-ours",
            description = "JSONL {\"text\":...} questions the knowledge base does not answer, given to the engine as"
                    + " its \"not ours\" examples (none may equal an evaluated question)")
    Path notOurs;

    @Option(names = "--not-ours-split",
            description = "give the engine this share of the --oos questions of each domain (seeded by --seed) as"
                    + " \"not ours\" examples, and evaluate only the rest")
    double notOursSplit;

    @Option(names = "--not-ours-withheld",
            description = "with --not-ours-split, split the same way but give the engine no examples: the figure"
                    + " before, on the same questions")
    boolean notOursWithheld;

    @Option(names = "--show-scope-errors",
            description = "print to stderr each out-of-scope query answered and each in-scope query that fell back")
    boolean showScopeErrors;

    private EvalCommand() {
    }

    public static int run(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "touchpoint/knowledge/eval/logback-eval.xml");
        }
        return new CommandLine(new EvalCommand()).execute(args);
    }

    @Override
    public Integer call() throws IOException {
        ObjectMapper json = ObjectMapper.getDefault();
        LoadReport report = new FaqLoader().load(faqDir);
        report.problems().forEach(p -> System.err.println("skipped " + p));
        List<Faq> faqs = new ArrayList<>(report.faqs());
        if (learn != null) {
            faqs = learnPhrasings(faqs, readQueries(json, learn));
        }
        if (learnApproved != null) {
            List<touchpoint.knowledge.LearnedPhrasings.Approved> answered = readQueries(json, learnApproved).stream()
                    .map(q -> new touchpoint.knowledge.LearnedPhrasings.Approved(q.expected(), q.text())).toList();
            List<touchpoint.knowledge.LearnedPhrasings.Approved> approved = touchpoint.knowledge.LearnedPhrasings.proposeAll(answered);
            System.err.printf("%d agent answers proposed and approved as %d phrasings%n", answered.size(), approved.size());
            faqs = new ArrayList<>(touchpoint.knowledge.LearnedPhrasings.serve(faqs, approved));
        }
        Set<String> removed = holdout(faqs);
        faqs.removeIf(f -> removed.contains(f.id()));

        KnowledgeConfig config = KnowledgeConfig.defaults();
        if (embeddings != null) {
            config = config.withEmbeddings(embeddings);
        }
        if (fallbackThreshold != null) {
            config = config.withFallbackThreshold(fallbackThreshold);
        }
        if (cascadeConfidence != null) {
            config = config.withCascadeConfidence(cascadeConfidence);
        }
        KnowledgeEngine engine = KnowledgeEngine.standalone(config);
        long buildStart = System.nanoTime();
        engine.rebuild(faqs);
        long buildMs = (System.nanoTime() - buildStart) / 1_000_000;
        System.err.printf("index built in %d ms (%d FAQs)%n", buildMs, faqs.size());
        List<OffTopicQuestion> offTopic = oos == null ? List.of() : readOffTopic(json, oos);
        List<String> examples = new ArrayList<>();
        if (notOurs != null) {
            readOffTopic(json, notOurs).forEach(o -> examples.add(o.text()));
        }
        if (notOursSplit > 0) {
            List<OffTopicQuestion> split = splitOff(offTopic);
            offTopic = new ArrayList<>(offTopic);
            offTopic.removeAll(split);
            if (!notOursWithheld) {
                split.forEach(o -> examples.add(o.text()));
            }
        }
        if (!examples.isEmpty()) {
            long start = System.nanoTime();
            engine.notOurs(examples);
            System.err.printf("%d not-ours examples given in %d ms%n", examples.size(), (System.nanoTime() - start) / 1_000_000);
        }

        List<EvalQuery> qs = new ArrayList<>(readQueries(json, queries).stream()
                .map(q -> q.expected() != null && removed.contains(q.expected()) ? new EvalQuery(q.text(), null) : q)
                .toList());
        // Off-topic questions by position in qs, so each can be told apart by domain.
        Map<Integer, String> domains = new HashMap<>();
        Set<String> given = new HashSet<>(examples.stream().map(EvalCommand::normalize).toList());
        if (readQueries(json, queries).stream().anyMatch(q -> given.contains(normalize(q.text())))
                || offTopic.stream().anyMatch(o -> given.contains(normalize(o.text())))) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "a \"not ours\" example is also an evaluated question: the examples must be disjoint from them");
        }
        int[] vetoed = new int[2];
        if (oos != null) {
            for (OffTopicQuestion o : offTopic) {
                domains.put(qs.size(), o.domain() == null ? "-" : o.domain());
                qs.add(new EvalQuery(o.text(), null));
            }
            System.err.printf("mixed in %d off-topic questions (%s not counted)%n", domains.size(), oosExcludedDomains);
        }
        ScopeScores scopeScores = oosScores ? scopeScores(json, engine) : null;
        OosScoreTable scoreTable = scopeScores == null ? null : new OosScoreTable(scoreNames(scopeScores));
        // The same comparison with only the excluded (near-domain) questions as the off-topic side.
        OosScoreTable nearTable = scopeScores == null ? null : new OosScoreTable(scoreNames(scopeScores));
        BackgroundVeto veto = scopeScores != null && background != null ? new BackgroundVeto(scopeScores.backgroundCut()) : null;
        Map<String, int[]> byDomain = new TreeMap<>();
        for (int i = 0; i < Math.min(WARM_UP, qs.size()); i++) {
            engine.assess(Question.of(qs.get(i).text()));
        }
        Metrics metrics = new Metrics();
        int step = Math.max(1, qs.size() / 10);
        for (int i = 0; i < qs.size(); i++) {
            EvalQuery q = qs.get(i);
            String domain = domains.get(i);
            boolean counted = domain == null || !oosExcludedDomains.contains(domain);
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long process0 = OS.getProcessCpuTime();
            long t0 = System.nanoTime();
            if (baseline) {
                List<String> ranked = engine.nearestNeighbour(q.text());
                metrics.time(System.nanoTime() - t0, THREADS.getCurrentThreadCpuTime() - cpu0,
                        OS.getProcessCpuTime() - process0);
                metrics.addBaseline(q.expected(), ranked);
            } else {
                KnowledgeEngine.Assessment assessed = engine.assess(Question.of(q.text()));
                metrics.time(System.nanoTime() - t0, THREADS.getCurrentThreadCpuTime() - cpu0,
                        OS.getProcessCpuTime() - process0);
                Decision d = assessed.decision();
                Ranking ranking = assessed.ranking();
                if (ranking.notOurs() && counted) {
                    vetoed[q.expected() == null ? 1 : 0]++;
                }
                List<String> ranked = ranking.ranked().stream().map(s -> s.faqId()).toList();
                if (domain != null) {
                    int[] tally = byDomain.computeIfAbsent(domain, k -> new int[2]);
                    tally[0]++;
                    tally[1] += d.outcome() == Decision.Outcome.FALLBACK ? 1 : 0;
                }
                if (scoreTable != null) {
                    double[] s = scopeScores.score(engine.embed(q.text()));
                    double[] row = new double[s.length + 1];
                    row[0] = ranking.inScopeProbability();
                    System.arraycopy(s, 0, row, 1, s.length);
                    if (counted) {
                        scoreTable.add(q.expected() == null, row);
                    }
                    if (!counted || q.expected() != null) {
                        nearTable.add(q.expected() == null, row);
                    }
                    if (veto != null) {
                        veto.add(q.expected() == null, !counted, d.outcome() == Decision.Outcome.FALLBACK, s[ScopeScores.NOT_OURS_MARGIN],
                                s[ScopeScores.NOT_BACKGROUND]);
                    }
                }
                if (!counted) {
                    continue;
                }
                metrics.add(q.expected(), d, ranked, ranking.byQuickModel());
                if (showScopeErrors && (q.expected() == null) != (d.outcome() == Decision.Outcome.FALLBACK)) {
                    System.err.printf("%s %s -> %s %s (in scope %.3f)%n", q.expected() == null ? "MISSED-OOS" : "FALSE-FALLBACK",
                            q.text(), d.outcome(), ranked.isEmpty() ? "-" : ranked.get(0),
                            ranking.inScopeProbability());
                }
            }
            if ((i + 1) % step == 0) {
                System.err.printf("%d%% (%d/%d)%n", (i + 1) * 100 / qs.size(), i + 1, qs.size());
            }
        }
        EvalReport result = metrics.report(baseline ? "baseline" : "engine", faqs.size(), buildMs,
                engine.calibration().threshold(), engine.cascades() && !baseline);
        if (!examples.isEmpty()) {
            System.err.printf("not-ours examples made %d in-scope and %d off-topic questions fall back%n", vetoed[0], vetoed[1]);
        }
        byDomain.forEach((domain, tally) -> System.err.printf("off-topic %-22s %4d questions, %.3f fell back%s%n",
                domain, tally[0], tally[1] / (double) tally[0],
                oosExcludedDomains.contains(domain) ? " (not counted)" : ""));
        PrintWriter out = new PrintWriter(System.out, true);
        if (scoreTable != null) {
            out.print(scoreTable.markdown());
            if (!oosExcludedDomains.isEmpty()) {
                out.println("Off-topic side: only the excluded domains " + oosExcludedDomains);
                out.print(nearTable.markdown());
            }
            if (veto != null) {
                out.print(veto.markdown());
            }
        }
        out.println(json.writeValueAsString(result));
        return 0;
    }

    private static List<EvalQuery> readQueries(ObjectMapper json, Path file) throws IOException {
        List<EvalQuery> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                out.add(json.readValue(line, EvalQuery.class));
            }
        }
        return out;
    }

    private static List<OffTopicQuestion> readOffTopic(ObjectMapper json, Path file) throws IOException {
        List<OffTopicQuestion> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                out.add(json.readValue(line, OffTopicQuestion.class));
            }
        }
        return out;
    }

    /** The scores compared, fitted on the served FAQs' phrasings as the large model embeds them (all cached). */
    private ScopeScores scopeScores(ObjectMapper json, KnowledgeEngine engine) throws IOException {
        List<float[]> vectors = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<Faq> served = engine.faqs();
        for (int c = 0; c < served.size(); c++) {
            Faq faq = served.get(c);
            List<String> texts = new ArrayList<>();
            texts.add(faq.title());
            texts.addAll(faq.questions());
            for (String t : texts) {
                vectors.add(engine.embed(t));
                labels.add(c);
            }
        }
        List<float[]> other = new ArrayList<>();
        if (background != null) {
            List<OffTopicQuestion> bg = readOffTopic(json, background);
            System.err.printf("embedding %d background questions%n", bg.size());
            for (OffTopicQuestion o : bg) {
                other.add(engine.embed(o.text()));
            }
        }
        return ScopeScores.fit(vectors.toArray(float[][]::new), labels.stream().mapToInt(Integer::intValue).toArray(),
                served.size(), other.toArray(float[][]::new));
    }

    private static List<String> scoreNames(ScopeScores scores) {
        List<String> names = new ArrayList<>();
        names.add("engine P(in scope), as decided");
        names.addAll(scores.names());
        return names;
    }

    private static List<Faq> learnPhrasings(List<Faq> faqs, List<EvalQuery> taught) {
        Map<String, List<String>> extra = new HashMap<>();
        for (EvalQuery q : taught) {
            if (q.expected() != null) {
                extra.computeIfAbsent(q.expected(), k -> new ArrayList<>()).add(q.text());
            }
        }
        List<Faq> out = new ArrayList<>();
        for (Faq f : faqs) {
            out.add(f.withExtraQuestions(extra.getOrDefault(f.id(), List.of())));
        }
        System.err.printf("learned %d phrasings%n", taught.size());
        return out;
    }

    /**
     * The share {@code notOursSplit} of each counted domain's off-topic questions, seeded: what an admin might have
     * marked "not ours" from this knowledge base's own gaps. Near-domain questions stay out, as in the counts.
     */
    private List<OffTopicQuestion> splitOff(List<OffTopicQuestion> offTopic) {
        Map<String, List<OffTopicQuestion>> byDomain = new TreeMap<>();
        for (OffTopicQuestion o : offTopic) {
            String domain = o.domain() == null ? "-" : o.domain();
            if (!oosExcludedDomains.contains(domain)) {
                byDomain.computeIfAbsent(domain, k -> new ArrayList<>()).add(o);
            }
        }
        Random random = new Random(seed);
        List<OffTopicQuestion> split = new ArrayList<>();
        byDomain.values().forEach(questions -> {
            List<OffTopicQuestion> shuffled = new ArrayList<>(questions);
            Collections.shuffle(shuffled, random);
            split.addAll(shuffled.subList(0, (int) Math.round(shuffled.size() * notOursSplit)));
        });
        System.err.printf("split off %d of %d off-topic questions as not-ours examples%s%n", split.size(), offTopic.size(),
                notOursWithheld ? " (withheld from the engine)" : "");
        return split;
    }

    private static String normalize(String text) {
        return text.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
    }

    private Set<String> holdout(List<Faq> faqs) {
        if (holdoutFraction <= 0) {
            return Set.of();
        }
        List<String> ids = new ArrayList<>(faqs.stream().map(Faq::id).sorted().toList());
        Collections.shuffle(ids, new Random(seed));
        Set<String> removed = new HashSet<>(ids.subList(0, (int) Math.round(ids.size() * holdoutFraction)));
        System.err.printf("held out %d FAQs; their queries count as out of scope%n", removed.size());
        return removed;
    }
}
