package org.chorus.email;

/** One claimed outbox row, ready to be rendered and sent. */
record OutboxMessage(long id, long letterId, String messageId, byte[] recipient, String list, int attempts) {}
