package touchpoint.admin;

/** The role names the admin API requires; tokens carry them in their {@code roles} claim. */
final class Roles {

    static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
