package touchpoint.channel.api;

import jakarta.inject.Singleton;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The server-side request forgery guard: a webhook URL whose host resolves to an address of the service's own
 * networks (loopback, private, link-local such as cloud metadata, carrier-grade NAT, unique-local IPv6, unspecified,
 * multicast) is refused, unless {@code touchpoint.webhooks.allow-private-networks} is set. Checked when the URL is
 * configured and again before every delivery, since what a name resolves to can change.
 */
@Singleton
class WebhookTargets {

    private final WebhooksConfig config;

    WebhookTargets(WebhooksConfig config) {
        this.config = config;
    }

    /** Why this URL may not be called, or empty when it may. A name that does not resolve is a refusal too. */
    Optional<String> refusal(URI url) {
        if (config.allowPrivateNetworks()) {
            return Optional.empty();
        }
        String host = url.getHost();
        if (host == null) {
            return Optional.of("the URL has no host");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return Optional.of(host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Optional.of(host + " resolves to " + address.getHostAddress()
                        + ", a loopback, private or link-local address (set touchpoint.webhooks.allow-private-networks to allow)");
            }
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0                                   // "this network"
                    && !(first == 100 && second >= 64 && second < 128)  // carrier-grade NAT, often a cloud's internal range
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19))    // benchmarking
                    && first < 240;                             // reserved and broadcast
        }
        if (a instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false;                                   // unique local fc00::/7
            }
            boolean mappedOrCompatible = true;
            for (int i = 0; i < 10; i++) {
                mappedOrCompatible &= b[i] == 0;
            }
            if (mappedOrCompatible && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))) {
                try {
                    return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }
}
