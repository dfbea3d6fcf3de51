package touchpoint.chat;


public enum Author {
    CUSTOMER, BOT, AGENT, SYSTEM;

    public String json() {
        return name().toLowerCase();
    }
}
