package touchpoint.handoff;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * Everything about escalation and routing that an operator may want to tune, under {@code touchpoint.handoff}.
 *
 * @param personPhrases phrases that ask for a person wherever they appear (lower case)
 * @param personWords single words that ask for a person only in a short message ("agent please"), since
 *     "my delivery agent never came" is a question for the bot
 * @param personWordMaxWords how many words a message may have for {@code personWords} to count
 * @param fallbacksBeforeHandoff bot fallbacks in a row that hand the conversation to a person (0 disables)
 * @param thumbsDownBeforeHandoff answers rated unhelpful that hand the conversation to a person (0 disables)
 * @param frustrationThreshold score of {@link FrustrationDetector} at which the conversation goes to a person (0 disables)
 * @param frustrationWords words and phrases that signal anger or frustration (each scores 2)
 * @param profanity words that score 3 on their own
 * @param defaultTeam the team that takes conversations no FAQ or touchpoint routes elsewhere
 * @param maxConversationsPerAgent how many conversations automatic assignment gives one agent at once
 * @param autoAssign whether waiting conversations go to online agents by themselves (otherwise agents claim)
 * @param heartbeatStaleAfter an online agent without a heartbeat for this long counts as offline
 * @param waitingNoticeInterval at most one queue notice per conversation in this interval
 * @param minutesPerConversation the average handling time used for the honest "expected wait" estimate
 * @param sweepInterval how often waiting conversations are offered to agents again (missed events, stale presence)
 */
@ConfigurationProperties("touchpoint.handoff")
public record HandoffConfig(
        @Bindable(defaultValue = "talk to a person,speak to a person,talk to a human,speak to a human,talk to someone,speak to someone,speak with someone,talk with someone,real person,real human,actual person,live agent,live person,human agent,customer service rep,representative please,connect me to an agent,connect me with an agent,speak to an agent,talk to an agent,speak to an operator,talk to an operator,get me a human,i want a human,i want a person")
        List<String> personPhrases,
        @Bindable(defaultValue = "human,person,agent,operator,representative,someone,somebody,staff,humans,people")
        List<String> personWords,
        @Bindable(defaultValue = "4") int personWordMaxWords,
        @Bindable(defaultValue = "2") int fallbacksBeforeHandoff,
        @Bindable(defaultValue = "2") int thumbsDownBeforeHandoff,
        @Bindable(defaultValue = "3") int frustrationThreshold,
        @Bindable(defaultValue = "useless,ridiculous,worst,terrible,awful,pathetic,stupid,hopeless,waste of time,unacceptable,fed up,sick of,joke,rubbish,garbage,annoying,angry,furious,horrible,incompetent,nonsense,scam,disgusting,hate")
        List<String> frustrationWords,
        @Bindable(defaultValue = "damn,shit,fuck,fucking,crap,bullshit,wtf,bloody,hell,piss,bastard")
        List<String> profanity,
        @Bindable(defaultValue = "support") String defaultTeam,
        @Bindable(defaultValue = "3") int maxConversationsPerAgent,
        @Bindable(defaultValue = "true") boolean autoAssign,
        @Bindable(defaultValue = "60s") Duration heartbeatStaleAfter,
        @Bindable(defaultValue = "60s") Duration waitingNoticeInterval,
        @Bindable(defaultValue = "4") int minutesPerConversation,
        @Bindable(defaultValue = "15s") Duration sweepInterval) {
}
