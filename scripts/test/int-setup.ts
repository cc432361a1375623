import { inject } from "vitest";

// The app reads its settings from the environment (lib/env.ts); tests run it against the test database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET = "integration-tests-secret-0123456789abcdef";
process.env.NEXTAUTH_URL = "http://localhost:3000";
