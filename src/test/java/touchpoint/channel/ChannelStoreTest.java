package touchpoint.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micronaut.serde.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import touchpoint.infra.Ids;
import touchpoint.infra.LiveBus;
import touchpoint.testing.ManualClock;

class ChannelStoreTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final ChannelRepository table = mock(ChannelRepository.class);
    private final FakeBus bus = new FakeBus();
    private final ManualClock clock = new ManualClock(T0);
    private final ChannelsConfig config = new ChannelsConfig(true, Duration.ofSeconds(1), 4, 200, Duration.ofHours(26),
            Duration.ofSeconds(1), Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(10));
    private final ChannelStore store = new ChannelStore(table, ObjectMapper.getDefault(), bus, clock, config);
    private final ChannelSecrets secrets = new ChannelSecrets(store, null);

    @Test
    void should_read_the_table_once_for_any_number_of_lookups() {
        when(table.findAllOrderByCreatedAt()).thenReturn(List.of(row("c1", true, "key-1")));

        for (int i = 0; i < 5; i++) {
            assertThat(store.find("c1")).get().extracting(Channel::enabled).isEqualTo(true);
            assertThat(secrets.matches("c1", "apiKey", "key-1")).isTrue();
        }

        verify(table, times(1)).findAllOrderByCreatedAt();
        verify(table, never()).findById(anyString());
    }

    @Test
    void should_see_a_change_announced_by_another_instance_at_the_next_lookup() {
        when(table.findAllOrderByCreatedAt()).thenReturn(List.of(row("c1", true, "key-1")));
        assertThat(store.find("c1")).get().extracting(Channel::enabled).isEqualTo(true);

        when(table.findAllOrderByCreatedAt()).thenReturn(List.of(row("c1", false, "key-2")));
        bus.deliver(ChannelStore.TOPIC, "\"c1\"");

        assertThat(store.find("c1")).get().extracting(Channel::enabled).isEqualTo(false);
        assertThat(secrets.matches("c1", "apiKey", "key-1")).isFalse();
        assertThat(secrets.matches("c1", "apiKey", "key-2")).isTrue();
    }

    @Test
    void should_announce_its_own_change_and_see_it_before_returning() {
        when(table.findAllOrderByCreatedAt()).thenReturn(List.of(row("c1", true, "key-1")));
        assertThat(store.find("c1")).get().extracting(Channel::enabled).isEqualTo(true);
        ChannelRow disabled = row("c1", false, "key-1");
        when(table.update(disabled)).thenReturn(disabled);
        when(table.findAllOrderByCreatedAt()).thenReturn(List.of(disabled));

        store.update(disabled);

        assertThat(bus.published).containsExactly(ChannelStore.TOPIC + " \"c1\"");
        assertThat(store.find("c1")).get().extracting(Channel::enabled).isEqualTo(false);
    }

    @Test
    void should_read_the_table_again_after_cache_for_when_an_announcement_was_lost() {
        when(table.findAllOrderByCreatedAt()).thenReturn(List.of(row("c1", true, "key-1")));
        assertThat(store.find("c1")).get().extracting(Channel::enabled).isEqualTo(true);
        when(table.findAllOrderByCreatedAt()).thenReturn(List.of(row("c1", false, "key-1")));

        clock.advance(Duration.ofSeconds(9));
        boolean beforeExpiry = store.find("c1").orElseThrow().enabled();
        clock.advance(Duration.ofSeconds(2));
        boolean afterExpiry = store.find("c1").orElseThrow().enabled();

        assertThat(beforeExpiry).isTrue();
        assertThat(afterExpiry).isFalse();
    }

    @Test
    void should_check_a_key_for_an_unknown_channel_without_reading_the_table() {
        when(table.findAllOrderByCreatedAt()).thenReturn(List.of(row("c1", true, "key-1")));

        assertThat(secrets.matches("guessed-id", "apiKey", "key-1")).isFalse();
        assertThat(secrets.matches("c1", "webhookSecret", "key-1")).isFalse();
        assertThat(secrets.matches("c1", "apiKey", null)).isFalse();

        verify(table, never()).findById(anyString());
    }

    @Test
    void should_find_a_channel_created_elsewhere_whose_announcement_was_lost() {
        when(table.findAllOrderByCreatedAt()).thenReturn(List.of());
        assertThat(store.find("c2")).isEmpty();
        when(table.findById("c2")).thenReturn(Optional.of(row("c2", true, "key-2")));
        when(table.findAllOrderByCreatedAt()).thenReturn(List.of(row("c2", true, "key-2")));

        assertThat(store.find("c2")).isPresent();
        assertThat(secrets.matches("c2", "apiKey", "key-2")).isTrue();
    }

    private static ChannelRow row(String id, boolean enabled, String apiKey) {
        String secrets = "{\"apiKey\":{\"kind\":\"sha-256\",\"value\":\"" + Ids.hash(apiKey) + "\"}}";
        return new ChannelRow(id, "api", "App " + id, enabled, "{\"webhookUrl\":\"https://hooks.example.com/\"}", secrets, T0, T0);
    }

    /** Records what is published; {@link #deliver} plays a message arriving from another instance. */
    private static final class FakeBus implements LiveBus {
        final List<String> published = new ArrayList<>();
        final List<Consumer<LiveMessage>> listeners = new CopyOnWriteArrayList<>();

        @Override
        public void publish(String topic, String json) {
            published.add(topic + " " + json);
        }

        @Override
        public void subscribe(Consumer<LiveMessage> listener) {
            listeners.add(listener);
        }

        void deliver(String topic, String json) {
            listeners.forEach(l -> l.accept(new LiveMessage(topic, json)));
        }
    }
}
