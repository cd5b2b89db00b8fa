// tRPC transport limits (S3), shared by the browser's client and the server's handler so that the
// client never builds a request the server refuses.

/** Procedures per HTTP request: the client splits larger batches, the server refuses them (400). */
export const TRPC_MAX_BATCH_SIZE = 20;

/** Bytes of a mutation's body (the largest form, an order with gift card text, is a few KB). */
export const TRPC_MAX_BODY_BYTES = 100 * 1024;
