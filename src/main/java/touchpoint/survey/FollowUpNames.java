package touchpoint.survey;

import java.util.Optional;

/**
 * The name the customer of a conversation gave, for greeting them in a service-recovery follow-up. Filled by the contacts feature;
 * without it a follow-up greets without a name.
 */
public interface FollowUpNames {

    Optional<String> nameOf(String conversationId);
}
