// What an unknown thrown value says, for messages (one line) and logs (with the stack).

/** The message of a thrown value: an Error's message, else the value as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** For a log: the stack when there is one, else the message. */
export function errorDetail(error: unknown): string {
  return error instanceof Error ? error.stack ?? error.message : String(error);
}
