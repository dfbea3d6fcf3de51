package touchpoint.chat;

/**
 * The customer's turn, in order: a stored customer message goes down this list until a step takes it. Each step
 * is filled by exactly one {@link CustomerTurnHandler} bean, wherever its feature lives (hand-off and surveys fill
 * theirs without chat knowing them); the position in this list is the only place the order is written.
 */
public enum TurnStep {

    /** (hand-off) Once people own or await the conversation no bot rule applies; a waiting customer hears their place. */
    WAITING_FOR_AGENT,

    /** (hand-off) Asking for a person is honoured before anything the bot could say to the same words. */
    PERSON_REQUEST,

    /** (hand-off) An angry message goes to a person rather than to one more bot answer. */
    FRUSTRATION,

    /** (survey) An open survey question reads "4" or "Skip" as its answer, before a clarify list could take the number. */
    SURVEY_ANSWER,

    /** The bot just asked which FAQ was meant: a pressed option, or its number, is read as the answer first. */
    CLARIFY_CHOICE,

    /** "That didn't help" after an answer rates it and asks again without it, rather than being searched as a question. */
    NOT_HELPFUL,

    /** Greetings, thanks and goodbyes are answered in kind instead of falling back from an FAQ search. */
    SMALL_TALK,

    /** Last, and takes every message left: the knowledge base answers (silent while people own the conversation). */
    KNOWLEDGE
}
