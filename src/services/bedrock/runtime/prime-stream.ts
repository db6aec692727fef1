/**
 * Waits for a stream's first item before the operation answers, so a backend that fails at once (throttled,
 * unreachable, refusing the request) produces an HTTP error response rather than a 200 with an in-stream exception,
 * and so the first frame can be flushed as soon as the headers are. The returned iterable replays that item.
 */
export async function primeStream<T>(source: AsyncIterable<T>): Promise<AsyncIterable<T>> {
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  return {
    [Symbol.asyncIterator]() {
      let replayed = false;
      return {
        next: async () => {
          if (!replayed) {
            replayed = true;
            return first;
          }
          return iterator.next();
        },
        return: async (value?: unknown) => {
          await iterator.return?.(value);
          return { done: true, value: undefined };
        },
      };
    },
  };
}
