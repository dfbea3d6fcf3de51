package touchpoint.infra;

/**
 * A {@code POST /login} was refused for its credentials. Published by infra, which knows no feature; the audit log
 * listens.
 *
 * @param username the user name that was tried (chosen by the caller: clipped and stripped of control characters)
 * @param clientAddress where the attempt came from
 * @param failuresInARow failed sign-ins for this user name since its last successful one
 * @param lockedSeconds how long further sign-ins for this user name or from this address now wait, 0 when not locked
 */
public record SignInFailed(String username, String clientAddress, int failuresInARow, long lockedSeconds) {
}
