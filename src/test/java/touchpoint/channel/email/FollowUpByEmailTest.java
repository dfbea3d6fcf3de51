package touchpoint.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FollowUpByEmailTest {

    @Test
    void should_mask_an_address_down_to_its_first_letter_and_its_domain() {
        assertThat(FollowUpByEmail.masked("Carla.Mendes@example.com")).isEqualTo("C***@example.com");
        assertThat(FollowUpByEmail.masked("b@example.org")).isEqualTo("b***@example.org");
    }

    @Test
    void should_show_nothing_of_something_that_is_not_an_address() {
        assertThat(FollowUpByEmail.masked("no-at-sign")).isEqualTo("***");
        assertThat(FollowUpByEmail.masked("@example.org")).isEqualTo("***");
    }
}
