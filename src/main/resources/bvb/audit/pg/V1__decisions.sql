-- Decision records, one row each, in append order (seq). The record column holds the same compact
-- JSON as one line of the JSONL log; id is the record's own id, unique across every writer.
CREATE TABLE bvb_decisions (
  seq         bigserial   PRIMARY KEY,
  id          text        COLLATE "C" NOT NULL UNIQUE,
  strategy    text        NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  record      text        NOT NULL
);
