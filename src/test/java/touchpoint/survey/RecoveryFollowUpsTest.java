package touchpoint.survey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecoveryFollowUpsTest {

    @Test
    void should_greet_the_customer_by_name_and_name_the_low_score_on_its_scale() {
        String text = RecoveryFollowUps.template("Ann", "low CSAT 2: \"slow\"; frustrated hand-off", "Grace");

        assertThat(text).startsWith("Hello Ann,").contains("rated your recent conversation with us 2 out of 5")
                .endsWith("Grace, support team").doesNotContain("slow");
    }

    @Test
    void should_greet_without_a_name_and_apologise_for_a_frustrated_hand_off() {
        String text = RecoveryFollowUps.template(null, "frustrated hand-off", null);

        assertThat(text).startsWith("Hello,").contains("frustrating").doesNotContain("out of").endsWith("Your support team");
    }

    @Test
    void should_use_each_survey_types_own_scale() {
        assertThat(RecoveryFollowUps.template(null, "low CES 1", null)).contains("1 out of 7");
        assertThat(RecoveryFollowUps.template(null, "low NPS 3", null)).contains("3 out of 10");
    }
}
