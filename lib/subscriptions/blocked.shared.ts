// Client-safe: the verbs refuse with it, and the subscriber's Subscriptions tab shows it in place of Unsubscribe.

/** Why a subscriber can neither remove a blocked subscription nor subscribe that application again. */
export const BLOCKED_STICKS = "An administrator blocked this subscription: only an administrator can lift the block or remove it.";
