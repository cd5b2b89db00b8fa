import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { DOOR_PHOTO_MAX_BYTES, prepareDoorPhoto } from "./door-photo";

/** A phone-like photo: JPEG with EXIF carrying a GPS position (Seoul City Hall) and the camera. */
async function photoWithGps(width = 2400, height = 1800) {
  return new Uint8Array(
    await sharp({ create: { width, height, channels: 3, background: { r: 200, g: 60, b: 90 } } })
      .jpeg()
      .withExif({
        IFD0: { Make: "Bloomphone", Model: "B1", Copyright: "rider" },
        IFD3: { GPSLatitudeRef: "N", GPSLatitude: "37/1 33/1 59/1", GPSLongitudeRef: "E", GPSLongitude: "126/1 58/1 40/1" },
      })
      .toBuffer(),
  );
}

/** The EXIF GPS IFD pointer, tag 0x8825, in either byte order. */
const hasGpsIfd = (exif: Buffer) => exif.includes(Buffer.from([0x25, 0x88])) || exif.includes(Buffer.from([0x88, 0x25]));

describe("the photo at the door (D5)", () => {
  it("[D5] a JPEG with GPS EXIF comes out without any EXIF, resized to at most 1600 px", async () => {
    const input = await photoWithGps();
    const before = await sharp(input).metadata();
    expect(before.exif, "the test photo carries EXIF").toBeDefined();
    expect(before.exif!.toString("latin1")).toContain("Bloomphone");
    expect(hasGpsIfd(before.exif!), "the test photo carries a GPS IFD").toBe(true);
    const out = await prepareDoorPhoto(input);
    if (!out.ok) throw new Error(out.reason);
    const after = await sharp(out.bytes).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(after.format).toBe("jpeg");
    expect(Math.max(after.width!, after.height!)).toBe(1600);
    expect(Buffer.from(out.bytes).toString("latin1")).not.toContain("Bloomphone");
  });

  it("[D5] a small photo is not enlarged; a non-image or an oversized upload is refused", async () => {
    const small = await prepareDoorPhoto(await photoWithGps(320, 240));
    expect(small).toMatchObject({ ok: true, width: 320, height: 240 });
    expect(await prepareDoorPhoto(new TextEncoder().encode("<svg onload=alert(1)></svg> not a photo"))).toEqual({ ok: false, reason: "NOT_AN_IMAGE" });
    expect(await prepareDoorPhoto(new Uint8Array(DOOR_PHOTO_MAX_BYTES + 1))).toEqual({ ok: false, reason: "TOO_LARGE" });
  });
});
