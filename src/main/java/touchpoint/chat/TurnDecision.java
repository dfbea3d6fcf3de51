package touchpoint.chat;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * What one {@link CustomerTurnHandler} does with one message, decided from the state and the text alone: whether it
 * takes the message, and the action that carries it out. The same decision answers the lock-free pre-check (only
 * {@link #takes()} is read) and the locked turn (the action runs), so the two cannot disagree.
 */
public final class TurnDecision {

    private static final Consumer<CustomerTurn> NOTHING = turn -> {
    };
    private static final TurnDecision PASS = new TurnDecision(false, NOTHING);

    private final boolean takes;
    private final Consumer<CustomerTurn> action;

    private TurnDecision(boolean takes, Consumer<CustomerTurn> action) {
        this.takes = takes;
        this.action = Objects.requireNonNull(action);
    }

    /** The message is not this step's: later steps decide. */
    public static TurnDecision pass() {
        return PASS;
    }

    /** This step takes the message: {@code action} appends the replies and no later step runs. */
    public static TurnDecision take(Consumer<CustomerTurn> action) {
        return new TurnDecision(true, action);
    }

    /** This step takes the message and deliberately appends nothing, so nobody else speaks either. */
    public static TurnDecision takeInSilence() {
        return new TurnDecision(true, NOTHING);
    }

    /**
     * The message is not this step's, but the step records something first (an open survey question closed because
     * the customer moved on); later steps then decide on the state that includes it. The pre-check, which appends
     * nothing, only passes.
     */
    public static TurnDecision passAfter(Consumer<CustomerTurn> action) {
        return new TurnDecision(false, action);
    }

    public boolean takes() {
        return takes;
    }

    /** Inside the conversation's lock, on the state this decision was made from. */
    void carryOut(CustomerTurn turn) {
        action.accept(turn);
    }
}
