// PhotoStorage on the local disk (D5): the default adapter, for one web process or a shared volume.
// Files are written to a temporary name and renamed, so a reader never sees half a photo.
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { PHOTO_KEY, type PhotoStorage, type StoredPhoto } from "@bloom/domain";

export class LocalPhotoStorage implements PhotoStorage {
  constructor(private readonly dir: string) {}

  private pathOf(key: string): string {
    if (!PHOTO_KEY.test(key)) throw new Error(`Not a photo key: ${key}`);
    return path.join(this.dir, key);
  }

  async put(key: string, photo: StoredPhoto): Promise<void> {
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, photo.bytes);
    await rename(tmp, file);
  }

  async get(key: string): Promise<StoredPhoto | null> {
    try {
      // Every stored photo is a JPEG: door-photo.ts re-encodes whatever came in.
      return { bytes: new Uint8Array(await readFile(this.pathOf(key))), contentType: "image/jpeg" };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
