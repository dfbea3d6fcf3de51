package touchpoint.contact;

import touchpoint.infra.Conflict;

/** The conversation already belongs to another verified customer: two verified identities are never merged. */
public class IdentityConflict extends Conflict {
    public IdentityConflict() {
        super("identity", "the conversation belongs to another identified customer");
    }
}
