// Runs items concurrently but emits their outputs in item order: `lanes` runs in flight at once, each
// lane taking the next item as it finishes one, and a finished output is held until every earlier
// one has been emitted. So what is emitted, and its order, do not depend on the number of lanes.

export interface InOrderOptions<T> {
  readonly items: readonly T[];
  /** Runs in flight at once (at least 1). */
  readonly lanes: number;
  readonly run: (item: T) => Promise<string>;
  /** Called with each output in item order; may throw (the runs then stop). */
  readonly emit: (output: string, item: T) => void;
}

/**
 * Resolves when every output is emitted. On a failure no further item starts; the runs in flight
 * finish, the outputs of the items before the failed one are emitted, and the first failure is
 * thrown.
 */
export async function runInOrder<T>(o: InOrderOptions<T>): Promise<void> {
  const held = new Map<number, string>();
  let started = 0;
  let emitted = 0;
  let failure: { error: unknown } | undefined;
  const flush = (): void => {
    for (let out = held.get(emitted); out !== undefined; out = held.get(emitted)) {
      held.delete(emitted);
      o.emit(out, o.items[emitted] as T);
      emitted++;
    }
  };
  const lane = async (): Promise<void> => {
    while (failure === undefined && started < o.items.length) {
      const position = started++;
      try {
        held.set(position, await o.run(o.items[position] as T));
        flush();
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, o.lanes) }, lane));
  if (failure !== undefined) throw failure.error;
}
