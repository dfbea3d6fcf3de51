package touchpoint.handoff;

/** What an agent says about themself; a stale heartbeat reads as OFFLINE whatever was said. */
enum PresenceStatus {
    ONLINE, AWAY, OFFLINE
}
