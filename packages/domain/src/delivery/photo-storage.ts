// The port through which proof-of-delivery photos (D5) are kept. The domain knows a photo only by
// its key; where the bytes live is the adapter's: a local directory by default
// (packages/app/src/delivery/local-photo-storage.ts). An S3-compatible adapter (bucket + prefix,
// private objects, served through the same access-checked route rather than public URLs) is the
// next adapter to add for a web tier that scales out; it is not written yet.
export type StoredPhoto = { bytes: Uint8Array; contentType: string };

export interface PhotoStorage {
  /** Stores the bytes under `key`; a key is written once. */
  put(key: string, photo: StoredPhoto): Promise<void>;
  /** The photo, or null when there is none under `key`. */
  get(key: string): Promise<StoredPhoto | null>;
  /** Removes it; removing a missing key is harmless. */
  delete(key: string): Promise<void>;
}

/** Keys the adapters accept: `<uuid>/<uuid>.jpg`, so no key can climb out of its directory or bucket prefix. */
export const PHOTO_KEY = /^[0-9a-f-]{36}\/[0-9a-f-]{36}\.jpg$/;
