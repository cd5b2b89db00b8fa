// W2: the QR code of an order number, as an SVG string drawn on the server (no client JS, no network).
import QRCode from "qrcode";

/** Black modules on white with a two-module quiet zone; medium error correction survives a smudged slip. */
export function orderQrSvg(orderNo: string): Promise<string> {
  return QRCode.toString(orderNo, { type: "svg", margin: 2, errorCorrectionLevel: "M", color: { dark: "#000000", light: "#ffffff" } });
}
