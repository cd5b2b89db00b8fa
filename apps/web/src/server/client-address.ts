// The client address that per-address rate limits count on (S1). It comes from the first
// X-Forwarded-For entry, which is trustworthy only because apps/web/server.mjs overwrites that
// header with the socket's address unless TRUST_PROXY=1, and our nginx (deploy/nginx) sets it to
// $remote_addr rather than appending to what the client sent.
import { isIPv4, isIPv6 } from "node:net";

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

/** The client's address as a rate-limit key: IPv4 as is, IPv6 by its /64 network. */
export function clientIp(headers: HeaderBag): string {
  const raw = typeof headers.get === "function" ? (headers as Headers).get("x-forwarded-for") : (headers as Record<string, string | string[] | undefined>)["x-forwarded-for"];
  const first = (Array.isArray(raw) ? raw[0] : raw)?.split(",")[0]?.trim();
  return first ? addressKey(first) : "unknown";
}

/**
 * One host's key. An IPv6 host is usually handed a whole /64 and can pick a new address from it
 * for every request, so per-address limits would count nothing; its network is the unit instead.
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (isIPv4(ip)) return ip;
  const bare = ip.split("%")[0]!; // a zone id (fe80::1%eth0) names the interface, not the host
  if (!isIPv6(bare)) return ip.slice(0, 64);
  const [head = "", tail] = bare.split("::");
  const groups = head ? head.split(":") : [];
  if (tail !== undefined) {
    const tailGroups = tail ? tail.split(":") : [];
    const tailLength = tailGroups.reduce((n, g) => n + (g.includes(".") ? 2 : 1), 0);
    groups.push(...Array<string>(8 - groups.length - tailLength).fill("0"), ...tailGroups);
  }
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}
