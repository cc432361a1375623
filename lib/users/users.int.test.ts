import { describe, expect, it } from "vitest";
import { GET as getMe } from "@/app/api/v1/me/route";
import { POST as createUser } from "@/app/api/v1/users/route";
import { uniqueSuffix } from "@/lib/fixtures/factories";
import { callRoute } from "@/scripts/test/route-client";

const signUp = (body: unknown) => callRoute(createUser, "POST", "/api/v1/users", { body });

describe("POST /api/v1/users", () => {
  it("creates an account with a lower-cased email and never returns the password hash", async () => {
    const email = `New.Person.${uniqueSuffix()}@Example.test`;
    const response = await signUp({ email, password: "correct horse battery", name: "  New Person " });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ id: expect.any(String), email: email.toLowerCase(), name: "New Person" });
  });

  it("answers 409 when the email is taken, whatever its case", async () => {
    const email = `taken-${uniqueSuffix()}@example.test`;
    expect((await signUp({ email, password: "correct horse battery", name: "First" })).status).toBe(201);
    const second = await signUp({ email: email.toUpperCase(), password: "another long password", name: "Second" });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ error: { code: "conflict", message: expect.stringContaining("already exists") } });
  });

  it("refuses short passwords and bad emails with a 400 listing each problem", async () => {
    const response = await signUp({ email: "not-an-email", password: "short", name: "" });
    expect(response.status).toBe(400);
    const paths = (response.body as { error: { details: { path: string[] }[] } }).error.details.map((d) => d.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["body.email", "body.password", "body.name"]));
  });

  it.each(["password1234", "aaaaaaaaaaaa", " ".repeat(12)])("refuses the guessable password %j with the reason on the password field", async (password) => {
    const response = await signUp({ email: `weak-${uniqueSuffix()}@example.test`, password, name: "Weak Password" });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      error: { code: "validation_failed", details: [{ path: ["body", "password"], message: expect.stringContaining("Choose a harder password") }] },
    });
  });

  it("answers malformed JSON with a 400 validation_failed and details", async () => {
    const response = await callRoute(createUser, "POST", "/api/v1/users", { rawBody: '{"email": "a@b.c",' });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      error: { code: "validation_failed", details: [{ path: ["body"], message: expect.stringContaining("Malformed JSON") }] },
    });
  });

  it("answers a body that is not JSON with 415", async () => {
    const response = await callRoute(createUser, "POST", "/api/v1/users", {
      rawBody: "email=a@b.c",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(response.status).toBe(415);
    expect(response.body).toMatchObject({ error: { code: "unsupported_media_type" } });
  });

  it("answers an oversized body with 413 naming the limit", async () => {
    const response = await signUp({ email: "big@example.test", password: "x".repeat(2 * 1024 * 1024), name: "Big" });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ error: { code: "payload_too_large", message: expect.stringContaining("1 MB") } });
  });
});

describe("GET /api/v1/me", () => {
  it("answers 401 in the API's error shape without a session", async () => {
    const response = await callRoute(getMe, "GET", "/api/v1/me");
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ error: { code: "unauthenticated", message: expect.any(String) } });
  });

  it("returns the signed-in user for a next-auth session", async () => {
    const email = `me-${uniqueSuffix()}@example.test`;
    const created = (await signUp({ email, password: "correct horse battery", name: "Me Myself" })).body as {
      id: string;
    };
    const response = await callRoute(getMe, "GET", "/api/v1/me", { as: { id: created.id, email, name: "Me Myself" } });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: created.id, email, name: "Me Myself", authenticatedVia: "session" });
  });

  it("answers 401 for an unknown bearer token", async () => {
    const response = await callRoute(getMe, "GET", "/api/v1/me", { headers: { authorization: "Bearer cd_not-a-real-token" } });
    expect(response.status).toBe(401);
  });
});
