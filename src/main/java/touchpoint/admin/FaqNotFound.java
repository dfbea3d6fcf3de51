package touchpoint.admin;

import touchpoint.infra.NotFound;

/** No FAQ with that id (deleted ones count as gone except for their history), or no such revision of it. */
class FaqNotFound extends NotFound {

    FaqNotFound(String id) {
        super("No FAQ with id '" + id + "'");
    }

    private FaqNotFound(String id, long revision) {
        super("FAQ '" + id + "' has no revision " + revision);
    }

    static FaqNotFound revision(String id, long revision) {
        return new FaqNotFound(id, revision);
    }
}
