package touchpoint.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import touchpoint.knowledge.Decision;
import touchpoint.knowledge.FaqView;
import touchpoint.knowledge.KnowledgeBase;
import touchpoint.knowledge.Question;
import touchpoint.testing.ScriptedKnowledgeBase;

/**
 * The bot decides its answer before it takes the conversation's lock: a slow decision (a busy encoder, a language
 * model taking seconds) must not hold up anyone else writing to the conversation, and a decision that went stale
 * meanwhile is made again.
 */
@MicronautTest(transactional = false)
@Property(name = "touchpoint.test.gated-knowledge", value = "true")
class BotDecidesOutsideTheLockIT {

    @Inject
    ChatService chat;

    @Inject
    Transcript transcript;

    @Inject
    GatedKnowledge knowledge;

    @BeforeEach
    void reset() {
        knowledge.reset();
    }

    @AfterEach
    void releaseAnyone() {
        knowledge.release.countDown();
    }

    @Test
    void should_let_other_writes_to_the_conversation_through_while_the_bot_is_still_deciding() throws Exception {
        ChatService.Started c = chat.start(null, null);
        CompletableFuture<Optional<ChatService.Sent>> sending = CompletableFuture.supplyAsync(
                () -> chat.send(c.id(), c.token(), "slow-1", "slow question about a return"));
        assertThat(knowledge.entered.await(5, TimeUnit.SECONDS)).isTrue();

        // An agent's or a timer's write to the same conversation while the bot is still thinking.
        Optional<Transcript.Written<TranscriptEvent>> meanwhile = CompletableFuture.supplyAsync(() -> transcript.write(c.id(),
                session -> session.append(NewEvent.of(EventType.SYSTEM_NOTICE).text("meanwhile")))).get(5, TimeUnit.SECONDS);

        assertThat(meanwhile).isPresent();
        assertThat(sending).isNotDone();
        knowledge.release.countDown();
        ChatService.Sent sent = sending.get(5, TimeUnit.SECONDS).orElseThrow();
        assertThat(sent.accepted().seq()).isEqualTo(meanwhile.get().value().seq() + 1);
        assertThat(sent.replies()).singleElement().satisfies(reply -> {
            assertThat(reply.type()).isEqualTo(EventType.BOT_ANSWERED);
            assertThat(reply.faqId()).isEqualTo("return-policy");
        });
        // The write in between changed nothing the question depends on: the early decision was used.
        assertThat(knowledge.decisions("slow question about a return")).isEqualTo(1);
    }

    @Test
    void should_decide_again_when_the_customer_asked_something_else_in_the_meantime() throws Exception {
        ChatService.Started c = chat.start(null, null);
        CompletableFuture<Optional<ChatService.Sent>> sending = CompletableFuture.supplyAsync(
                () -> chat.send(c.id(), c.token(), "slow-1", "slow question about a return"));
        assertThat(knowledge.entered.await(5, TimeUnit.SECONDS)).isTrue();

        ChatService.Sent other = chat.send(c.id(), c.token(), "fast-2", "how long is the return window?").orElseThrow();
        knowledge.release.countDown();
        ChatService.Sent first = sending.get(5, TimeUnit.SECONDS).orElseThrow();

        assertThat(other.replies()).extracting(TranscriptEvent::faqId).containsExactly("return-policy");
        assertThat(first.accepted().seq()).isGreaterThan(other.accepted().seq());
        assertThat(first.replies()).extracting(TranscriptEvent::faqId).containsExactly("return-policy");
        // Decided once early without the other question as context, and once more with it, inside the lock.
        assertThat(knowledge.decisions("slow question about a return")).isEqualTo(2);
        assertThat(knowledge.lastContext("slow question about a return")).containsExactly("how long is the return window?");
    }

    @Test
    void should_not_ask_the_knowledge_base_about_messages_another_rule_takes() {
        ChatService.Started c = chat.start(null, null);

        assertThat(replyTypes(chat.send(c.id(), c.token(), "m1", "hi!"))).containsExactly(EventType.BOT_SMALL_TALK);
        assertThat(knowledge.total()).isZero();

        assertThat(replyTypes(chat.send(c.id(), c.token(), "m2", "refund or return?"))).containsExactly(EventType.BOT_CLARIFIED);
        assertThat(knowledge.total()).isEqualTo(1);

        assertThat(replyTypes(chat.send(c.id(), c.token(), "m3", "1"))).containsExactly(EventType.BOT_ANSWERED);
        assertThat(replyTypes(chat.send(c.id(), c.token(), "m2", "refund or return?"))).containsExactly(EventType.BOT_CLARIFIED);
        assertThat(knowledge.total()).as("a clarify choice and a retried message need no new decision").isEqualTo(1);

        assertThat(replyTypes(chat.send(c.id(), c.token(), "m4", "talk to a person please"))).contains(EventType.HANDOFF_REQUESTED);
        chat.send(c.id(), c.token(), "m5", "what is your return policy?");
        assertThat(knowledge.total()).as("nothing is decided for a hand-off request or while waiting for an agent").isEqualTo(1);
    }

    private static List<EventType> replyTypes(Optional<ChatService.Sent> sent) {
        return sent.orElseThrow().replies().stream().map(TranscriptEvent::type).toList();
    }

    /** The scripted knowledge base, counting its decisions and holding "slow" questions until released. */
    @Singleton
    @Replaces(KnowledgeBase.class)
    @Requires(property = "touchpoint.test.gated-knowledge", value = "true")
    static class GatedKnowledge implements KnowledgeBase {
        private final ScriptedKnowledgeBase scripted = new ScriptedKnowledgeBase();
        private final Map<String, AtomicInteger> decisions = new ConcurrentHashMap<>();
        private final Map<String, List<String>> contexts = new ConcurrentHashMap<>();
        volatile CountDownLatch entered;
        volatile CountDownLatch release;

        void reset() {
            decisions.clear();
            contexts.clear();
            entered = new CountDownLatch(1);
            release = new CountDownLatch(1);
        }

        int decisions(String text) {
            return decisions.getOrDefault(text, new AtomicInteger()).get();
        }

        int total() {
            return decisions.values().stream().mapToInt(AtomicInteger::get).sum();
        }

        List<String> lastContext(String text) {
            return contexts.get(text);
        }

        @Override
        public Decision decide(Question question) {
            decisions.computeIfAbsent(question.text(), t -> new AtomicInteger()).incrementAndGet();
            contexts.put(question.text(), question.context());
            if (question.text().startsWith("slow")) {
                entered.countDown();
                try {
                    if (!release.await(10, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("never released");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return scripted.decide(question);
        }

        @Override
        public Optional<FaqView> faq(String id) {
            return scripted.faq(id);
        }

        @Override
        public List<FaqView> all() {
            return scripted.all();
        }
    }
}
