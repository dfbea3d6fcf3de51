package touchpoint.infra;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import java.net.InetSocketAddress;

/** Who is calling, for the limits that are kept per caller. */
final class ClientAddress {

    private ClientAddress() {
    }

    /**
     * The client address: from {@code trustedHeader} when the service's own reverse proxy sets it, else the
     * socket's peer. Only a configured header is read, because a header a client can set itself would let it
     * pick a fresh budget for every request.
     */
    static String of(HttpRequest<?> request, @Nullable String trustedHeader) {
        if (trustedHeader != null && !trustedHeader.isBlank()) {
            String forwarded = request.getHeaders().get(trustedHeader);
            if (forwarded != null && !forwarded.isBlank()) {
                // The proxy appends the peer it saw; the left-most entry is the original client.
                String first = forwarded.split(",", 2)[0].strip();
                return first.length() > 64 ? first.substring(0, 64) : first;
            }
        }
        InetSocketAddress remote = request.getRemoteAddress();
        return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }
}
