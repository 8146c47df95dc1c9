import { store } from "@/lib/data/store";

// Whom gateways must hear of when an API changes, read by the driver store, where the change commits.

/** An API version's active subscriptions: (client, API) pairs. */
export const servingSubscriptions = (apiId: string) => store().listActiveSubscriptions({ apiId });

/** The active subscriptions to every API version that follows the global `backend_jwt` default (has not chosen itself). */
export const subscriptionsFollowingBackendJwtDefault = () => store().listActiveSubscriptions({ followingBackendJwtDefault: true });
