package touchpoint.contact;

import jakarta.inject.Singleton;
import java.util.Optional;
import touchpoint.survey.FollowUpNames;

/**
 * A recovery follow-up's greeting: the name of the contact the conversation belongs to, when known. An erased
 * contact is greeted without a name, since its name may not have been blanked yet when the agent writes.
 */
@Singleton
class FollowUpContactNames implements FollowUpNames {

    private final Contacts contacts;

    FollowUpContactNames(Contacts contacts) {
        this.contacts = contacts;
    }

    @Override
    public Optional<String> nameOf(String conversationId) {
        return contacts.contactOf(conversationId).flatMap(contacts::find).filter(c -> c.erasedAt() == null)
                .map(Contact::name).filter(name -> !name.isBlank()).map(String::strip);
    }
}
