package touchpoint.admin;

import touchpoint.infra.Conflict;

/** An edit based on an older revision than the newest: saving it would silently undo someone else's change. */
class StaleRevision extends Conflict {

    StaleRevision(long basedOn, FaqRow row) {
        super("revision", "the FAQ was changed since revision " + basedOn + " (it is now at revision " + row.headRevision()
                + " by " + row.updatedBy() + "); reload it and apply your edit again");
    }
}
