
/**
 * Group commit for citizen writes on SQLite (docs/citizen-voice.md, "Speed and durability").
 *
 * With `synchronous=FULL` every commit waits until the WAL is on disk, and better-sqlite3 waits
 * synchronously, on the event loop. One transaction per answer makes that wait and the fixed cost
 * of a transaction the limit. A batch writer instead hands everything that arrived while the
 * previous batch was being written to one `commit` function, which checks and writes the whole
 * batch in ONE transaction and returns one outcome per submission. No submission's promise settles
 * before `commit` returned, that is after the COMMIT: an answer is acknowledged only once it is on
 * disk. When `commit` throws, every submission of the batch fails with that error.
 *
 * There is no timer: when nothing is being written, a submission starts a batch on the next turn of
 * the event loop (requests that arrived in the same turn join it); under load a batch takes
 * everything that queued while the previous one was committing, up to `maxBatch`. At low load the
 * latency is that of one transaction; at high load the cost of a commit is shared.
 */

export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

export interface BatchWriter<I, R> {
  /** Resolves (or rejects) with this item's outcome once the batch it joined was committed (or failed). */
  submit(item: I): Promise<R>;
}

/** At most this many submissions share one transaction: bounds how long other readers wait for the connection, and the statements' parameter counts. */
export const MAX_BATCH = 256;

const turn = () => new Promise<void>((r) => setImmediate(r));

/** A writer that runs `commit` on batches of submitted items, one batch at a time. */
export const batchWriter = <I, R>(commit: (items: I[]) => Promise<Outcome<R>[]>, maxBatch = MAX_BATCH): BatchWriter<I, R> => {
  const queue: { item: I; resolve: (value: R) => void; reject: (error: unknown) => void }[] = [];
  let running = false;
  const drain = async () => {
    try {
      // A turn of the event loop before every batch: requests that arrived meanwhile join it, and
      // the answers of the previous batch go out first.
      for (await turn(); queue.length > 0; await turn()) {
        const batch = queue.splice(0, maxBatch);
        let outcomes: Outcome<R>[];
        try {
          outcomes = await commit(batch.map((b) => b.item));
        } catch (error) {
          outcomes = batch.map(() => ({ ok: false, error }));
        }
        batch.forEach((b, i) => {
          const outcome = outcomes[i] ?? { ok: false, error: new Error('the batch returned no outcome for this item') };
          if (outcome.ok) b.resolve(outcome.value);
          else b.reject(outcome.error);
        });
      }
    } finally {
      running = false;
    }
  };
  return {
    submit: (item) =>
      new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (!running) {
          running = true;
          void drain();
        }
      }),
  };
};
