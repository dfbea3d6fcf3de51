package touchpoint.handoff;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * What is known about the customer that changes how they are served: a team that takes them whatever they
 * asked about, and whether they go ahead of the queue. Filled by the contacts feature (rules on contact
 * attributes such as {@code vip=true} or {@code plan=enterprise}, read on every decision so a change applies
 * without a restart); without it, routing and the queue are what they always were.
 */
public interface CustomerPriority {

    /** The team for this conversation's customer, if a rule names one. */
    Optional<String> team(String conversationId);

    /** Of these waiting conversations, those whose customer is served first. */
    Set<String> servedFirst(Collection<String> conversationIds);
}
