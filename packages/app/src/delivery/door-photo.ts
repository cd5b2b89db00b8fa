// The photo at the door (D5), made safe to keep and to show: decoded (which refuses anything that
// is not an image, whatever its name or declared type), turned upright from its EXIF orientation,
// shrunk to at most 1600 px a side and re-encoded as JPEG. sharp writes no metadata unless asked
// (no withMetadata / keepExif here), so EXIF — GPS position, camera, time — is dropped.
import sharp from "sharp";

export const DOOR_PHOTO_MAX_BYTES = 8 * 1024 * 1024;
const MAX_SIDE = 1600;
// A decompression bomb's guard: a phone photo is ~50 Mpx at most.
const MAX_INPUT_PIXELS = 100_000_000;
const IMAGE_FORMATS = new Set(["jpeg", "png", "webp", "heif", "avif", "tiff", "gif"]);

export type DoorPhotoResult = { ok: true; bytes: Uint8Array; width: number; height: number } | { ok: false; reason: "TOO_LARGE" | "NOT_AN_IMAGE" };

export async function prepareDoorPhoto(input: Uint8Array): Promise<DoorPhotoResult> {
  if (input.byteLength > DOOR_PHOTO_MAX_BYTES) return { ok: false, reason: "TOO_LARGE" };
  try {
    const meta = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    if (!meta.format || !IMAGE_FORMATS.has(meta.format)) return { ok: false, reason: "NOT_AN_IMAGE" };
    const { data, info } = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, animated: false })
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: "inside", withoutEnlargement: true })
      .jpeg({ quality: 80, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { ok: true, bytes: new Uint8Array(data), width: info.width, height: info.height };
  } catch {
    // sharp could not decode it (a renamed text file, a truncated upload, an HEIC without its codec).
    return { ok: false, reason: "NOT_AN_IMAGE" };
  }
}
