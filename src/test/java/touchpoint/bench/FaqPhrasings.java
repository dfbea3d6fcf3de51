package touchpoint.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * What simulated customers ask: the phrasings listed in faq-content's front matter, with the small
 * perturbations real typing brings (case, greetings, missing punctuation, a typo, a dropped word), and now
 * and then a question no FAQ answers.
 */
final class FaqPhrasings {

    /** One FAQ's id, title and listed questions. */
    record Faq(String id, String title, List<String> questions, String body) {
    }

    private static final String[] PREFIXES = {"", "", "", "hi, ", "hello ", "quick question: ", "um ", "hey there, "};
    private static final String[] SUFFIXES = {"", "", "", " please", " thanks", "??", " asap", " :)"};
    private static final String[] OFF_TOPIC = {
        "do you sell spaceships", "what's the weather like in Lisbon", "can you write me a poem about sofas",
        "who won the football last night", "is your CEO on holiday"};

    private final List<Faq> faqs;
    private final List<String> questions;

    private FaqPhrasings(List<Faq> faqs) {
        this.faqs = faqs;
        this.questions = faqs.stream().flatMap(f -> f.questions().stream()).toList();
        if (questions.isEmpty()) {
            throw new IllegalStateException("no FAQ phrasings found in faq-content");
        }
    }

    static FaqPhrasings load(Path dir) {
        List<Faq> faqs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                faqs.add(parse(Files.readString(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FaqPhrasings(faqs);
    }

    /** Reads the few front-matter keys the bench needs; the knowledge engine owns the real parser. */
    static Faq parse(String markdown) {
        String[] parts = markdown.split("(?m)^---\\s*$", 3);
        String front = parts.length >= 3 ? parts[1] : "";
        String body = parts.length >= 3 ? parts[2].strip() : markdown;
        String id = "";
        String title = "";
        List<String> questions = new ArrayList<>();
        boolean inQuestions = false;
        for (String line : front.split("\n")) {
            if (line.startsWith("id:")) {
                id = unquote(line.substring(3));
            } else if (line.startsWith("title:")) {
                title = unquote(line.substring(6));
            }
            if (line.startsWith("questions:")) {
                inQuestions = true;
            } else if (inQuestions && line.strip().startsWith("- ")) {
                questions.add(unquote(line.strip().substring(2)));
            } else if (!line.startsWith(" ")) {
                inQuestions = false;
            }
        }
        if (!title.isEmpty() && !questions.contains(title)) {
            questions.add(0, title);
        }
        return new Faq(id, title, List.copyOf(questions), body);
    }

    private static String unquote(String s) {
        String t = s.strip();
        if (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("'") && t.endsWith("'"))) {
            t = t.substring(1, t.length() - 1);
        }
        return t.replace("\\\"", "\"");
    }

    List<Faq> faqs() {
        return faqs;
    }

    /** A customer's question: a perturbed FAQ phrasing, or (one time in twelve) something off-topic. */
    String question(Random random) {
        if (random.nextInt(12) == 0) {
            return OFF_TOPIC[random.nextInt(OFF_TOPIC.length)];
        }
        return perturb(questions.get(random.nextInt(questions.size())), random);
    }

    static String perturb(String text, Random random) {
        String t = text;
        if (random.nextBoolean()) {
            t = t.toLowerCase(Locale.ROOT);
        }
        if (random.nextInt(3) == 0) {
            t = t.replaceAll("[?.!]+$", "");
        }
        String[] words = t.split(" ");
        if (words.length > 4 && random.nextInt(4) == 0) {
            int drop = random.nextInt(words.length);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < words.length; i++) {
                if (i != drop) {
                    b.append(b.isEmpty() ? "" : " ").append(words[i]);
                }
            }
            t = b.toString();
        }
        if (random.nextInt(3) == 0 && t.length() > 6) {
            // A typo: two neighbouring letters swapped.
            int i = 1 + random.nextInt(t.length() - 3);
            if (Character.isLetter(t.charAt(i)) && Character.isLetter(t.charAt(i + 1))) {
                t = t.substring(0, i) + t.charAt(i + 1) + t.charAt(i) + t.substring(i + 2);
            }
        }
        return PREFIXES[random.nextInt(PREFIXES.length)] + t + SUFFIXES[random.nextInt(SUFFIXES.length)];
    }
}
