import { describe, expect, it } from "vitest";
import { addressKey, clientIp } from "./client-address";

describe("client address", () => {
  it("[S1] is the first X-Forwarded-For entry, from Headers or next-auth's plain header object", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.7, 10.0.0.1" }))).toBe("203.0.113.7");
    expect(clientIp({ "x-forwarded-for": " 198.51.100.2 " })).toBe("198.51.100.2");
    expect(clientIp({ "x-forwarded-for": ["192.0.2.1", "192.0.2.9"] })).toBe("192.0.2.1");
    expect(clientIp(new Headers())).toBe("unknown");
    expect(clientIp({})).toBe("unknown");
  });

  it("[S1] an IPv6 host counts as its /64, however it spells or varies its address", () => {
    const key = "2001:db8:aa:bb::/64";
    expect(addressKey("2001:db8:aa:bb::1")).toBe(key);
    expect(addressKey("2001:0db8:00aa:00bb:1234:5678:9abc:def0")).toBe(key);
    expect(addressKey("2001:DB8:AA:BB:ffff::")).toBe(key);
    expect(addressKey("2001:db8:aa:bb::1%eth0")).toBe(key);
    expect(addressKey("2001:db8:aa:bc::1")).not.toBe(key);
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
    expect(addressKey("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(addressKey("64:ff9b::192.0.2.1")).toBe("64:ff9b:0:0::/64");
  });
});
