package touchpoint.channel.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookTargetsTest {

    private final WebhookTargets guarded = new WebhookTargets(new WebhooksConfig(false, Duration.ofSeconds(1), Duration.ofSeconds(1)));
    private final WebhookTargets open = new WebhookTargets(new WebhooksConfig(true, Duration.ofSeconds(1), Duration.ofSeconds(1)));

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "100.64.0.1",
        "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "224.0.0.1", "255.255.255.255"})
    void should_refuse_addresses_of_the_services_own_networks(String address) throws Exception {
        assertThat(WebhookTargets.isPublic(InetAddress.getByName(address))).isFalse();
        String host = address.contains(":") ? "[" + address + "]" : address;
        assertThat(guarded.refusal(URI.create("http://" + host + "/hook"))).isPresent();
        assertThat(open.refusal(URI.create("http://" + host + "/hook"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.216.34", "2606:4700:4700::1111"})
    void should_allow_public_addresses(String address) throws Exception {
        assertThat(WebhookTargets.isPublic(InetAddress.getByName(address))).isTrue();
    }
}
