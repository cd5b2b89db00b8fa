// X4: webhook secrets sealed at rest open only with the same key-encryption secret and endpoint.
import { describe, expect, it } from "vitest";
import { WebhookSecretBox, WebhookSecretUnsealError } from "./secret-box";

describe("webhook secret box (X4)", () => {
  it("[X4] opens with the same secret and endpoint only; altered, moved or foreign-key seals are refused", () => {
    const box = new WebhookSecretBox("a-key-encryption-secret-of-some-length");
    const sealed = box.seal("endpoint-1", "whsec_abc");
    expect(sealed).not.toContain("abc");
    expect(box.open("endpoint-1", sealed)).toBe("whsec_abc");
    expect(() => box.open("endpoint-2", sealed)).toThrow(WebhookSecretUnsealError);
    expect(() => new WebhookSecretBox("another-key-encryption-secret!!").open("endpoint-1", sealed)).toThrow(WebhookSecretUnsealError);
    const parts = sealed.split(".");
    parts[3] = parts[3]!.slice(0, -2) + (parts[3]!.endsWith("AA") ? "BB" : "AA");
    expect(() => box.open("endpoint-1", parts.join("."))).toThrow(WebhookSecretUnsealError);
    expect(() => box.open("endpoint-1", "whsec_plain")).toThrow(WebhookSecretUnsealError);
  });
});
