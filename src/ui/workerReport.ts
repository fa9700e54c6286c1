// A one-shot background run: start a worker, post it the run, take the report it sends back (or
// its error), and end the worker either way. Anything that throws on the way is the promise's
// rejection, not the caller's exception.

export function reportFromWorker<R>(start: () => Worker, message: () => unknown, what: string): Promise<R> {
  return new Promise((resolve, reject) => {
    const worker = start();
    worker.onmessage = (e: MessageEvent<{ report?: R; error?: string }>) => {
      worker.terminate();
      if (e.data.report) resolve(e.data.report);
      else reject(new Error(e.data.error ?? `${what} failed`));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message));
    };
    worker.postMessage(message());
  });
}
