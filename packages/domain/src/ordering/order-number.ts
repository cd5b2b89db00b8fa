// W6: the one order number every screen, ticket, message and the API show for an order.
// The order id's first 8 hex digits, upper case: short enough to read out over the phone, long
// enough (4.3 billion values) that two orders of one shop practically never share it. Hex has no
// O/I/L, so what the florist reads out is what the customer sees.

const UUID_HEX = /^[0-9a-f]{8}-?[0-9a-f]{4}/i;

/** Characters in an order number. */
export const ORDER_NUMBER_LENGTH = 8;

/** "3F9A0C12" for order id "3f9a0c12-…". Refuses a value that is not an order id. */
export function orderNumber(orderId: string): string {
  if (!UUID_HEX.test(orderId)) throw new RangeError(`not an order id: ${orderId}`);
  return orderId.slice(0, ORDER_NUMBER_LENGTH).toUpperCase();
}

/** The number as screens print it: "#3F9A0C12". */
export const orderNumberLabel = (orderId: string) => `#${orderNumber(orderId)}`;
