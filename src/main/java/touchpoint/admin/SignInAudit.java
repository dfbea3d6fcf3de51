package touchpoint.admin;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import touchpoint.infra.SignInFailed;

/** Failed sign-ins go to the audit log, where an admin sees a password being guessed and from where. */
@Singleton
class SignInAudit {

    private final AuditLog audit;

    SignInAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void on(SignInFailed event) {
        String detail = "from " + event.clientAddress() + "; " + event.failuresInARow() + " failed in a row"
                + (event.lockedSeconds() > 0 ? "; sign-in locked for " + event.lockedSeconds() + " s" : "");
        // The caller chose the user name and is not signed in: the actor is the address, the target the name tried.
        audit.record(event.clientAddress(), "login.failed", "user:" + (event.username().isEmpty() ? "(none)" : event.username()), detail);
    }
}
