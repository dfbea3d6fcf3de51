package touchpoint.handoff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import touchpoint.chat.ConversationNotFound;
import touchpoint.chat.EventType;
import touchpoint.chat.Transcript;
import touchpoint.chat.TranscriptEvent;
import touchpoint.handoff.HandoffApi.ConversationView;
import touchpoint.handoff.HandoffApi.FaqSnippet;
import touchpoint.handoff.HandoffApi.MyConversation;
import touchpoint.handoff.HandoffApi.PresenceRequest;
import touchpoint.handoff.HandoffApi.PresenceResponse;
import touchpoint.handoff.HandoffApi.QueueEntry;
import touchpoint.handoff.HandoffApi.QueueResponse;
import touchpoint.handoff.HandoffApi.ReplyRequest;
import touchpoint.handoff.HandoffApi.TransferRequest;
import touchpoint.infra.JsonRequests;
import touchpoint.infra.Roles;
import touchpoint.knowledge.KnowledgeBase;

/** The agent console's API. Any agent may read and claim from the queue; only the owner writes to a conversation. */
@Controller("/api/agent")
@Secured({Roles.AGENT, Roles.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Agent")
class AgentController {

    private final AgentActions actions;
    private final HandoffQueue queue;
    private final Presence presence;
    private final CurrentAgent current;
    private final AgentDirectory directory;
    private final Transcript transcript;
    private final HandoffSummarizer summarizer;
    private final KnowledgeBase knowledge;
    private final JsonRequests requests;
    private final Clock clock;

    AgentController(AgentActions actions, HandoffQueue queue, Presence presence, CurrentAgent current,
                    AgentDirectory directory, Transcript transcript, HandoffSummarizer summarizer, KnowledgeBase knowledge, JsonRequests requests, Clock clock) {
        this.actions = actions;
        this.queue = queue;
        this.presence = presence;
        this.current = current;
        this.directory = directory;
        this.transcript = transcript;
        this.summarizer = summarizer;
        this.knowledge = knowledge;
        this.requests = requests;
        this.clock = clock;
    }

    @Put("/presence")
    @Operation(summary = "Set presence (online, away, offline); sending it again is the heartbeat")
    PresenceResponse presence(Authentication auth, @Body @Nullable JsonNode body) {
        Actor actor = current.of(auth);
        PresenceRequest r = requests.read(body, PresenceRequest.class);
        actions.setPresence(actor.agentId(), PresenceStatus.valueOf(r.status().toUpperCase(Locale.ROOT)));
        return new PresenceResponse(presence.of(actor.agentId()).name().toLowerCase(Locale.ROOT));
    }

    @Get("/queue")
    @Operation(summary = "Waiting conversations, oldest first, with waiting time; and the caller's own conversations")
    QueueResponse queue(Authentication auth) {
        Actor actor = current.of(auth);
        List<String> myTeams = directory.teamsOf(actor.agentId());
        Instant now = clock.instant();
        List<QueueEntry> waiting = queue.waiting().stream().map(c -> new QueueEntry(c.conversationId(), c.touchpoint(), c.team(),
                c.reason(), c.requestedAt(), Duration.between(c.requestedAt(), now).toSeconds(), queue.position(c),
                c.offlineEmail() != null, c.offlineEmail(), myTeams.contains(c.team()))).toList();
        List<MyConversation> mine = queue.activeFor(actor.agentId()).stream()
                .map(c -> new MyConversation(c.conversationId(), c.touchpoint(), c.team(), c.assignedAt())).toList();
        return new QueueResponse(waiting, mine, presence.of(actor.agentId()).name().toLowerCase(Locale.ROOT));
    }

    @Get("/conversations/{id}")
    @Operation(summary = "The whole transcript with the hand-off summary and survey answers")
    ConversationView conversation(Authentication auth, String id) {
        current.of(auth);
        var summary = transcript.conversation(id).orElseThrow(ConversationNotFound::new);
        List<TranscriptEvent> events = transcript.events(id);
        var state = touchpoint.chat.ConversationState.replay(id, events);
        var handoffCase = queue.caseOf(id);
        HandoffSummary s = summarizer.summarize(events);
        return new ConversationView(id, summary.touchpoint(), summary.locale(), state.status(), state.agentId().orElse(null),
                state.team().orElse(null), handoffCase.map(CaseRow::reason).orElse(null),
                handoffCase.map(CaseRow::requestedAt).orElse(null), handoffCase.map(CaseRow::offlineEmail).orElse(null),
                s, s.surveyAnswers(), events, summary.channelType());
    }

    @Post("/conversations/{id}/claim")
    @Operation(summary = "Take a waiting conversation; 409 when it is not waiting (someone else was faster)")
    HttpResponse<?> claim(Authentication auth, String id) {
        actions.claim(id, current.of(auth));
        return HttpResponse.ok(java.util.Map.of("claimed", id));
    }

    @Post("/conversations/{id}/messages")
    @Operation(summary = "Reply to the customer (only the owning agent)")
    HttpResponse<?> reply(Authentication auth, String id, @Body @Nullable JsonNode body) {
        Actor actor = current.of(auth);
        ReplyRequest r = requests.read(body, ReplyRequest.class);
        boolean stored = actions.reply(id, actor, r.text().strip(), r.clientMessageId());
        return HttpResponse.ok(java.util.Map.of("sent", EventType.AGENT_REPLIED.name(), "duplicate", !stored));
    }

    @Post("/conversations/{id}/handback")
    @Operation(summary = "Give the conversation back to the bot")
    HttpResponse<?> handBack(Authentication auth, String id) {
        actions.handBack(id, current.of(auth));
        return HttpResponse.ok(java.util.Map.of("state", "BOT"));
    }

    @Post("/conversations/{id}/resolve")
    @Operation(summary = "Mark the conversation resolved")
    HttpResponse<?> resolve(Authentication auth, String id) {
        actions.resolve(id, current.of(auth));
        return HttpResponse.ok(java.util.Map.of("state", "RESOLVED"));
    }

    @Post("/conversations/{id}/transfer")
    @Operation(summary = "Move the conversation to another team's queue, or with agentId straight to that agent of the team")
    HttpResponse<?> transfer(Authentication auth, String id, @Body @Nullable JsonNode body) {
        Actor actor = current.of(auth);
        TransferRequest r = requests.read(body, TransferRequest.class);
        actions.transfer(id, actor, r.team(), r.agentId());
        return HttpResponse.ok(java.util.Map.of("team", r.team()));
    }

    @Get("/faqs")
    @Operation(summary = "FAQ answers an agent can insert into a reply")
    List<FaqSnippet> faqs(Authentication auth) {
        current.of(auth);
        return knowledge.all().stream().map(f -> new FaqSnippet(f.id(), f.title(), f.team(), f.bodyMarkdown()))
                .sorted(java.util.Comparator.comparing(FaqSnippet::title)).toList();
    }

    @Get("/teams")
    @Operation(summary = "Teams a conversation can be transferred to")
    List<String> teams(Authentication auth) {
        current.of(auth);
        return directory.allTeams();
    }
}
