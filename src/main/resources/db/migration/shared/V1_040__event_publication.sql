-- Spring Modulith's event publication registry (schema v2 for PostgreSQL, as in spring-modulith-events-jdbc 2.1
-- schemas/v2/schema-postgresql.sql): one row per event and @ApplicationModuleListener, written in the publishing
-- transaction and deleted when the listener has finished (spring.modulith.events.completion-mode=delete); rows left
-- behind are publications that failed or were cut short, resubmitted at start-up.
CREATE TABLE IF NOT EXISTS event_publication
(
  id                     UUID NOT NULL,
  listener_id            TEXT NOT NULL,
  event_type             TEXT NOT NULL,
  serialized_event       TEXT NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 TEXT,
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS event_publication_serialized_event_hash_idx ON event_publication USING hash(serialized_event);
CREATE INDEX IF NOT EXISTS event_publication_by_completion_date_idx ON event_publication (completion_date);
