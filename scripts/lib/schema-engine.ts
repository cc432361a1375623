import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type * as EngineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { DiffTarget, MigrationList, SchemaEngine, SchemaFilter } from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";

// Prisma's native schema engine cannot be downloaded offline; its official WASM build applies and
// diffs migrations the same way and records them in the standard `_prisma_migrations` table.

export const MIGRATIONS_DIR = "prisma/migrations";
export const SCHEMA_FILE = "prisma/schema.prisma";

const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

let bindings: Promise<typeof EngineBindings> | undefined;

function loadBindings(): Promise<typeof EngineBindings> {
  bindings ??= (async () => {
    // The package is ESM; a dynamic import works from tsx's CommonJS output and from vitest alike.
    const runtime = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    // The package's own entry imports the .wasm as an ES module, which Node cannot do; instantiate it
    // by hand, wired to the JS glue under the import name the binary expects.
    const fromRoot = createRequire(path.join(process.cwd(), "package.json"));
    const wasmFile = path.join(path.dirname(fromRoot.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
    const imports: WebAssembly.ModuleImports = { ...runtime };
    for (const name of Object.keys(imports).filter((key) => key.startsWith("__wbg_setTimeout_"))) {
      // The engine races queries against 10 s timers it never cancels (the glue has no clearTimeout);
      // unref'd, they stop holding the process open for 10 s after the work is done.
      imports[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
    }
    const instance = new WebAssembly.Instance(await WebAssembly.compile(readFileSync(wasmFile)), { "./schema_engine_bg.js": imports });
    runtime.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return runtime;
  })();
  return bindings;
}

async function withEngine<T>(adapterFactory: SqlMigrationAwareDriverAdapterFactory, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadBindings();
  const logs: string[] = [];
  const engine = await SchemaEngine.new({ datamodels: undefined }, (line: string) => logs.push(line), bindMigrationAwareSqlAdapterFactory(adapterFactory)).catch(
    (error: unknown) => Promise.reject(new Error(`The schema engine could not start: ${messageOf(error)}`)),
  );
  try {
    return await work(engine);
  } catch (error) {
    const errorLogs = logs.filter((line) => line.includes('"ERROR"'));
    // The engine appends a Rust span trace ("   0: sql_schema_connector::…") that says nothing to a user.
    const message = messageOf(error).replace(/\n\s+0: [\s\S]*$/, "");
    throw new Error(`${message}${errorLogs.length ? `\nEngine log:\n${errorLogs.slice(-5).join("\n")}` : ""}`);
  } finally {
    engine.free();
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error !== null && "message" in error) return String(error.message);
  return String(error);
}

function readMigrations(migrationsDir: string): MigrationList {
  const baseDir = path.resolve(process.cwd(), migrationsDir);
  const lockfile = path.join(baseDir, "migration_lock.toml");
  const directories = existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(path.join(baseDir, entry.name, "migration.sql")))
        .map((entry) => entry.name)
        .sort()
    : [];
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockfile) ? readFileSync(lockfile, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: directories.map((name) => ({
      path: name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: readFileSync(path.join(baseDir, name, "migration.sql"), "utf8") } },
    })),
  };
}

/** Applies the pending migrations of `migrationsDir`; running it again applies nothing. */
export async function applyMigrations(connectionString: string, migrationsDir = MIGRATIONS_DIR): Promise<{ applied: string[] }> {
  const migrationsList = readMigrations(migrationsDir);
  // Our own pool, closed here whatever the engine does with its adapter. One connection that never idles
  // out: the engine's migration lock (pg_advisory_lock) lives in that session until the pool ends.
  const pool = new pg.Pool({ connectionString, max: 1, idleTimeoutMillis: 0 });
  try {
    const result = await withEngine(wholeScripts(new PrismaPg(pool)), (engine) => engine.applyMigrations({ migrationsList, filters: NO_FILTER }));
    return { applied: result.appliedMigrationNames };
  } catch (error) {
    throw new Error(`Applying migrations from ${migrationsDir} failed: ${messageOf(error)}`);
  } finally {
    await pool.end();
  }
}

/**
 * PrismaPg's executeScript splits a script at every ";" (breaking semicolons in strings, comments and
 * function bodies) and runs the pieces one by one, so a failing migration is left half-applied. The
 * native engine sends the whole script at once, which PostgreSQL runs as one implicit transaction;
 * executeRaw with no parameters does the same, as pg then uses the simple query protocol.
 */
function wholeScripts(factory: PrismaPg): SqlMigrationAwareDriverAdapterFactory {
  const fix = (adapter: SqlDriverAdapter): SqlDriverAdapter =>
    Object.assign(adapter, { executeScript: async (script: string) => void (await adapter.executeRaw({ sql: script, args: [], argTypes: [] })) });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => fix(await factory.connect()),
    connectToShadowDb: () => Promise.reject(new Error("These migrations never use a shadow database.")),
  };
}

/**
 * Even a datamodel-to-datamodel diff makes the engine connect and ask the server for its flavour
 * (PostgreSQL or CockroachDB) once, as it starts. This adapter answers that one probe and refuses
 * everything else, so diffs need no database and provably change none.
 */
function offlinePostgres(): SqlMigrationAwareDriverAdapterFactory {
  const info = { provider: "postgres", adapterName: "@prisma/adapter-pg" } as const;
  const refuse = (): Promise<never> => Promise.reject(new Error("The offline schema engine has no database to query."));
  const adapter: SqlDriverAdapter = {
    ...info,
    queryRaw: async ({ sql }) => {
      if (!sql.includes("version()")) return refuse();
      return {
        columnNames: ["exists", "version", "numeric_version"],
        columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
        rows: [[true, "PostgreSQL 15.0 (offline diff)", 150000]],
      };
    },
    executeRaw: refuse,
    executeScript: refuse,
    startTransaction: refuse,
    dispose: async () => {},
  };
  return { ...info, connect: async () => adapter, connectToShadowDb: refuse };
}

/** The SQL that turns a database of one datamodel (null: an empty database) into one of another; "" if none. */
export async function diffSchemas(fromSchema: string | null, toSchema: string): Promise<string> {
  const datamodel = (content: string): DiffTarget => ({ tag: "schemaDatamodel", files: [{ path: SCHEMA_FILE, content }] });
  const result = await withEngine(offlinePostgres(), (engine) =>
    // exitCode: true makes the engine report an empty diff as exit code 0, rather than us parsing its placeholder comment.
    engine.diff({ from: fromSchema === null ? { tag: "empty" } : datamodel(fromSchema), to: datamodel(toSchema), script: true, exitCode: true, filters: NO_FILTER }),
  );
  return result.exitCode === 0 ? "" : (result.stdout ?? "");
}
