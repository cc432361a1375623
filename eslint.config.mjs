import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

const clientQueryImports = [
  { name: "@tanstack/react-query", importNames: ["useMutation", "useQuery", "useInfiniteQuery"], message: "Queries and mutations live in lib/<feature>/client hooks." },
  { name: "@/lib/http/api-client", importNames: ["callApi", "uploadToApi", "openDownload"], message: "Call endpoints from a hook in lib/<feature>/client." },
];

const serverOnlyImports = {
  patterns: [
    { group: ["@/lib/db", "@/lib/*/server/*", "@/lib/*/server", "@/scripts/*"], message: "Client code must not import server modules; call the API through a TanStack Query hook." },
  ],
};

export default tseslint.config(
  { ignores: ["node_modules/**", ".next/**", ".data/**", "lib/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/ban-ts-comment": "error",
      "no-restricted-syntax": [
        "error",
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: "Read settings through lib/env.ts." },
      ],
    },
  },
  {
    // Request input is parsed by schemas; their strings refuse NUL and unpaired surrogates (lib/http/text.schemas.ts).
    files: ["app/api/**/*.ts", "lib/**/*.schemas.ts"],
    ignores: ["lib/http/text.schemas.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: "Read settings through lib/env.ts." },
        { selector: "CallExpression[callee.object.name='z'][callee.property.name='string']", message: "Use text() or IdSchema from lib/http/text.schemas.ts: it refuses NUL and unpaired surrogates." },
      ],
    },
  },
  { files: ["lib/env.ts", "scripts/test/int-setup.ts", "e2e/**", "playwright.config.ts", "vitest.config.mts", "prisma.config.ts", "next.config.js"], rules: { "no-restricted-syntax": "off" } },
  { files: ["components/**", "lib/**/client/**", "lib/**/*.schemas.ts", "lib/**/*.endpoints.ts"], rules: { "no-restricted-imports": ["error", serverOnlyImports] } },
  {
    // One browser client (lib/http/api-client.ts); every query and mutation lives in lib/<feature>/client.
    files: ["components/**", "app/**/*.tsx"],
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "fetch", message: "Call the API through a hook in lib/<feature>/client (callApi in lib/http/api-client.ts)." },
        { name: "XMLHttpRequest", message: "Upload through uploadToApi in lib/http/api-client.ts, from a hook in lib/<feature>/client." },
      ],
      "no-restricted-imports": ["error", { paths: clientQueryImports }],
    },
  },
  { files: ["components/**"], rules: { "no-restricted-imports": ["error", { ...serverOnlyImports, paths: clientQueryImports }] } },
);
