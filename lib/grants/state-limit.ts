/** The state a client may send: it is echoed into the redirect and carried by the consent form, so it is bounded. */
export const MAX_STATE_BYTES = 2048;

/** Whether a `state` value is over the bound (RFC 6749 leaves its length to the server). */
export const stateTooLong = (state: string) => Buffer.byteLength(state) > MAX_STATE_BYTES;
